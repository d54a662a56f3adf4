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
///
/// The link itself is not copied: the inputs keep the topology's links array
/// (shared storage) and the index. The session moves the inputs it reuses onto
/// each new call's array (`rebase(onto:)`), so no older array stays alive.
final class LinkInputs: Hashable, @unchecked Sendable {
    /// Index of the link in `topology.links` (budget lines name `links[index]`).
    let index: Int
    /// The topology's links (the link is `links[index]`); replaced only by `rebase(onto:)`, before any
    /// concurrent reads of a `plan(_:)` call.
    private var links: [Link]
    var link: Link { links[index] }
    /// The link's own `protocol` key, read in place (`link` copies the whole record).
    var protocolKey: ProtocolKind? { links[index].protocolKind }
    let fromIndex: Int
    let toIndex: Int
    let sourceName: String?
    let sourceReference: String?
    let detectorName: String?
    let detectorReference: String?
    /// The records below, shared with the other links of the same `plan(_:)` call (see `SharedRecords`).
    private let fromBox: Box<Node>
    private let toBox: Box<Node>
    private let sourceBox: Box<PhotonSource>?
    private let detectorBox: Box<Detector>?
    private let defaultsBox: Box<TopologyDefaults>

    /// The source and detector after defaults (derived from the records and names above, shared
    /// by the links that name the same ones: their key-path strings are built once).
    let resolved: SharedRecords.Resolved

    var resolvedSource: ResolvedSource { resolved.source }
    var resolvedDetector: ResolvedDetector { resolved.detector }

    var fromNode: Node { fromBox.value }
    var toNode: Node { toBox.value }
    /// The sender's source record (`sourceName`, named at `sourceReference`).
    var source: PhotonSource? { sourceBox?.value }
    /// The receiver's detector record (`detectorName`, named at `detectorReference`).
    var detector: Detector? { detectorBox?.value }
    var defaults: TopologyDefaults { defaultsBox.value }

    /// The inputs of `topology.links[index]`, or nil when one of its nodes is missing.
    /// - Complexity: O(1) given `nodeIndex`, a map from node id to index.
    convenience init?(topology: Topology, index: Int, nodeIndex: [Identifier: Int]) {
        self.init(topology: topology, index: index, nodeIndex: nodeIndex, shared: SharedRecords(topology))
    }

    /// The inputs of `topology.links[index]`, sharing node, equipment and defaults records through `shared`.
    init?(topology: Topology, index: Int, nodeIndex: [Identifier: Int], shared: SharedRecords) {
        let link = topology.links[index]
        guard let fromIndex = nodeIndex[link.from], let toIndex = nodeIndex[link.to] else { return nil }
        self.index = index
        self.links = topology.links
        self.fromIndex = fromIndex
        self.toIndex = toIndex
        fromBox = shared.node(fromIndex)
        toBox = shared.node(toIndex)
        defaultsBox = shared.defaults

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
        sourceBox = sourceName.flatMap { shared.source(named: $0) }
        detectorBox = detectorName.flatMap { shared.detector(named: $0) }
        resolved = shared.resolved(sourceNamed: sourceName, record: sourceBox?.value, detectorNamed: detectorName,
                                   record: detectorBox?.value)
    }

    /// Points these inputs at `links`, whose element at `index` must equal `link`.
    func rebase(onto links: [Link]) {
        self.links = links
    }

    static func == (a: LinkInputs, b: LinkInputs) -> Bool {
        a === b || (a.index == b.index && a.fromIndex == b.fromIndex && a.toIndex == b.toIndex && a.link == b.link
            && a.sourceName == b.sourceName
            && a.sourceReference == b.sourceReference && a.detectorName == b.detectorName
            && a.detectorReference == b.detectorReference && Box.same(a.fromBox, b.fromBox) && Box.same(a.toBox, b.toBox)
            && Box.same(a.sourceBox, b.sourceBox) && Box.same(a.detectorBox, b.detectorBox)
            && Box.same(a.defaultsBox, b.defaultsBox))
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
        switch link.resolvedDirection {
        case .downlink: return (satellite.0, satellite.1, ground.0, ground.1)
        case .uplink: return (ground.0, ground.1, satellite.0, satellite.1)
        }
    }
}

/// An immutable record shared by reference.
final class Box<Value: Equatable & Sendable>: Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }

    /// Equal boxes: the same box, or equal values.
    static func same(_ a: Box?, _ b: Box?) -> Bool {
        switch (a, b) {
        case (nil, nil): return true
        case let (a?, b?): return a === b || a.value == b.value
        default: return false
        }
    }
}

/// One box per node, per named source and detector, and for the defaults of a topology, made on
/// first use: the links of one `plan(_:)` call share them instead of each holding copies.
/// Not thread-safe.
final class SharedRecords {
    private let topology: Topology
    private var nodes: [Box<Node>?]
    private var sources: [String: Box<PhotonSource>?] = [:]
    private var detectors: [String: Box<Detector>?] = [:]
    let defaults: Box<TopologyDefaults>

    init(_ topology: Topology) {
        self.topology = topology
        nodes = [Box<Node>?](repeating: nil, count: topology.nodes.count)
        defaults = Box(topology.defaults)
    }

    func node(_ index: Int) -> Box<Node> {
        if let box = nodes[index] { return box }
        let box = Box(topology.nodes[index])
        nodes[index] = box
        return box
    }

    func source(named name: String) -> Box<PhotonSource>? {
        if let box = sources[name] { return box }
        let box = topology.equipment.source(named: name).map { Box($0) }
        sources[name] = box
        return box
    }

    /// A resolved source and detector, shared by reference.
    final class Resolved: Sendable {
        let source: ResolvedSource
        let detector: ResolvedDetector
        init(source: ResolvedSource, detector: ResolvedDetector) {
            self.source = source
            self.detector = detector
        }
    }

    private struct Names: Hashable {
        var source: String?
        var detector: String?
    }

    private var resolved: [Names: Resolved] = [:]

    /// The source and detector named so (whose records are given) after defaults.
    func resolved(sourceNamed source: String?, record sourceRecord: PhotonSource?, detectorNamed detector: String?,
                  record detectorRecord: Detector?) -> Resolved {
        let names = Names(source: source, detector: detector)
        if let found = resolved[names] { return found }
        let built = Resolved(source: ResolvedSource(record: sourceRecord, name: source),
                             detector: ResolvedDetector(record: detectorRecord, name: detector))
        resolved[names] = built
        return built
    }

    func detector(named name: String) -> Box<Detector>? {
        if let box = detectors[name] { return box }
        let box = topology.equipment.detector(named: name).map { Box($0) }
        detectors[name] = box
        return box
    }
}
