import QNetModel

/// Timings of one benchmark run.
public struct BenchmarkResult: Sendable, Hashable {
    /// Nodes, links, demands and segments of the synthetic network.
    public var nodes: Int
    public var links: Int
    public var demands: Int
    public var segments: Int
    /// Time to plan the network from scratch, s.
    public var fullPlanSeconds: Double
    /// Time to re-plan after one link's length changed, reusing the session's caches, s.
    public var replanSeconds: Double
    /// Links whose physics ran in the re-plan.
    public var replanRecomputedLinks: Int
    /// Demands routed afresh in the re-plan.
    public var replanReroutedDemands: Int
}

/// Measures the planner on a synthetic network (`SyntheticNetwork`).
public enum PlannerBenchmark {
    /// Plans a synthetic network of `nodes` nodes from scratch, then re-plans it
    /// after lengthening one link by 1 km, timing both with `ContinuousClock`.
    public static func run(nodes: Int) -> BenchmarkResult {
        var topology = SyntheticNetwork.make(nodes: nodes, seed: 1)
        let clock = ContinuousClock()
        let session = PlanningSession()
        var plan: Plan?
        let full = clock.measure { plan = session.plan(topology) }
        // Only the counts are kept: the first plan is released (outside the timing) before the re-plan.
        plan = nil
        let index = topology.links.count / 2
        if topology.links.indices.contains(index) {
            let km = (topology.links[index].length?.si ?? 10_000) / 1000 + 1
            topology.links[index].length = Quantity(km, .kilometre)
        }
        let replan = clock.measure { plan = session.plan(topology) }
        return BenchmarkResult(nodes: topology.nodes.count, links: topology.links.count, demands: topology.demands.count,
                               segments: plan?.segments.count ?? 0, fullPlanSeconds: full.seconds,
                               replanSeconds: replan.seconds, replanRecomputedLinks: session.lastRecomputedLinkCount,
                               replanReroutedDemands: session.lastReroutedDemandCount)
    }
}

extension PlannerBenchmark {
    /// The times of `runs` more full plans of the same synthetic network, each with a fresh session, s:
    /// one run on a shared machine can be far off, so a benchmark reports their median and spread.
    public static func fullPlanSeconds(nodes: Int, runs: Int) -> [Double] {
        let topology = SyntheticNetwork.make(nodes: nodes, seed: 1)
        let clock = ContinuousClock()
        return (0..<runs).map { _ in
            let session = PlanningSession()
            return clock.measure { _ = session.plan(topology) }.seconds
        }
    }
}

extension Duration {
    /// The duration in seconds.
    var seconds: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) * 1e-18
    }
}
