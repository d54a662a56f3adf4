import QNetModel

/// Everything the physics of one link reads from a topology: the link, its two
/// end nodes, the equipment it uses and the topology's defaults, with the
/// indices that its key paths name.
///
/// Two equal `LinkInputs` give the same `LinkPlan`, so an incremental re-plan
/// reuses the plan of every link whose inputs are unchanged.
///
/// A class (immutable) so that the session's per-index array, its previous
/// call's array and its cache by link id share one copy per link: the
/// records inside are large.
final class LinkInputs: Hashable, Sendable {
    /// Index of the link in `topology.links` (budget lines name `links[index]`).
    let index: Int
    let link: Link
    let fromNode: Node
    let fromIndex: Int
    let toNode: Node
    let toIndex: Int
    /// The sender's source record, its name, and the key path that named it.
    let source: PhotonSource?
    let sourceName: String?
    let sourceReference: String?
    /// The receiver's detector record, its name, and the key path that named it.
    let detector: Detector?
    let detectorName: String?
    let detectorReference: String?
    let defaults: TopologyDefaults

    /// The inputs of `topology.links[index]`, or nil when one of its nodes is missing.
    /// - Complexity: O(1) given `nodeIndex`, a map from node id to index.
    init?(topology: Topology, index: Int, nodeIndex: [Identifier: Int]) {
        let link = topology.links[index]
        guard let fromIndex = nodeIndex[link.from], let toIndex = nodeIndex[link.to] else { return nil }
        self.index = index
        self.link = link
        self.fromIndex = fromIndex
        self.toIndex = toIndex
        self.fromNode = topology.nodes[fromIndex]
        self.toNode = topology.nodes[toIndex]
        self.defaults = topology.defaults

        let (sender, senderIndex, receiver, receiverIndex) = Self.roles(link: link, from: (topology.nodes[fromIndex], fromIndex),
                                                                       to: (topology.nodes[toIndex], toIndex))
        var sourceName: String?, sourceReference: String?, detectorName: String?, detectorReference: String?
        if let name = link.source {
            sourceName = name
            sourceReference = "links[\(index)].source"
        } else if let name = sender.source {
            sourceName = name
            sourceReference = "nodes[\(senderIndex)].source"
        }
        if let name = link.detector {
            detectorName = name
            detectorReference = "links[\(index)].detector"
        } else if let name = receiver.detector {
            detectorName = name
            detectorReference = "nodes[\(receiverIndex)].detector"
        }
        self.sourceName = sourceName
        self.sourceReference = sourceReference
        self.detectorName = detectorName
        self.detectorReference = detectorReference
        source = sourceName.flatMap { topology.equipment.source(named: $0) }
        detector = detectorName.flatMap { topology.equipment.detector(named: $0) }
    }

    static func == (a: LinkInputs, b: LinkInputs) -> Bool {
        a === b || (a.index == b.index && a.fromIndex == b.fromIndex && a.toIndex == b.toIndex && a.link == b.link
            && a.fromNode == b.fromNode && a.toNode == b.toNode && a.sourceName == b.sourceName
            && a.sourceReference == b.sourceReference && a.detectorName == b.detectorName
            && a.detectorReference == b.detectorReference && a.source == b.source && a.detector == b.detector
            && a.defaults == b.defaults)
    }

    /// Hashes the index and the link's id only (equal inputs have equal ones).
    func hash(into hasher: inout Hasher) {
        hasher.combine(index)
        hasher.combine(link.id)
    }

    /// Which end sends and which receives: the first of `between` sends, except
    /// on a satellite link, where `direction` decides (downlink: the satellite sends).
    static func roles(link: Link, from: (Node, Int), to: (Node, Int)) -> (Node, Int, Node, Int) {
        guard link.resolvedMedium == .satellite else { return (from.0, from.1, to.0, to.1) }
        let satelliteFirst = from.0.resolvedKind == .satellite || to.0.resolvedKind != .satellite
        let (satellite, ground) = satelliteFirst ? (from, to) : (to, from)
        switch link.direction ?? .downlink {
        case .downlink: return (satellite.0, satellite.1, ground.0, ground.1)
        case .uplink: return (ground.0, ground.1, satellite.0, satellite.1)
        }
    }
}
