import QNetModel

/// Changes of a demand's limiting link that raise the demand's rate: another
/// detector from the equipment library, a larger telescope on a free-space or
/// satellite link, a trusted node or a repeater at the
/// link's midpoint, another protocol in a layout the segment's shape allows;
/// for a repeater chain, another library memory on its repeaters, a Bell
/// measurement that succeeds more often, and a repeater at the midpoint of
/// the limiting link or of every link; for a tf segment whose arms lose
/// unequally, its relay where they lose the same and an attenuator on its
/// short arm.
///
/// Every candidate is planned (`LocalReplan`) and the demand routed again; a
/// candidate is kept only when it raises the demand's rate by 1 % or more (one whose new
/// segments carry no key cannot, and is not routed). Protocols come from
/// `ProtocolKind.allCases`, so a protocol the planner learns to plan is tried
/// without a change here.
///
/// A change that puts an asymptotic key where a finite-key one was is compared
/// with that link's asymptotic key too (`asymptoticBase(of:for:)`).
///
/// Where no change of the limiting link alone helps and other segments of the
/// best path carry as little key as the limiting one, each change is tried on
/// all of them together (`TiedCandidates`).
///
/// A change that the planner finds an error in (links of one segment that
/// name different protocols, say) is not suggested: each suggestion, made as
/// written, gives a topology that `check` accepts. A protocol change at a relay
/// or pair source changes the links of every segment through it, which share its links.
///
/// A change can lower other demands: every demand whose max flow or best path
/// uses a segment the change weakens is routed again, and the suggestion lists
/// the demands it lowers (`Suggestion.lowers`; see `sideEffects(of:besides:)`).
struct SuggestionFinder {
    let local: LocalReplan
    let router: ChangeRouter
    /// The plan's demands with their routing, for the side effects of a change.
    var others: PlannedDemands?
    /// Asked before each candidate is planned and each other demand routed: once cancelled, none is (the
    /// suggestions are then not used).
    var cancellation = Cancellation.never
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

        /// The candidate's edits of `topology`, with the demand's larger `max_trusted_nodes` when it needs one.
        func edit(in topology: Topology, limit: LimitRaise?) -> SuggestedEdit {
            let kept = Set(links.map(\.id))
            return SuggestedEdit(removedLinks: replaced.map { topology.links[$0].id }.filter { !kept.contains($0) }, links: links,
                                 newNodes: newNodes, editedNodes: editedNodes, limit: limit)
        }
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

    /// The suggestions of the `candidates` that raise `demand`'s rate from `base` by `smallestGain` or more; none
    /// more once cancelled.
    private func improving(_ candidates: [Candidate], for demand: Demand, rate base: Double) -> [Suggestion] {
        var found: [Suggestion] = []
        for candidate in candidates {
            if cancellation.isCancelled { break }
            if let suggestion = improvement(candidate, for: demand, rate: base) { found.append(suggestion) }
        }
        return found
    }

