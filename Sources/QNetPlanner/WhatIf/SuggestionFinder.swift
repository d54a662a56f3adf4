import QNetModel

/// Changes of a demand's limiting link that raise the demand's rate: another
/// detector from the equipment library, a trusted node or a repeater at the
/// link's midpoint, another protocol in a layout the segment's shape allows;
/// for a repeater chain, another library memory on its repeaters, a Bell
/// measurement that succeeds more often, and a repeater at the midpoint of
/// the limiting link or of every link.
///
/// Every candidate is planned (`LocalReplan`) and the demand routed again; a
/// candidate is kept only when it raises the demand's rate by 1 % or more (one whose new
/// segments carry no key cannot, and is not routed). Protocols come from
/// `ProtocolKind.allCases`, so a protocol the planner learns to plan is tried
/// without a change here.
///
/// Where no change of the limiting link alone helps and other segments of the
/// best path carry as little key as the limiting one, each change is tried on
/// all of them together (`TiedCandidates`).
///
/// A change can lower other demands: one that replaces a segment on another
/// demand's best path (a trusted node more on it, beyond its
/// max_trusted_nodes, say) is routed again for that demand too, and the
/// suggestion lists the demands it lowers (`Suggestion.lowers`). Demands whose
/// flow, but not best path, crosses the change are not checked.
struct SuggestionFinder {
    let local: LocalReplan
    let router: ChangeRouter
    /// The plan's demands with their routing, for the side effects of a change.
    var others: [(demand: Demand, plan: DemandPlan)] = []
    /// A change is suggested when it raises the rate by at least this fraction (a smaller gain would be
    /// listed at the rate the demand already has, at the reports' three significant digits).
    static let smallestGain = 0.01
    var network: KeyNetwork { router.network }

    /// A candidate: links replaced by others, with nodes added and nodes edited (keeping their ids and kinds).
    struct Candidate {
        var kind: Suggestion.Kind
        var summary: String
        var changes: [String]
        var replaced: [Int]
        var links: [Link]
        var newNodes: [Node] = []
        var editedNodes: [Node] = []
    }

    /// The improving changes of the link at `linkIndex` (in the segment at `segmentIndex`) for `demand`, best first.
    ///
    /// `tied` are the other (segment, link) pairs of the demand's best path whose segments carry as little key as the
    /// limiting one. When no change of the limiting link alone raises the rate, the rate may have a kink there,
    /// so each change is then tried on all of them at once (`TiedCandidates`).
    func suggestions(for demand: Demand, rate base: Double, segmentIndex: Int, linkIndex: Int,
                     tied: [(segmentIndex: Int, linkIndex: Int)] = []) -> [Suggestion] {
        let own = candidates(segmentIndex: segmentIndex, linkIndex: linkIndex)
        var found = improving(own, for: demand, rate: base)
        if found.isEmpty, !tied.isEmpty {
            let links = [linkIndex] + tied.map(\.linkIndex)
            let each = [own] + tied.map { candidates(segmentIndex: $0.segmentIndex, linkIndex: $0.linkIndex) }
            found = improving(TiedCandidates.combine(each, links: links.map { network.topology.links[$0].id }), for: demand, rate: base)
        }
        return found.sorted { $0.rateBps != $1.rateBps ? $0.rateBps > $1.rateBps : $0.summary < $1.summary }
    }

    /// The suggestions of the `candidates` that raise `demand`'s rate from `base` by `smallestGain` or more.
    private func improving(_ candidates: [Candidate], for demand: Demand, rate base: Double) -> [Suggestion] {
        candidates.compactMap { candidate in
            let change = local.change(replacing: candidate.replaced, with: candidate.links, newNodes: candidate.newNodes,
                                      editedNodes: candidate.editedNodes)
            // Without key on the new segments the key graph only lost capacity: the rate cannot rise.
            guard change.added.contains(where: { $0.keyRateBps > 0 }) else { return nil }
            let result = router.route(demand, change: change)
            guard result.maxFlowBps > base * (1 + Self.smallestGain), result.maxFlowBps > 0 else { return nil }
            return Suggestion(kind: candidate.kind, summary: candidate.summary, changes: candidate.changes,
                              rateBps: result.maxFlowBps, satisfied: result.satisfied, lowers: sideEffects(of: change, besides: demand))
        }
    }

