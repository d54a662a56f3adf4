import QNetModel

/// Which single link or node failures break one demand (N−1), and what rate each leaves.
///
/// What *breaks* means (`BreakRule`): a demand met now breaks when a failure
/// leaves it less than its required rate, or no key at all (a demand that
/// requires no rate); a demand short of its required rate even now breaks when
/// a failure leaves it less key than it has: it already lacks key, so every
/// bit lost is a further shortfall, and a failure that leaves it 0 bit/s is a
/// single point of failure for whatever key it gets.
///
/// Only the links and nodes of the segments the demand's max flow and best
/// path use can lower its rate: without any other element, the max flow is
/// still feasible and no capacity grew, so it is unchanged. For each of those
/// failures a lower bound comes first: the flow minus what the cut segments
/// carry (the paths of a flow decomposition through them; through a trusted
/// node, half of what its segments carry, since each path enters and leaves
/// it once), or the best path's width when the failure spares it. When the
/// bound keeps the demand (`BreakRule.keeps`, the same test as for a routed
/// rate: a bound that keeps it proves the routed rate would), it is not
/// re-routed; otherwise the demand is routed again on the key graph without
/// the segments the failure cuts. Of the failures a met demand survives, the
/// one that leaves it the least rate is found by routing them from the lowest
/// bound up (branch and bound), at most `costliestRouteLimit` of them.
struct FailureScan {
    let router: ChangeRouter
    /// Asked before each failure is examined: once cancelled, the scan stops (its result is then not used).
    var cancellation = Cancellation.never

    /// What the single failures do to `demand` (routed as `routing`).
    struct Result {
        /// The failures that break it, worst first.
        var impacts: [FailureImpact]
        /// Of those it survives, the one that leaves it the least rate, with that rate; nil when none cuts any of its
        /// flow, or when the demand is short of its rate (a failure it survives then costs it nothing).
        var costliestSurvived: FailureImpact?
        /// Whether `costliestSurvived` is proven the least (false: the least of the failures routed within the limit).
        var costliestIsExact: Bool
        /// Every failure examined.
        var checked: [NetworkElement]
    }

    /// The failures that break `demand` (routed as `routing`), worst first, the costliest it survives, and every failure examined.
    func breaks(_ demand: Demand, routing: KeyNetwork.Routing) -> Result {
        let network = router.network
        let plan = routing.plan
        let rate = plan.maxFlowBps
        let rule = BreakRule(plan)
        guard rate > 0, let path = routing.path else { return Result(impacts: [], costliestSurvived: nil, costliestIsExact: true, checked: []) }
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
        // The failures survived: element, cut, the rate it cannot fall below, and the rate it leaves when routed.
        var survivedFailures: [(element: NetworkElement, cut: [Int], lowerBound: Double, remaining: Double?)] = []
        for (element, cut, halved) in elements {
            if cancellation.isCancelled { break }
            let lost = cut.reduce(0) { $0 + (carried[$1] ?? 0) } * (halved ? 0.5 : 1)
            let spared = cut.allSatisfy { !pathSegments.contains($0) }
            // The flow less what the failure cuts, less its rounding (summed flows that cancel leave crumbs of order
            // 1e-16 of the flow, which would read as key left), or the best path's width when it is spared.
            let lowerBound = max(flowValue - lost - flowValue * BreakRule.rounding, spared ? path.width : 0)
            var remaining: Double?
            if !rule.keeps(lowerBound) {
                let routed = router.route(demand, change: KeyNetwork.Change(removed: Set(cut))).maxFlowBps
                if !rule.keeps(routed) {
                    impacts.append(FailureImpact(failure: element, remainingBps: routed))
                    continue
                }
                remaining = routed
            }
            if lost > 0 && plan.satisfied { survivedFailures.append((element, cut, lowerBound, remaining)) }
        }
        impacts.sort { $0.remainingBps != $1.remainingBps ? $0.remainingBps < $1.remainingBps : $0.failure < $1.failure }
        let costliest = costliest(of: survivedFailures, demand)
        return Result(impacts: impacts, costliestSurvived: costliest?.impact, costliestIsExact: costliest?.exact ?? true,
                      checked: elements.map(\.0))
    }

    /// At most this many survived failures are routed again for the costliest one (each is a max-flow on the key
    /// graph without its segments: the what-ifs of every demand of a large network would double).
    static let costliestRouteLimit = 3

    /// The survived failure that leaves `demand` the least rate, with that rate, and whether it is proven the least:
    /// the failures are routed from the lowest bound up (the flow minus what the failure cuts), stopping once the next
    /// bound is at or above the least rate found, as no later failure can leave less (the flow a failure cuts is not
    /// the rate it costs: the rest of the network may carry it again), or after `costliestRouteLimit` routes.
    private func costliest(of failures: [(element: NetworkElement, cut: [Int], lowerBound: Double, remaining: Double?)],
                           _ demand: Demand) -> (impact: FailureImpact, exact: Bool)? {
        var best: FailureImpact?
        var routes = 0
        for failure in failures.sorted(by: { $0.lowerBound != $1.lowerBound ? $0.lowerBound < $1.lowerBound : $0.element < $1.element }) {
            if let best, failure.lowerBound >= best.remainingBps { return (best, true) }
            if cancellation.isCancelled { break }
            if failure.remaining == nil && routes == Self.costliestRouteLimit { return best.map { ($0, false) } }
            let remaining = failure.remaining ?? {
                routes += 1
                return router.route(demand, change: KeyNetwork.Change(removed: Set(failure.cut))).maxFlowBps
            }()
            if best.map({ remaining < $0.remainingBps }) ?? true { best = FailureImpact(failure: failure.element, remainingBps: remaining) }
        }
        return best.map { ($0, true) }
    }
}
