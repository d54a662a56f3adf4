import QNetModel

/// A plan's demands with their routing, and the key-graph segments each one uses: the edges its max flow
/// carries key over and those of its best path. A change of the key graph can lower a demand only through a
/// segment it uses (elsewhere its flow stays feasible), so only those demands are routed again for a suggestion's
/// side effects. Each demand is routed for this once, when first asked, and the answer is shared by every worker.
final class PlannedDemands: Sendable {
    let network: KeyNetwork
    let demands: [Demand]
    let plans: [DemandPlan]
    private let used = SharedMemo<Int, [Int]>()

    /// The demands of `network`'s topology with `plans`, their routings in the same order.
    init(network: KeyNetwork, plans: [DemandPlan]) {
        self.network = network
        demands = network.topology.demands
        self.plans = plans
    }

    /// The segments (indices, ascending) that the demand at `index` uses; from `routing` when it is that demand's.
    func segments(usedBy index: Int, routing: KeyNetwork.Routing? = nil) -> [Int] {
        used.value(index) { index in
            let routing = routing ?? network.route(demands[index])
            let graph = routing.graph
            let edges = (routing.flow?.edges ?? []) + (routing.path?.edges ?? [])
            return Set(edges.map { graph.edgeSegment[$0] }).sorted()
        }
    }
}
