import QNetModel

/// Which single link or node failures break one demand (N−1), and what rate each leaves.
///
/// Only the links and nodes of the segments the demand's max flow and best
/// path use can lower its rate: without any other element, the max flow is
/// still feasible and no capacity grew, so it is unchanged. For each of those
/// failures a lower bound comes first: the flow minus what the cut segments
/// carry (the paths of a flow decomposition through them; through a trusted
/// node, half of what its segments carry, since each path enters and leaves
/// it once), or the best path's width when the failure spares it. When the
/// bound keeps the demand, it is not re-routed; otherwise the demand is routed
/// again on the key graph without the segments the failure cuts. Of the
/// failures the demand survives, the one whose segments carry most of its flow
/// is routed too (once), for the rate it leaves.
struct FailureScan {
    let router: ChangeRouter

    /// What the single failures do to `demand` (routed as `routing`).
    struct Result {
        /// The failures that break it, worst first.
        var impacts: [FailureImpact]
        /// Of those it survives, the one that takes most of its flow, with the rate it leaves; nil when none takes any.
        var costliestSurvived: FailureImpact?
        /// Every failure examined.
        var checked: [NetworkElement]
    }

    /// The failures that break `demand` (routed as `routing`), worst first, the costliest it survives, and every failure examined.
    func breaks(_ demand: Demand, routing: KeyNetwork.Routing) -> Result {
        let network = router.network
        let plan = routing.plan
        let rate = plan.maxFlowBps
        guard rate > 0, let path = routing.path else { return Result(impacts: [], costliestSurvived: nil, checked: []) }
        let graph = routing.graph
        // Flow carried by each segment the demand uses.
        var carried: [Int: Double] = [:]
        if let flow = routing.flow {
            for (edge, amount) in zip(flow.edges, flow.amounts) { carried[graph.edgeSegment[edge], default: 0] += abs(amount) }
        }
        let pathSegments = Set(path.edges.map { graph.edgeSegment[$0] })
        let used = Set(carried.keys).union(pathSegments)
        let flowValue = routing.flow?.value ?? 0
        let ends: Set<Int> = [network.nodeIndex[plan.from], network.nodeIndex[plan.to]].reduce(into: []) { set, index in
            if let index { set.insert(index) }
        }

        var elements: [(NetworkElement, [Int], halved: Bool)] = []
        var seenLinks = Set<Int>(), seenNodes = Set<Int>()
        for segment in used.sorted() {
            for link in network.segmentLinks[segment] where seenLinks.insert(link).inserted {
                elements.append((.link(network.topology.links[link].id), network.segmentsOfLink[link], false))
            }
            for node in network.segmentNodes[segment] where !ends.contains(node) && seenNodes.insert(node).inserted {
                elements.append((.node(network.topology.nodes[node].id), network.segmentsOfNode[node],
                                 network.topology.nodes[node].holdsKey))
            }
        }

        var impacts: [FailureImpact] = []
        // The survived failure that takes most flow so far: its element, cut, lost flow and, when routed, its rate.
        var costliest: (element: NetworkElement, cut: [Int], lost: Double, remaining: Double?)?
        for (element, cut, halved) in elements {
            let lost = cut.reduce(0) { $0 + (carried[$1] ?? 0) } * (halved ? 0.5 : 1)
            let spared = cut.allSatisfy { !pathSegments.contains($0) }
            let lowerBound = max(flowValue - lost, spared ? path.width : 0)
            var remaining: Double?
            if !keeps(plan, rate: lowerBound) {
                let routed = router.route(demand, change: KeyNetwork.Change(removed: Set(cut))).maxFlowBps
                if !keeps(plan, rate: routed) {
                    impacts.append(FailureImpact(failure: element, remainingBps: routed))
                    continue
                }
                remaining = routed
            }
            if lost > 0, lost > costliest?.lost ?? 0 { costliest = (element, cut, lost, remaining) }
        }
        impacts.sort { $0.remainingBps != $1.remainingBps ? $0.remainingBps < $1.remainingBps : $0.failure < $1.failure }
        let survived = costliest.map { worst in
            FailureImpact(failure: worst.element, remainingBps: worst.remaining
                          ?? router.route(demand, change: KeyNetwork.Change(removed: Set(worst.cut))).maxFlowBps)
        }
        return Result(impacts: impacts, costliestSurvived: survived, checked: elements.map(\.0))
    }

    /// Whether `rate` keeps the demand unbroken: met when it was met, with some key when it was not.
    private func keeps(_ plan: DemandPlan, rate: Double) -> Bool {
        plan.satisfied ? rate >= plan.requiredBps * (1 - 1e-12) : rate > 0
    }
}
