import Testing
@testable import QNetPlanner

/// A failure's what-if routes over the plan's flow network and bottleneck index with the cut edges at zero
/// capacity (`DemandRouter.cutting`), not over a key graph built again without them: both must give the same
/// max-flow, to the bit, and the same widest path.
@Suite struct CutNetworkTests {
    /// `graph` built again with the edges `cut` left out (as `KeyGraph` leaves out edges without capacity).
    static func rebuilt(_ graph: KeyGraph, without cut: Set<Int>) -> KeyGraph {
        let nodes = graph.topologyNode.indices.map { (topologyIndex: graph.topologyNode[$0], canRelay: graph.canRelay[$0]) }
        let edges = (0..<graph.edgeCount).map { edge in
            (from: graph.topologyNode[graph.edgeFrom[edge]], to: graph.topologyNode[graph.edgeTo[edge]],
             capacity: cut.contains(edge) ? 0 : graph.capacity[edge], segment: graph.edgeSegment[edge])
        }
        return KeyGraph(keyNodes: nodes, topologyNodeCount: graph.nodeCount, edges: edges)
    }

    @Test(arguments: [false, true])
    func cutEdgesRouteAsTheGraphWithoutThem(integer: Bool) {
        var random = SplitMix64(seed: integer ? 51 : 52)
        var compared = 0
        for graph in MaxFlowTests.randomGraphs(200, maxNodes: 40, degrees: 2...6, integer: integer, random: &random)
        where graph.edgeCount > 0 {
            let cut = Set((0...(random.next() % 3)).map { _ in Int(random.next() % UInt64(graph.edgeCount)) })
            var zeroed = graph
            for edge in cut { zeroed.capacity[edge] = 0 }
            let network = FlowNetwork(FlowNetwork(graph), capacity: zeroed.capacity)
            let bottlenecks = BottleneckIndex(zeroed, widestFirst: BottleneckIndex.widestFirst(graph))
            let fresh = Self.rebuilt(graph, without: cut)
            let (freshNetwork, freshBottlenecks) = (FlowNetwork(fresh), BottleneckIndex(fresh))
            for _ in 0..<4 {
                let (s, t) = (Int(random.next() % UInt64(graph.nodeCount)), Int(random.next() % UInt64(graph.nodeCount)))
                guard s != t else { continue }
                let flow = MaxFlow.exact(in: network, from: s, to: t, workspace: MaxFlow.Workspace(network))
                let expected = MaxFlow.exact(in: freshNetwork, from: s, to: t, workspace: MaxFlow.Workspace(freshNetwork))
                #expect(flow.value == expected.value && flow.amounts == expected.amounts
                        && flow.edges.map { graph.edgeSegment[$0] } == expected.edges.map { fresh.edgeSegment[$0] }
                        && flow.cancelled.map { graph.edgeSegment[$0] } == expected.cancelled.map { fresh.edgeSegment[$0] },
                        "cut \(cut.sorted()): \(s) → \(t)")
                let path = WidestPath.find(in: zeroed, bottlenecks: bottlenecks, search: HopSearch(network), from: s, to: t)
                let expectedPath = WidestPath.find(in: fresh, bottlenecks: freshBottlenecks, search: HopSearch(freshNetwork),
                                                   from: s, to: t)
                #expect(path?.width == expectedPath?.width && path?.nodes == expectedPath?.nodes
                        && path?.edges.map { graph.edgeSegment[$0] } == expectedPath?.edges.map { fresh.edgeSegment[$0] },
                        "cut \(cut.sorted()): \(s) → \(t)")
                compared += 1
            }
        }
        #expect(compared > 500)
    }

    /// `ChangeRouter`'s shortcut for a failure against its general path, which builds the key graph again (forced by
    /// naming a trusted node, which relays already, as made to relay): the same `DemandPlan`, notes included, on
    /// synthetic networks, demands with a trusted-node limit among them.
    @Test func changeRouterCutsAsItRebuilds() {
        var compared = 0
        for seed in 1...4 as ClosedRange<UInt64> {
            var topology = SyntheticNetwork.make(nodes: 80, seed: seed)
            for index in topology.demands.indices where index % 2 == 1 { topology.demands[index].maxTrustedNodes = index % 5 }
            let network = KeyNetwork(topology: topology, plan: Planner().plan(topology))
            let router = ChangeRouter(network: network)
            guard let trusted = topology.nodes.firstIndex(where: { $0.resolvedKind == .trusted }) else { continue }
            var random = SplitMix64(seed: seed)
            for demand in topology.demands {
                for _ in 0..<6 {
                    let cut = Set((0...(random.next() % 3)).map { _ in Int(random.next() % UInt64(network.segments.count)) })
                    let shortcut = router.route(demand, change: KeyNetwork.Change(removed: cut))
                    let rebuilt = router.route(demand, change: KeyNetwork.Change(removed: cut, relaying: [trusted]))
                    #expect(shortcut == rebuilt, "seed \(seed), \(demand.resolvedID), cut \(cut.sorted())")
                    compared += 1
                }
            }
        }
        #expect(compared > 100)
    }
}