    /// The suggestion of `candidate` when it raises `demand`'s rate from `base` by `smallestGain` or more.
    private func improvement(_ candidate: Candidate, for demand: Demand, rate base: Double) -> Suggestion? {
        let change = local.change(replacing: candidate.replaced, with: candidate.links, newNodes: candidate.newNodes,
                                  editedNodes: candidate.editedNodes)
        // Without key on the new segments the key graph only lost capacity: the rate cannot rise.
        guard change.errors.isEmpty, change.added.contains(where: { $0.keyRateBps > 0 }) else { return nil }
        var result = router.route(demand, change: change)
        var raise: LimitRaise?
        // New trusted nodes beyond the demand's limit give it nothing within it: with the limit raised, they may.
        if result.maxFlowBps <= base * (1 + Self.smallestGain),
           let raised = routeRaisingLimit(demand, change: change, addingTrusted: candidate.newNodes.filter {
               $0.resolvedKind == .trusted }.count, rate: base) {
            (result, raise) = (raised.plan, raised.raise)
        }
        guard result.maxFlowBps > base * (1 + Self.smallestGain), result.maxFlowBps > 0 else { return nil }
        var summary = candidate.summary
        let routed = raise.map { demand.limitingTrustedNodes(to: $0.to) } ?? demand
        if let asymptotic = asymptoticBase(of: candidate, for: routed) {
            guard result.maxFlowBps > asymptotic.rateBps * (1 + Self.smallestGain) else { return nil }
            summary += " (\(asymptotic.note))"
        }
        return Suggestion(kind: candidate.kind, summary: summary, changes: candidate.changes + (raise.map { [$0.change] } ?? []),
                          edit: candidate.edit(in: network.topology, limit: raise), rateBps: result.maxFlowBps, satisfied: result.satisfied, lowers: sideEffects(of: change, besides: demand),
                          requires: raise)
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
        result += opticsCandidates(linkIndex: linkIndex)
        for kind in ProtocolKind.allCases where kind != segment.protocolKind {
            for layout in kind.layouts {
                if layout == shape {
                    result.append(protocolCandidate(kind, segmentIndex: segmentIndex))
                } else if shape == .direct, let middle = layout.middleKind {
                    result += midpointCandidates(kind, station: middle, linkIndex: linkIndex, equipment: equipment)
                }
            }
        }
        if shape == .direct, segment.protocolKind.layouts.contains(.direct) {
            result += midpointCandidates(segment.protocolKind, station: .trusted, linkIndex: linkIndex, equipment: equipment)
        }
        if segment.protocolKind == .twinField {
            result += armBalanceCandidates(segmentIndex: segmentIndex)
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

    /// The segment's links running `kind`, each with a source and detector of kinds it uses where the library has
    /// them; with a relay or pair source inside, every link of every segment through it (those segments share its
    /// links, and the links of a segment must name one protocol).
    private func protocolCandidate(_ kind: ProtocolKind, segmentIndex: Int) -> Candidate {
        let topology = network.topology
        let stations = network.segmentNodes[segmentIndex].dropFirst().dropLast()
        let links = stations.isEmpty ? network.segmentLinks[segmentIndex]
            : Set(stations.flatMap { network.segmentsOfNode[$0].flatMap { network.segmentLinks[$0] } }).sorted()
        var changes: [String] = []
        let edited = links.map { index in
            let equipment = LinkEquipment(topology: topology, linkIndex: index, nodeIndex: network.nodeIndex)
            let source = equipment.source(for: kind, in: topology.equipment)
            let detector = equipment.detector(for: kind, in: topology.equipment)
            var link = topology.links[index]
            link.protocolKind = kind
            changes.append("\(link.id).protocol: \(kind.rawValue)")
            let unread = UnusedLinkKeys.removingUnread(link, protocolKind: kind)
            link = unread.link
            changes += unread.removed.map { "\(link.id).\($0): removed (\(kind.rawValue) does not read it)" }
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
        let shared = links.count > network.segmentLinks[segmentIndex].count
        let at = stations.map { topology.nodes[$0].id.rawValue }.joined(separator: ", ")
        return Candidate(kind: .protocolChange, summary: "protocol \(kind.rawValue) on \(names)" + (shared ? " (every link at \(at))" : ""),
                         changes: changes, replaced: links, links: edited)
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
            Candidate(kind: suggestionKind, summary: summary + MidpointSplit.lineOfSightNote(halves: split.links),
                      changes: split.changes, replaced: [linkIndex], links: split.links, newNodes: [split.node])
        }
        guard station == .repeater, !topology.equipment.memories.isEmpty else { return [candidate(split, summary)] }
        return topology.equipment.memories.map { memory in
            var withMemory = split
            withMemory.node.memory = memory.name
            return candidate(withMemory, summary + " (memory \(memory.name))")
        }
    }
}
