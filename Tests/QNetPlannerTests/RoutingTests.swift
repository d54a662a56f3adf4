import Testing
@testable import QNetPlanner

/// Widest path and max-flow on hand-checked key graphs.
@Suite struct RoutingTests {
    @Test func diamondFromValidationCase() throws {
        // Case trusted-diamond-max-flow of ../shared/validation/cases.yaml, read at run time.
        let lines = try ValidationCases.lines(of: "trusted-diamond-max-flow")
        let links = ValidationCases.mapping("links_bps", in: lines)
        let inputs = Dictionary(uniqueKeysWithValues: ValidationCases.mapping("inputs", in: lines))
        let expect = Dictionary(uniqueKeysWithValues: ValidationCases.mapping("expect", in: lines))
        #expect(links.count == 5)
        let edges = links.map { entry -> (String, String, Double) in
            let ends = entry.0.split(separator: "-").map(String.init)
            return (ends[0], ends[1], Double(entry.1) ?? .nan)
        }
        let (graph, index) = Fixtures.keyGraph(edges)
        let from = try #require(inputs["from"])
        let to = try #require(inputs["to"])
        let source = try #require(index[from])
        let target = try #require(index[to])
        let path = try #require(WidestPath.find(in: graph, from: source, to: target))
        let flow = MaxFlow.exact(in: graph, from: source, to: target)
        let flowText = try #require(expect["max_flow_bps"])
        let bestText = try #require(expect["best_path_bps"])
        let expectedFlow = try #require(Double(flowText))
        let expectedBest = try #require(Double(bestText))
        #expect(abs(flow.value - expectedFlow) <= 1e-9)
        #expect(abs(path.width - expectedBest) <= 1e-9)
        #expect(path.nodes == [index["A"]!, index["X"]!, index["B"]!])
    }

    @Test func sharedBottleneckLimitsFlow() {
        // Two routes from A to T share the last segment T-B.
        let (graph, i) = Fixtures.keyGraph([("A", "X", 10), ("A", "Y", 10), ("X", "T", 10), ("Y", "T", 10), ("T", "B", 4)])
        let flow = MaxFlow.exact(in: graph, from: i["A"]!, to: i["B"]!)
        let path = WidestPath.find(in: graph, from: i["A"]!, to: i["B"]!)
        #expect(abs(flow.value - 4) < 1e-12)
        #expect(path?.width == 4)
    }

    @Test func tiesGoToFewerTrustedNodes() {
        let (graph, i) = Fixtures.keyGraph([("A", "X", 5), ("X", "Y", 5), ("Y", "B", 5), ("A", "Z", 5), ("Z", "B", 5)])
        let path = WidestPath.find(in: graph, from: i["A"]!, to: i["B"]!)
        #expect(path?.nodes == [i["A"]!, i["Z"]!, i["B"]!])
    }

    @Test func endpointsDoNotRelay() {
        // E is an endpoint: the only route A-E-B is closed.
        let (graph, i) = Fixtures.keyGraph([("A", "E", 5), ("E", "B", 5)], endpoints: ["A", "B", "E"])
        #expect(WidestPath.find(in: graph, from: i["A"]!, to: i["B"]!) == nil)
        #expect(MaxFlow.exact(in: graph, from: i["A"]!, to: i["B"]!).value == 0)
    }

    @Test func hopLimitBoundsPathAndFlow() {
        let (graph, i) = Fixtures.keyGraph([("A", "B", 1), ("A", "X", 5), ("X", "B", 5),
                                            ("A", "Y", 3), ("Y", "Z", 3), ("Z", "B", 3)])
        let (a, b) = (i["A"]!, i["B"]!)
        #expect(abs(MaxFlow.exact(in: graph, from: a, to: b).value - 9) < 1e-12)
        let direct = WidestPath.find(in: graph, from: a, to: b, capacity: graph.capacity, maxSegments: 1)
        #expect(direct?.nodes == [a, b] && direct?.width == 1)
        #expect(MaxFlow.greedyHopBounded(in: graph, from: a, to: b, capacity: graph.capacity, maxSegments: 1).value == 1)
        let two = WidestPath.find(in: graph, from: a, to: b, capacity: graph.capacity, maxSegments: 2)
        #expect(two?.width == 5 && two?.nodes == [a, i["X"]!, b])
        #expect(MaxFlow.greedyHopBounded(in: graph, from: a, to: b, capacity: graph.capacity, maxSegments: 2).value == 6)
        #expect(MaxFlow.greedyHopBounded(in: graph, from: a, to: b, capacity: graph.capacity, maxSegments: 3).value == 9)
    }

    /// The widest path from the bottleneck index equals the Dijkstra-like reference's (same width, same
    /// fewest-segment path) for every pair of nodes of random graphs with endpoints, ties and parallel edges.
    @Test(arguments: [false, true])
    func widestPathMatchesReferenceOnRandomGraphs(integer: Bool) {
        var random = SplitMix64(seed: integer ? 21 : 22)
        for (round, graph) in MaxFlowTests.randomGraphs(150, maxNodes: 31, degrees: 1...6, integer: integer, random: &random)
            .enumerated() {
            let (bottlenecks, search) = (BottleneckIndex(graph), HopSearch(FlowNetwork(graph)))
            for (s, t) in (0..<graph.nodeCount).flatMap({ s in (0..<graph.nodeCount).map { (s, $0) } }) where s != t {
                let found = WidestPath.find(in: graph, bottlenecks: bottlenecks, search: search, from: s, to: t)
                #expect(found == WidestPath.referenceFind(in: graph, from: s, to: t), "round \(round): \(s) → \(t)")
            }
        }
    }

    @Test func segmentFinderSplitsAStarRelay() {
        // Key holders A, B, C around one relay M (index 3): three segments, one per pair.
        let holds = [true, true, true, false]
        let (segments, truncated) = SegmentFinder.find(holdsKey: holds, ends: [(0, 3), (1, 3), (2, 3)])
        #expect(!truncated)
        #expect(Set(segments.map(\.nodes)) == [[0, 3, 1], [0, 3, 2], [1, 3, 2]])
    }
}
