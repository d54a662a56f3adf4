import QNetModel

/// Finds the changes that let segments overdrawn in every routing carry the key their demands must take
/// (`OverdrawRemedy`). Only forced overloads are examined, `limit` at most, so the cost is that of `limit`
/// demands' suggestions whatever the network's size.
struct OverdrawRemedyFinder {
    let network: KeyNetwork
    /// The plan's links by id.
    let links: [Identifier: LinkPlan]
    /// The plan's demands with their routing, for the demands a change lowers (one with a `max_trusted_nodes` that a
    /// trusted node at the midpoint takes it over, say).
    let others: PlannedDemands
    /// At most this many forced overloads are examined (the planner warns of ten and counts the rest).
    static let limit = 10

    /// The remedies of the first `limit` forced overloads of `shared`, in the plan's order; with `demand`, only of those
    /// every path of that demand crosses.
    func remedies(of shared: SharedCapacity, forcing demand: Identifier? = nil) -> [OverdrawRemedy] {
        let finder = SuggestionFinder(local: LocalReplan(network: network, session: PlanningSession()),
                                      router: ChangeRouter(network: network), others: others)
        let limiting = LimitingLinkFinder(network: network, links: links)
        let forced = shared.overloaded.filter { $0.isForced && demand.map($0.forcedBy.contains) != false }
        return forced.prefix(Self.limit).compactMap { overload in
            guard let (link, linkIndex) = limiting.mostLoss(in: overload.segmentIndex) else { return nil }
            let candidates = finder.candidates(segmentIndex: overload.segmentIndex, linkIndex: linkIndex)
                + parallelLink(segmentIndex: overload.segmentIndex)
            let changes = candidates.compactMap { candidate -> SegmentChange? in
                let change = finder.local.change(replacing: candidate.replaced, with: candidate.links, newNodes: candidate.newNodes,
                                                 editedNodes: candidate.editedNodes)
                guard change.errors.isEmpty else { return nil }
                let key = keyBetweenEnds(of: overload.segmentIndex, after: change)
                guard key > overload.keyRateBps * (1 + SuggestionFinder.smallestGain) else { return nil }
                return SegmentChange(kind: candidate.kind, summary: candidate.summary, changes: candidate.changes, keyRateBps: key,
                                     coversNeed: key >= overload.forcedBps * (1 - SharedCapacity.tolerance),
                                     lowers: finder.sideEffects(of: change))
            }.sorted { $0.keyRateBps != $1.keyRateBps ? $0.keyRateBps > $1.keyRateBps : $0.summary < $1.summary }
            return OverdrawRemedy(segment: overload.segment, link: link.id, keyRateBps: overload.keyRateBps,
                                  neededBps: overload.forcedBps, forcedBy: overload.forcedBy, changes: changes)
        }
    }

    /// A copy of a one-link segment's link beside it (its keys, equipment and length), which adds its key.
    private func parallelLink(segmentIndex: Int) -> [SuggestionFinder.Candidate] {
        guard network.segmentLinks[segmentIndex].count == 1, let index = network.segmentLinks[segmentIndex].first else { return [] }
        let original = network.topology.links[index]
        var taken = network.ids
        var copy = original
        copy.id = MidpointSplit.unique("\(original.id)-2", &taken)
        return [SuggestionFinder.Candidate(kind: .parallelLink, summary: "a second link beside \(original.id), a copy of it",
                                           changes: ["new link \(copy.id): a copy of \(original.id) (its ends, length and every other key)"],
                                           replaced: [], links: [copy])]
    }

    /// The max flow between the ends of the segment at `index` over the segments `change` adds and the old segments
    /// between those ends that it keeps, every node relaying.
    private func keyBetweenEnds(of index: Int, after change: KeyNetwork.Change) -> Double {
        let segment = network.segments[index]
        let ends: Set = [segment.from, segment.to]
        let kept = (network.nodeIndex[segment.from].map { network.segmentsOfNode[$0] } ?? []).filter { other in
            !change.removed.contains(other) && Set([network.segments[other].from, network.segments[other].to]) == ends
        }.map { network.segments[$0] }
        let pieces = change.added + kept
        var local: [Identifier: Int] = [:]
        for piece in pieces {
            for end in [piece.from, piece.to] where local[end] == nil { local[end] = local.count }
        }
        guard let source = local[segment.from], let target = local[segment.to] else { return 0 }
        let edges = pieces.enumerated().map { offset, piece in
            (from: local[piece.from] ?? 0, to: local[piece.to] ?? 0, capacity: piece.keyRateBps, segment: offset)
        }
        let graph = KeyGraph(keyNodes: (0..<local.count).map { ($0, true) }, topologyNodeCount: local.count, edges: edges)
        return MaxFlow.exact(in: graph, from: source, to: target).value
    }
}
