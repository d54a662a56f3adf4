/// Timings of the what-if analysis of one synthetic network.
public struct WhatIfBenchmarkResult: Sendable, Hashable {
    /// Nodes, links and demands of the network.
    public var nodes: Int
    public var links: Int
    public var demands: Int
    /// Time to plan the network, s (the analysis starts from this plan).
    public var planSeconds: Double
    /// Time of the what-ifs of every demand with the N−1 survivability, s.
    public var analysisSeconds: Double
    /// Time of the what-ifs of one demand (what the workbench computes for the selected demand), s.
    public var oneDemandSeconds: Double
    /// Single failures examined, and how many break a demand.
    public var failuresChecked: Int
    public var breakingFailures: Int
    /// Suggestions found, over all demands.
    public var suggestions: Int
    /// Segments overdrawn in every routing that got remedies (`OverdrawRemedy`), and the time of those remedies alone
    /// (part of `analysisSeconds`, timed again apart), s.
    public var overdrawRemedies: Int
    public var overdrawRemediesSeconds: Double
}

/// Measures `WhatIfAnalyzer` on a synthetic network (`SyntheticNetwork`).
public enum WhatIfBenchmark {
    /// Plans a synthetic network of `nodes` nodes, then times the analysis of every demand and of the first one.
    public static func run(nodes: Int) -> WhatIfBenchmarkResult {
        let topology = SyntheticNetwork.make(nodes: nodes, seed: 1)
        let clock = ContinuousClock()
        var plan: Plan?
        let planning = clock.measure { plan = Planner().plan(topology) }
        let analyzer = WhatIfAnalyzer(topology: topology, plan: plan ?? Planner().plan(topology))
        var analysis: WhatIfAnalysis?
        let all = clock.measure { analysis = analyzer.analyse() }
        let one = clock.measure { _ = topology.demands.first.map { analyzer.analyse(demand: $0.resolvedID) } }
        let remedies = clock.measure { _ = analyzer.overdrawRemedies() }
        return WhatIfBenchmarkResult(
            nodes: topology.nodes.count, links: topology.links.count, demands: topology.demands.count,
            planSeconds: planning.seconds, analysisSeconds: all.seconds, oneDemandSeconds: one.seconds,
            failuresChecked: analysis?.survivability.failuresChecked ?? 0,
            breakingFailures: analysis?.survivability.failures.count ?? 0,
            suggestions: analysis?.demands.reduce(0) { $0 + $1.suggestions.count } ?? 0,
            overdrawRemedies: analysis?.overdrawn.count ?? 0, overdrawRemediesSeconds: remedies.seconds)
    }
}
