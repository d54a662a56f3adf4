import QNetModel

/// Computes the what-ifs of a plan's demands apart from the live plan: the
/// limiting link, the rate's sensitivities, N−1 survivability and suggestions.
///
/// Nothing here re-plans the whole network: failures re-route the demand on
/// the key graph without the segments they cut, and each what-if edit plans
/// only the segments it touches (`LocalReplan`) before re-routing the demand.
public struct WhatIfAnalyzer: Sendable {
    private let network: KeyNetwork
    private let links: [Identifier: LinkPlan]
    private let demands: [Demand]

    /// An analyzer of `plan`, which must be the plan of `topology`.
    public init(topology: Topology, plan: Plan) {
        network = KeyNetwork(topology: topology, plan: plan)
        var links: [Identifier: LinkPlan] = [:]
        for link in plan.links { links[link.id] = link }
        self.links = links
        demands = topology.demands
    }

    /// The what-ifs of every demand (spread over cores) and the network's N−1 survivability.
    public func analyse() -> WhatIfAnalysis {
        let results = PlanningSession.map(Array(demands.indices), state: PlanningSession()) { session, index in
            analyse(demands[index], session: session)
        }
        let checked = Set(results.flatMap(\.checked)).count
        let perDemand = results.map(\.whatIf)
        return WhatIfAnalysis(demands: perDemand, survivability: Survivability(demands: perDemand, failuresChecked: checked))
    }

    /// The what-ifs of the demand `id` alone (what the workbench shows for the selected demand).
    public func analyse(demand id: Identifier) -> DemandWhatIf? {
        demands.first { $0.resolvedID == id }.map { analyse($0, session: PlanningSession()).whatIf }
    }

    private func analyse(_ demand: Demand, session: PlanningSession) -> (whatIf: DemandWhatIf, checked: [NetworkElement]) {
        let local = LocalReplan(network: network, session: session)
        let routing = network.route(demand)
        let plan = routing.plan
        let limiting = LimitingLinkFinder(network: network, links: links).find(routing)
        var sensitivity: Sensitivity?
        var suggestions: [Suggestion] = []
        if let limiting, let linkIndex = network.linkIndex[limiting.link],
           let segmentIndex = routing.segments.firstIndex(where: { $0.id == limiting.segment }) {
            if plan.maxFlowBps > 0 {
                sensitivity = SensitivityProbe(network: network, local: local).sensitivity(of: demand, linkIndex: linkIndex)
            }
            suggestions = SuggestionFinder(network: network, local: local)
                .suggestions(for: demand, routing: routing, segmentIndex: segmentIndex, linkIndex: linkIndex)
        }
        let (breaks, checked) = FailureScan(network: network).breaks(demand, routing: routing)
        return (DemandWhatIf(demand: plan.id, rateBps: plan.maxFlowBps, requiredBps: plan.requiredBps, limiting: limiting,
                             sensitivity: sensitivity, breaksOn: breaks, suggestions: suggestions), checked)
    }
}
