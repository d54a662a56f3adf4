import Testing
@testable import QNetPlanner

/// `MaxFlow.exact` against Dinic's algorithm (`referenceDinic`) on random key graphs,
/// and the flows it returns checked for feasibility.
@Suite struct MaxFlowTests {
    /// A random key graph: `count` nodes, about `count * degree / 2` edges, some endpoints (which relay nothing).
    static func randomGraph(count: Int, degree: Int, integer: Bool, random: inout SplitMix64) -> KeyGraph {
        let nodes = (0..<count).map { i in (topologyIndex: i, canRelay: i < 2 ? false : random.unit() >= 0.25) }
        var edges: [(from: Int, to: Int, capacity: Double, segment: Int)] = []
        for _ in 0..<(count * degree / 2) {
            let a = Int(random.next() % UInt64(count)), b = Int(random.next() % UInt64(count))
            guard a != b else { continue }
            let capacity = integer ? Double(1 + random.next() % 9) : 1 + random.unit() * 1e4
            edges.append((a, b, capacity, edges.count))
        }
        return KeyGraph(keyNodes: nodes, topologyNodeCount: count, edges: edges)
    }

    /// `rounds` random graphs of 2 up to `maxNodes` nodes, the mean degree cycling through `degrees`.
    static func randomGraphs(_ rounds: Int, maxNodes: Int, degrees: ClosedRange<Int>, integer: Bool,
                             random: inout SplitMix64) -> [KeyGraph] {
        (0..<rounds).map { round in
            randomGraph(count: 2 + Int(random.next() % UInt64(maxNodes - 1)),
                        degree: degrees.lowerBound + round % degrees.count, integer: integer, random: &random)
        }
    }

    /// Capacity respected on every edge, flow conserved at every node but the ends, no flow through endpoints,
    /// and the net flow out of the source equal to the value.
    static func checkFeasible(_ flow: MaxFlow.Flow, graph: KeyGraph, source: Int, target: Int) {
        var net = [Double](repeating: 0, count: graph.nodeCount)
        let largest = graph.capacity.max() ?? 1
        for (edge, amount) in zip(flow.edges, flow.amounts) {
            #expect(abs(amount) <= graph.capacity[edge] * (1 + 1e-12))
            net[graph.edgeFrom[edge]] -= amount
            net[graph.edgeTo[edge]] += amount
        }
        for node in 0..<graph.nodeCount where node != source && node != target {
            #expect(abs(net[node]) <= largest * 1e-9)
            if !graph.canRelay[node] {
                #expect(!flow.edges.contains { graph.edgeFrom[$0] == node || graph.edgeTo[$0] == node })
            }
        }
        #expect(abs(-net[source] - flow.value) <= largest * 1e-9)
        #expect(abs(net[target] - flow.value) <= largest * 1e-9)
    }

    @Test(arguments: [false, true])
    func matchesDinicOnRandomGraphs(integer: Bool) {
        var random = SplitMix64(seed: integer ? 7 : 8)
        for round in 0..<300 {
            let count = 2 + Int(random.next() % 40)
            let graph = Self.randomGraph(count: count, degree: 1 + round % 6, integer: integer, random: &random)
            for _ in 0..<4 {
                let s = Int(random.next() % UInt64(count)), t = Int(random.next() % UInt64(count))
                guard s != t else { continue }
                let exact = MaxFlow.exact(in: graph, from: s, to: t)
                let reference = MaxFlow.referenceDinic(in: graph, from: s, to: t, capacity: graph.capacity)
                let scale = max(1, graph.capacity.max() ?? 1)
                #expect(abs(exact.value - reference.value) <= scale * 1e-9, "round \(round): \(s) → \(t)")
                Self.checkFeasible(exact, graph: graph, source: s, target: t)
            }
        }
    }

    /// The flow itself, not only its value, is the one `MaxFlow.exact` defines (first shortest augmenting
    /// paths, `referenceFirstShortestPaths`), to the bit, whatever labels and relabels it uses to find them.
    @Test(arguments: [false, true])
    func flowIsTheFirstShortestPathsFlow(integer: Bool) {
        var random = SplitMix64(seed: integer ? 31 : 32)
        for (round, graph) in Self.randomGraphs(200, maxNodes: 51, degrees: 2...6, integer: integer, random: &random).enumerated() {
            let network = FlowNetwork(graph)
            let workspace = MaxFlow.Workspace(network)
            for (s, t) in (0..<6).map({ _ in (Int(random.next() % UInt64(graph.nodeCount)), Int(random.next() % UInt64(graph.nodeCount))) }) {
                let flow = MaxFlow.exact(in: network, from: s, to: t, workspace: workspace)
                let reference = MaxFlow.referenceFirstShortestPaths(in: graph, from: s, to: t)
                #expect(flow.value == reference.value && flow.edges == reference.edges && flow.amounts == reference.amounts,
                        "round \(round): \(s) → \(t)")
            }
        }
    }

    @Test func matchesDinicOnASyntheticNetwork() {
        let topology = SyntheticNetwork.make(nodes: 300, seed: 3)
        let plan = Planner().plan(topology)
        // Rebuild the key graph the way the session does: each segment joins its end nodes.
        var index: [String: Int] = [:]
        for (i, node) in topology.nodes.enumerated() { index[node.id.rawValue] = i }
        let keyNodes = topology.nodes.indices.map { (topologyIndex: $0, canRelay: topology.nodes[$0].resolvedKind != .endpoint) }
        let edges = plan.segments.enumerated().map { i, segment in
            (from: index[segment.nodes.first!.rawValue]!, to: index[segment.nodes.last!.rawValue]!,
             capacity: segment.keyRateBps, segment: i)
        }
        let graph = KeyGraph(keyNodes: keyNodes, topologyNodeCount: topology.nodes.count, edges: edges)
        var random = SplitMix64(seed: 11)
        for _ in 0..<60 {
            let s = Int(random.next() % UInt64(graph.nodeCount)), t = Int(random.next() % UInt64(graph.nodeCount))
            guard s != t else { continue }
            let exact = MaxFlow.exact(in: graph, from: s, to: t)
            let reference = MaxFlow.referenceDinic(in: graph, from: s, to: t, capacity: graph.capacity)
            #expect(abs(exact.value - reference.value) <= max(1, reference.value) * 1e-9)
            Self.checkFeasible(exact, graph: graph, source: s, target: t)
            let defined = MaxFlow.referenceFirstShortestPaths(in: graph, from: s, to: t)
            #expect(exact.value == defined.value && exact.edges == defined.edges && exact.amounts == defined.amounts)
        }
    }
}
