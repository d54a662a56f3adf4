import QNetModel

/// What the single failure of one link or node does to every demand: N−1 seen from the element, as the workbench
/// shows it for a selected node or link. A demand breaks as `BreakRule` says (a met demand falls below its required
/// rate, one already short of it loses key); a met demand can lose key and stay met; a demand that ends at a failed
/// node is listed apart (no routing survives the loss of an end).
public struct ElementFailure: Sendable, Hashable {
    /// What fails.
    public var element: NetworkElement
    /// The demands it breaks, with their rate now and without the element, the least rate left first.
    public var breaks: [SideEffect] = []
    /// The met demands it costs key and leaves met, the least rate left first.
    public var lowers: [SideEffect] = []
    /// The demands that end at the failed node, in the topology's order.
    public var endsHere: [Identifier] = []
    /// How many demands with key were routed again without the element (none when it is in no segment).
    public var demandsRouted = 0

    public init(element: NetworkElement) {
        self.element = element
    }
}

extension WhatIfAnalyzer {
    /// What the failure of `element` does to every demand with key: each is routed again on the key graph without the
    /// segments the element is part of, as `FailureScan` routes one demand's failures; nil when the topology has no
    /// such link or node. `cancellation` is asked before each demand; once it says the answer is no longer wanted, the
    /// analysis stops and throws.
    /// - Complexity: one max-flow per demand with key.
    public func failure(of element: NetworkElement, cancellation: Cancellation = .never) throws(CancellationError) -> ElementFailure? {
        let cut: Set<Int>
        switch element {
        case .link(let id):
            guard let index = network.linkIndex[id] else { return nil }
            cut = Set(network.segmentsOfLink[index])
        case .node(let id):
            guard let index = network.nodeIndex[id] else { return nil }
            cut = Set(network.segmentsOfNode[index])
        }
        var failure = ElementFailure(element: element)
        let router = ChangeRouter(network: network)
        for (demand, plan) in zip(planned.demands, planned.plans) {
            try cancellation.checkpoint()
            if case .node(let id) = element, demand.from == id || demand.to == id {
                failure.endsHere.append(plan.id)
                continue
            }
            guard plan.maxFlowBps > 0, !cut.isEmpty else { continue }   // no key to lose, or an element in no segment
            failure.demandsRouted += 1
            let remaining = router.route(demand, change: KeyNetwork.Change(removed: cut)).maxFlowBps
            let breaks = !BreakRule(plan).keeps(remaining)
            let loss = SideEffect(demand: plan.id, beforeBps: plan.maxFlowBps, afterBps: remaining, satisfied: !breaks)
            if breaks {
                failure.breaks.append(loss)
            } else if remaining < plan.maxFlowBps * (1 - BreakRule.rounding) {
                failure.lowers.append(loss)
            }
        }
        failure.breaks.sort { $0.afterBps < $1.afterBps }
        failure.lowers.sort { $0.afterBps < $1.afterBps }
        return failure
    }
}
