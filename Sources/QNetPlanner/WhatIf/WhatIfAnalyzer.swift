import QNetModel

/// Computes the what-ifs of a plan's demands apart from the live plan: the
/// limiting link, the rate's sensitivities, N−1 survivability and suggestions.
///
/// Nothing here re-plans the whole network: failures re-route the demand on
/// the key graph without the segments they cut, and each what-if edit plans
/// only the segments it touches (`LocalReplan`) before re-routing the demand.
public struct WhatIfAnalyzer: Sendable {
    let network: KeyNetwork
    private let links: [Identifier: LinkPlan]
    private let demands: [Demand]
    /// Each demand with its plan and the segments it uses, for the side effects of suggestions on the others.
    let planned: PlannedDemands
    /// The segments the demands' scaled flows overdraw.
    private let shared: SharedCapacity

    /// An analyzer of `plan`, which must be the plan of `topology`.
    public init(topology: Topology, plan: Plan) {
        network = KeyNetwork(topology: topology, plan: plan)
        var links: [Identifier: LinkPlan] = [:]
        for link in plan.links { links[link.id] = link }
        self.links = links
        demands = topology.demands
        planned = PlannedDemands(network: network, plans: plan.demands)
        shared = plan.sharedCapacity
    }

    /// What would let each segment that the demands overdraw in every routing carry their rates (`OverdrawRemedy`);
    /// empty when none is.
    public func overdrawRemedies() -> [OverdrawRemedy] {
        OverdrawRemedyFinder(network: network, links: links, others: planned).remedies(of: shared)
    }

    /// The overdraw remedies of the segments every path of demand `id` crosses.
    private func overdrawRemedies(forcing id: Identifier) -> [OverdrawRemedy] {
        OverdrawRemedyFinder(network: network, links: links, others: planned).remedies(of: shared, forcing: id)
    }

    /// The what-ifs of every demand (spread over cores) and the network's N−1 survivability; `progress`, when given,
    /// hears how many demands are done (of how many) after each one, from the worker that did it.
    public func analyse(progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil) -> WhatIfAnalysis {
        let counter = DoneCounter()
        let total = demands.count
        let results = ParallelMap.map(Array(demands.indices), state: Worker(network: network)) { worker, index in
            let result = analyse(demands[index], worker: worker, index: index)
            if let progress { progress(counter.increment(), total) }
            return result
        }
        let checked = Set(results.flatMap(\.checked)).count
        var perDemand = results.map(\.whatIf)
        let overdrawn = overdrawRemedies()
        for index in perDemand.indices {
            perDemand[index].overdrawn = overdrawn.filter { $0.forcedBy.contains(perDemand[index].demand) }
        }
        return WhatIfAnalysis(demands: perDemand, survivability: Survivability(demands: perDemand, failuresChecked: checked),
                              overdrawn: overdrawn)
    }

    /// The what-ifs of the demand `id` alone (what the workbench shows for the selected demand).
    public func analyse(demand id: Identifier) -> DemandWhatIf? {
        (try? analyse(demand: id, cancellation: .never)) ?? nil   // never cancelled, so never thrown
    }

    /// The what-ifs of the demand `id` alone, unless `cancellation` says they are no longer wanted: it is asked at each
    /// failure case, each suggested change and each other demand a change could lower, and between the steps; once it
    /// is, the analysis stops there and throws.
    public func analyse(demand id: Identifier, cancellation: Cancellation) throws(CancellationError) -> DemandWhatIf? {
        guard let index = demands.firstIndex(where: { $0.resolvedID == id }) else { return nil }
        var whatIf = analyse(demands[index], worker: Worker(network: network, cancellation: cancellation), index: index).whatIf
        try cancellation.checkpoint()   // a step stopped early leaves a partial result: it is never returned
        whatIf.overdrawn = overdrawRemedies(forcing: id)
        try cancellation.checkpoint()
        return whatIf
    }

    /// What one worker reuses from demand to demand: a planning session for the parts, a router for the changes; and
    /// what it asks whether the result is still wanted.
    private struct Worker {
        let local: LocalReplan
        let router: ChangeRouter
        let cancellation: Cancellation

        init(network: KeyNetwork, cancellation: Cancellation = .never) {
            local = LocalReplan(network: network, session: PlanningSession())
            router = ChangeRouter(network: network)
            self.cancellation = cancellation
        }
    }

