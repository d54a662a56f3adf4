import QNetModel

/// Endpoints that stand in a demand's way (`EndpointBarrier`) made trusted nodes.
extension SuggestionFinder {
    /// The endpoints of `barrier` made trusted nodes (`kind: trusted`: they then relay keys, and see those they relay),
    /// planned (`LocalReplan`, their segments with the edited nodes) and `demand` routed again as for every candidate;
    /// nil when the change has errors or raises the rate from `base` by less than `smallestGain`.
    func endpointSuggestion(_ barrier: EndpointBarrier, for demand: Demand, rate base: Double) -> Suggestion? {
        let topology = network.topology
        let indices = barrier.endpoints.compactMap { network.nodeIndex[$0] }
        let edited = indices.map { index in
            var node = topology.nodes[index]
            node.kind = .trusted
            return node
        }
        var change = local.change(replacing: [], with: [], editedNodes: edited)
        change.relaying = Set(indices)
        guard change.errors.isEmpty else { return nil }
        var result = router.route(demand, change: change)
        var raise: LimitRaise?
        // Endpoints made trusted count against the demand's limit: with it raised, they may relay its key.
        if result.maxFlowBps <= base * (1 + Self.smallestGain),
           let raised = routeRaisingLimit(demand, change: change, addingTrusted: indices.count, rate: base) {
            (result, raise) = (raised.plan, raised.raise)
        }
        guard result.maxFlowBps > base * (1 + Self.smallestGain) else { return nil }
        let names = barrier.endpoints.map(\.rawValue).joined(separator: ", ")
        let what = barrier.endpoints.count == 1 ? "endpoint \(names) made a trusted node (it relays keys, and sees those it relays)"
            : "endpoints \(names) made trusted nodes (they relay keys, and see those they relay)"
        return Suggestion(kind: .endpointToTrusted, summary: what,
                          changes: barrier.endpoints.map { "\($0).kind: trusted" } + (raise.map { [$0.change] } ?? []),
                          edit: SuggestedEdit(editedNodes: edited, limit: raise),
                          rateBps: result.maxFlowBps, satisfied: result.satisfied, lowers: sideEffects(of: change, besides: demand),
                          requires: raise)
    }
}