    /// The other demands whose best path crosses a segment `change` removes and whose rate it lowers.
    ///
    /// Each removed segment is replaced by segments between the same ends (a chain through a new node, or one
    /// segment); when none of those carries less key than any removed one, a flow through a removed segment can
    /// take its replacement, so only demands whose paths are limited to a number of trusted nodes (a chain is
    /// longer) are routed again.
    private func sideEffects(of change: KeyNetwork.Change, besides demand: Demand) -> [SideEffect] {
        let removed = Set(change.removed.map { network.segments[$0].id })
        let smallestAdded = change.added.map(\.keyRateBps).min() ?? 0
        let largestRemoved = change.removed.map { network.segments[$0].keyRateBps }.max() ?? 0
        // Every end of a removed segment must be an end of an added one (a replacement the segment search did not
        // find leaves a gap, and then any demand crossing it can lose).
        let addedEnds = Set(change.added.flatMap { [$0.from, $0.to] })
        let replaced = change.removed.allSatisfy { addedEnds.contains(network.segments[$0].from) && addedEnds.contains(network.segments[$0].to) }
        let onlyLongerPathsCanLose = replaced && smallestAdded >= largestRemoved
        return others.compactMap { other in
            guard other.demand.resolvedID != demand.resolvedID, other.plan.maxFlowBps > 0,
                  !onlyLongerPathsCanLose || other.demand.maxTrustedNodes != nil,
                  other.plan.bestPathSegments.contains(where: removed.contains) else { return nil }
            let after = router.route(other.demand, change: change)
            guard after.maxFlowBps < other.plan.maxFlowBps * (1 - 1e-9) else { return nil }
            return SideEffect(demand: other.plan.id, beforeBps: other.plan.maxFlowBps, afterBps: after.maxFlowBps,
                              satisfied: after.satisfied)
        }
    }

    /// Every change tried for the link at `linkIndex` in the segment at `segmentIndex`.
    func candidates(segmentIndex: Int, linkIndex: Int) -> [Candidate] {
        let topology = network.topology
        let segment = network.segments[segmentIndex]
        let links = network.segmentLinks[segmentIndex]
        let inner = network.segmentNodes[segmentIndex].dropFirst().dropLast().map { topology.nodes[$0].resolvedKind }
        guard let shape = StationLayout(inner: Array(inner)) else { return [] }
        let equipment = LinkEquipment(topology: topology, linkIndex: linkIndex, nodeIndex: network.nodeIndex)

        var result = detectorCandidates(segment: segment, links: links, linkIndex: linkIndex, equipment: equipment)
        for kind in ProtocolKind.allCases where kind != segment.protocolKind {
            for layout in kind.layouts {
                if layout == shape {
                    result.append(protocolCandidate(kind, links: links, equipment: equipment))
                } else if shape == .direct, let middle = layout.middleKind {
                    result += midpointCandidates(kind, station: middle, linkIndex: linkIndex, equipment: equipment)
                }
            }
        }
        if shape == .direct, segment.protocolKind.layouts.contains(.direct) {
            result += midpointCandidates(segment.protocolKind, station: .trusted, linkIndex: linkIndex, equipment: equipment)
        }
        if shape == .middleRepeater {
            result += memoryCandidates(segmentIndex: segmentIndex) + swapCandidates(segmentIndex: segmentIndex)
                + chainMidpointCandidates(segmentIndex: segmentIndex, linkIndex: linkIndex)
        }
        return result
    }

