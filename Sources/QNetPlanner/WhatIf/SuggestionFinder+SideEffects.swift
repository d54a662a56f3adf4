import QNetModel

/// What a suggested change does to the other demands.
///
/// A demand's max flow can fall only where the change takes capacity from a segment that the demand uses
/// (`PlannedDemands`): every other demand that uses a weakened segment is routed again on the changed key
/// graph, and listed when its rate falls. A segment replaced by segments that carry at least its key between
/// the same ends (directly, or through the change's new nodes) is not weakened for a demand without a
/// trusted-node limit; a demand with one is routed again when it uses any replaced segment (a chain through
/// a new trusted node is a longer path). Such a demand's flow is a greedy lower bound (`MaxFlow.greedyHopBounded`),
/// which more capacity elsewhere could in principle reorder; that is not checked.
extension SuggestionFinder {
    /// The other demands (every demand when `demand` is nil) whose rate `change` lowers; none more once cancelled.
    func sideEffects(of change: KeyNetwork.Change, besides demand: Demand? = nil) -> [SideEffect] {
        guard let others, !change.removed.isEmpty else { return [] }
        let weakened = change.removed.filter { !isReplaced($0, by: change) }
        var lowered: [SideEffect] = []
        for index in others.demands.indices {
            let (other, before) = (others.demands[index], others.plans[index])
            let crossed = other.maxTrustedNodes == nil ? weakened : change.removed
            guard other.resolvedID != demand?.resolvedID, before.maxFlowBps > 0, !crossed.isEmpty,
                  others.segments(usedBy: index).contains(where: crossed.contains) else { continue }
            if cancellation.isCancelled { break }
            let after = router.route(other, change: change)
            guard after.maxFlowBps < before.maxFlowBps * (1 - 1e-9) else { continue }
            lowered.append(SideEffect(demand: before.id, beforeBps: before.maxFlowBps, afterBps: after.maxFlowBps,
                                      satisfied: after.satisfied))
        }
        return lowered
    }

    /// Whether the segments `change` adds join the removed segment at `index`'s ends with at least its key, by one
    /// segment or through nodes the change adds (a key that crossed it can then take them).
    private func isReplaced(_ index: Int, by change: KeyNetwork.Change) -> Bool {
        let segment = network.segments[index]
        guard segment.keyRateBps > 0 else { return true }
        let newNodes = Set(change.addedNodes.map(\.id))
        let strong = change.added.filter { $0.keyRateBps >= segment.keyRateBps }
        var reached: Set<Identifier> = [segment.from]
        var frontier = [segment.from]
        while let node = frontier.popLast() {
            if node == segment.to { return true }
            guard node == segment.from || newNodes.contains(node) else { continue }
            for added in strong where added.from == node || added.to == node {
                let other = added.from == node ? added.to : added.from
                if reached.insert(other).inserted { frontier.append(other) }
            }
        }
        return false
    }
}