    private func analyse(_ demand: Demand, worker: Worker, index: Int) -> (whatIf: DemandWhatIf, checked: [NetworkElement]) {
        let routing = network.route(demand)
        // Records the segments this demand uses from the routing at hand, so that other demands' suggestions, which
        // ask for them to check side effects, do not route it again.
        _ = planned.segments(usedBy: index, routing: routing)
        let plan = routing.plan
        let finder = LimitingLinkFinder(network: network, links: links)
        let found = finder.find(routing, limit: demand.maxTrustedNodes.map { max(0, $0) })
        let changes = SuggestionFinder(local: worker.local, router: worker.router, others: planned, cancellation: worker.cancellation)
        var sensitivity: Sensitivity?
        var suggestions: [Suggestion] = []
        if let found, !worker.cancellation.isCancelled {
            if plan.maxFlowBps > 0 {
                sensitivity = SensitivityProbe(local: worker.local, router: worker.router)
                    .sensitivity(of: demand, rate: plan.maxFlowBps, linkIndex: found.linkIndex)
            }
            suggestions = changes.suggestions(for: demand, rate: plan.maxFlowBps, segmentIndex: found.segmentIndex,
                                              linkIndex: found.linkIndex, tied: finder.tied(with: found, in: routing))
        }
        // A demand that its trusted-node limit leaves without key: the limit is a cause, and a larger one a change.
        let trustedNodeLimit = TrustedNodeLimit(demand, routing: routing, network: network)
        if let trustedNodeLimit {
            suggestions.append(trustedNodeLimit.suggestion(for: demand, on: network))
        } else if plan.maxFlowBps > 0, let raise = changes.limitSuggestion(for: demand, rate: plan.maxFlowBps) {
            // A limit that binds a demand with key: one more trusted node alone may raise its rate.
            suggestions.append(raise)
        }
        // A demand short of its rate whose widest path, were endpoints to relay, passes through some: a cause when it
        // has no key, and those endpoints made trusted a change.
        var barrier: EndpointBarrier?
        if !plan.satisfied, let ends = routing.graph.ends(from: demand.from, to: demand.to, nodeIndex: network.nodeIndex),
           routing.graph.canRelay.contains(false) {
            barrier = EndpointBarrier.Finder(routing.graph, topology: network.topology).barrier(from: ends.source, to: ends.target)
        }
        if let barrier, let suggestion = changes.endpointSuggestion(barrier, for: demand, rate: plan.maxFlowBps) {
            suggestions.append(suggestion)
        }
        // An end without links: no segment reaches it, and a link to it from the nearest key holder is the change.
        let unlinked = [demand.from, demand.to].compactMap { network.nodeIndex[$0] }.filter { !network.isLinked[$0] }
        var newLinkWithoutKey: NewLinkWithoutKey?
        if unlinked.count == 1 {
            let newLink = changes.newLinkSuggestion(to: unlinked[0], for: demand, rate: plan.maxFlowBps)
            if let suggestion = newLink.suggestion { suggestions.append(suggestion) }
            newLinkWithoutKey = newLink.withoutKey
        } else if unlinked.isEmpty, !plan.satisfied, !suggestions.contains(where: \.satisfied) {
            // Short, and no change of what is there meets it: a link that is not there yet may.
            suggestions += changes.shortcutSuggestions(for: demand, rate: plan.maxFlowBps)
        }
        suggestions.sort { $0.rateBps != $1.rateBps ? $0.rateBps > $1.rateBps : $0.summary < $1.summary }
        let failures = FailureScan(router: worker.router, cancellation: worker.cancellation).breaks(demand, routing: routing)
        return (DemandWhatIf(demand: plan.id, rateBps: plan.maxFlowBps, requiredBps: plan.requiredBps, limiting: found?.limiting,
                             trustedNodeLimit: trustedNodeLimit, endpointBarrier: plan.maxFlowBps > 0 ? nil : barrier,
                             unlinkedEnds: unlinked.map { network.topology.nodes[$0].id }, newLinkWithoutKey: newLinkWithoutKey,
                             sensitivity: sensitivity, breaksOn: failures.impacts,
                             costliestSurvived: failures.costliestSurvived, costliestSurvivedIsExact: failures.costliestIsExact,
                             suggestions: suggestions), failures.checked)
    }
}