    /// Each library detector of a kind the protocol measures with at the link's wavelength, on the segment's links
    /// that use the limiting link's detector.
    private func detectorCandidates(segment: SegmentPlan, links: [Int], linkIndex: Int, equipment: LinkEquipment) -> [Candidate] {
        let topology = network.topology
        let sharing = links.filter {
            LinkEquipment(topology: topology, linkIndex: $0, nodeIndex: network.nodeIndex).detectorName == equipment.detectorName
        }
        return topology.equipment.detectors.filter { detector in
            detector.name != equipment.detectorName
                && equipment.fits(ResolvedDetector(record: detector, name: detector.name).kind.value, segment.protocolKind)
        }.map { detector in
            let edited = sharing.map { index in
                var link = topology.links[index]
                link.detector = detector.name
                return link
            }
            let names = edited.map(\.id.rawValue).joined(separator: ", ")
            return Candidate(kind: .detector, summary: "detector \(detector.name) on \(names)",
                             changes: edited.map { "\($0.id).detector: \(detector.name)" }, replaced: sharing, links: edited)
        }
    }

    /// The segment's links running `kind`, with a source and detector of kinds it uses where the library has them.
    private func protocolCandidate(_ kind: ProtocolKind, links: [Int], equipment: LinkEquipment) -> Candidate {
        let topology = network.topology
        let source = equipment.source(for: kind, in: topology.equipment)
        let detector = equipment.detector(for: kind, in: topology.equipment)
        var changes: [String] = []
        let edited = links.map { index in
            var link = topology.links[index]
            link.protocolKind = kind
            changes.append("\(link.id).protocol: \(kind.rawValue)")
            if source != equipment.sourceName, let source {
                link.source = source
                changes.append("\(link.id).source: \(source)")
            }
            if detector != equipment.detectorName, let detector {
                link.detector = detector
                changes.append("\(link.id).detector: \(detector)")
            }
            return link
        }
        let names = edited.map(\.id.rawValue).joined(separator: ", ")
        return Candidate(kind: .protocolChange, summary: "protocol \(kind.rawValue) on \(names)", changes: changes,
                         replaced: links, links: edited)
    }

    /// The link split by a `station` running `kind`: one candidate, or one per library memory for a repeater.
    private func midpointCandidates(_ kind: ProtocolKind, station: NodeKind, linkIndex: Int,
                                    equipment: LinkEquipment) -> [Candidate] {
        var taken = network.ids
        let topology = network.topology
        let link = topology.links[linkIndex]
        guard let from = network.nodeIndex[link.from], let to = network.nodeIndex[link.to],
              var split = MidpointSplit(link, kind: station, protocol: kind, ends: (topology.nodes[from], topology.nodes[to]),
                                        taken: &taken) else { return [] }
        let source = equipment.source(for: kind, in: topology.equipment)
        let detector = equipment.detector(for: kind, in: topology.equipment)
        switch station {
        case .relay:
            split.node.detector = detector
            for index in split.links.indices { split.links[index].source = source }
        case .source:
            split.node.source = source
            for index in split.links.indices { split.links[index].detector = detector }
        case .endpoint, .trusted, .repeater, .satellite:
            split.node.source = source
            split.node.detector = detector
        }
        let what = station == .trusted ? "a trusted node" : "\(kind.rawValue) through a \(station.rawValue)"
        let suggestionKind: Suggestion.Kind = station == .trusted ? .trustedNode : station == .repeater ? .repeater : .protocolChange
        let summary = "\(what) at the midpoint of \(link.id)"
        func candidate(_ split: MidpointSplit, _ summary: String) -> Candidate {
            Candidate(kind: suggestionKind, summary: summary, changes: split.changes, replaced: [linkIndex], links: split.links,
                      newNodes: [split.node])
        }
        guard station == .repeater, !topology.equipment.memories.isEmpty else { return [candidate(split, summary)] }
        return topology.equipment.memories.map { memory in
            var withMemory = split
            withMemory.node.memory = memory.name
            return candidate(withMemory, summary + " (memory \(memory.name))")
        }
    }
}
