import Testing
@testable import QNetPlanner

/// When a re-plan may keep a demand's max-flow after capacities change (`PlanningSession`): exactly when a
/// fresh `MaxFlow.exact` would repeat it, per-edge amounts included (they decide the trusted nodes).
@Suite struct KeptFlowTests {
    /// `graph` with edge `edge` at `capacity`.
    static func with(_ graph: KeyGraph, edge: Int, capacity: Double) -> KeyGraph {
        var changed = graph
        changed.capacity[edge] = capacity
        return changed
    }

    static func same(_ a: MaxFlow.Flow, _ b: MaxFlow.Flow) -> Bool {
        a.value == b.value && a.edges == b.edges && a.amounts == b.amounts && a.cancelled == b.cancelled
    }

    /// Demands between random pairs of `count` random graphs (up to `maxNodes` nodes) and their exact flows.
    static func flows(_ count: Int, maxNodes: Int, integer: Bool, random: inout SplitMix64)
        -> [(graph: KeyGraph, source: Int, target: Int, flow: MaxFlow.Flow)] {
        MaxFlowTests.randomGraphs(count, maxNodes: maxNodes, degrees: 2...6, integer: integer, random: &random).flatMap { graph in
            (0..<4).compactMap { _ -> (graph: KeyGraph, source: Int, target: Int, flow: MaxFlow.Flow)? in
                let (s, t) = (Int(random.next() % UInt64(graph.nodeCount)), Int(random.next() % UInt64(graph.nodeCount)))
                return s == t ? nil : (graph, s, t, MaxFlow.exact(in: graph, from: s, to: t))
            }
        }
    }

    /// An edge that no augmenting path crossed, away from the demand's ends, may be raised or lowered (staying
    /// above the max-flow's zero, the largest capacity unchanged): the fresh flow is the kept one, to the bit.
    @Test(arguments: [false, true])
    func uncrossedEdgesLeaveTheFlow(integer: Bool) {
        var random = SplitMix64(seed: integer ? 41 : 42)
        var checked = 0
        for (graph, s, t, flow) in Self.flows(150, maxNodes: 40, integer: integer, random: &random) {
            let largest = graph.capacity.max() ?? 0
            for edge in 0..<graph.edgeCount where !flow.crossed(edge) && graph.capacity[edge] < largest {
                let ends = [graph.edgeFrom[edge], graph.edgeTo[edge]]
                guard !ends.contains(s), !ends.contains(t) else { continue }
                let capacity = min(largest, graph.capacity[edge] * (random.unit() < 0.5 ? 0.5 : 3))
                let fresh = MaxFlow.exact(in: Self.with(graph, edge: edge, capacity: capacity), from: s, to: t)
                #expect(Self.same(fresh, flow), "edge \(edge): \(graph.capacity[edge]) → \(capacity), \(s) → \(t)")
                checked += 1
            }
        }
        #expect(checked > 1000)
    }

    /// The rule is narrower than "the raised edge is not saturated by the final flow": an augmenting path can
    /// saturate an edge that a later one frees again, and raising it then changes the later paths; and a
    /// raised edge that a path crossed changes the rounding of every residual along it. Among 3,000 small
    /// random graphs either changes the edges that carry flow (so the trusted nodes) or the value's last bits,
    /// though the value stays within rounding (the edge is in no minimum cut).
    @Test(arguments: [false, true])
    func unsaturatedAtTheEndIsNotEnough(integer: Bool) {
        var random = SplitMix64(seed: 43)
        var differing = 0
        for (graph, s, t, flow) in Self.flows(3000, maxNodes: 30, integer: integer, random: &random) {
            let largest = graph.capacity.max() ?? 0
            // Unsaturated: below capacity by more than the max-flow's zero (1e-12 of the largest capacity).
            for edge in 0..<graph.edgeCount where flow.crossed(edge)
                && abs(flow.amount(on: edge)) < graph.capacity[edge] - largest * 1e-12 && graph.capacity[edge] < largest {
                let fresh = MaxFlow.exact(in: Self.with(graph, edge: edge, capacity: largest), from: s, to: t)
                #expect(abs(fresh.value - flow.value) <= largest * 1e-9)   // the edge is in no minimum cut
                if fresh.value != flow.value || fresh.edges != flow.edges { differing += 1 }
            }
        }
        #expect(differing > 0)
    }
}
