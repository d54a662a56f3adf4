import QNetModel

/// Changes that put more trusted nodes on a demand's paths than its `max_trusted_nodes` allows (a trusted node at a
/// link's midpoint adds one): routed within the limit such a change gives the demand nothing, so it is routed again
/// with the limit raised by the trusted nodes it adds, and suggested with that raise (`Suggestion.requires`) when it
/// beats what the raise alone gives. And the raise by one alone, when the limit binds a demand that has key.
extension SuggestionFinder {
    /// `demand` routed after `change`, which adds `added` trusted nodes, with its limit raised to the fewest of
    /// `limit + 1 … limit + added` that gives the rate of the largest; nil when the demand has no limit, the change
    /// adds no trusted node, or the raised rate does not beat `base` and the raise alone by `smallestGain`.
    func routeRaisingLimit(_ demand: Demand, change: KeyNetwork.Change, addingTrusted added: Int,
                           rate base: Double) -> (plan: DemandPlan, raise: LimitRaise)? {
        guard let limit = demand.maxTrustedNodes.map({ max(0, $0) }), added > 0 else { return nil }
        var plan = router.route(demand.limitingTrustedNodes(to: limit + added), change: change)
        guard plan.maxFlowBps > base * (1 + Self.smallestGain) else { return nil }
        var needed = limit + added
        for smaller in (limit + 1)..<(limit + added) {
            let fewer = router.route(demand.limitingTrustedNodes(to: smaller), change: change)
            if fewer.maxFlowBps >= plan.maxFlowBps * (1 - 1e-9) {
                (needed, plan) = (smaller, fewer)
                break
            }
        }
        // Where the limit binds elsewhere the raise alone may give the gain: then it is not the change's.
        let alone = network.route(demand.limitingTrustedNodes(to: needed)).plan.maxFlowBps
        guard plan.maxFlowBps > alone * (1 + Self.smallestGain) else { return nil }
        return (plan, LimitRaise(demand: demand.resolvedID, from: limit, to: needed))
    }

    /// `demand` allowed one more trusted node than its `max_trusted_nodes`, when that alone raises its rate from
    /// `base` by `smallestGain` or more (a path with one more trusted node carries more key); nil otherwise.
    func limitSuggestion(for demand: Demand, rate base: Double) -> Suggestion? {
        guard let limit = demand.maxTrustedNodes.map({ max(0, $0) }) else { return nil }
        let plan = network.route(demand.limitingTrustedNodes(to: limit + 1)).plan
        guard plan.maxFlowBps > base * (1 + Self.smallestGain) else { return nil }
        let raise = LimitRaise(demand: demand.resolvedID, from: limit, to: limit + 1)
        return Suggestion(kind: .trustedNodeLimit,
                          summary: "max_trusted_nodes \(limit + 1) on \(demand.resolvedID) (a path with one more trusted node "
                              + "carries more key)",
                          changes: [raise.change], edit: SuggestedEdit(limit: raise), rateBps: plan.maxFlowBps, satisfied: plan.satisfied, requires: raise)
    }
}

extension Demand {
    /// This demand with `max_trusted_nodes` set to `limit`.
    func limitingTrustedNodes(to limit: Int) -> Demand {
        var demand = self
        demand.maxTrustedNodes = limit
        return demand
    }
}
