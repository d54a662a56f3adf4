import Testing
import QNetModel
@testable import QNetPlanner

/// The limiting link, and the key network the what-ifs route on.
@Suite struct LimitingLinkTests {
    @Test func theLimitingLinkIsOnTheBestPathAndInTheMinimumCut() throws {
        let nodes = [Fixtures.node("A"), Fixtures.node("B"), Fixtures.node("T1", .trusted), Fixtures.node("T2", .trusted)]
        let links = [Fixtures.fiber("a1", "A", "T1", km: 10), Fixtures.fiber("b1", "T1", "B", km: 60),
                     Fixtures.fiber("a2", "A", "T2", km: 10), Fixtures.fiber("b2", "T2", "B", km: 40)]
        let topology = Fixtures.topology(nodes: nodes, links: links, demands: [Fixtures.demand("A", "B")])
        let plan = Planner().plan(topology)
        #expect(plan.demands[0].bestPath == ["A", "T2", "B"])
        let limiting = try #require(WhatIfAnalyzer(topology: topology, plan: plan).analyse(demand: "A-B")?.limiting)
        // By hand: the 10 km links carry more than the 40 and 60 km links, so the cut is {T1–B, T2–B}
        // (its rates add up to the max flow), and the best path crosses it on T2–B.
        #expect(limiting.link == "b2" && limiting.segment == "B~T2")  // segment ids start at the lower node index
        #expect(Set(limiting.cutSegments) == ["B~T1", "B~T2"])
        let cutRate = plan.segments.filter { limiting.cutSegments.contains($0.id) }.reduce(0) { $0 + $1.keyRateBps }
        #expect(abs(cutRate - plan.demands[0].maxFlowBps) <= 1e-9 * cutRate)
        #expect(limiting.largestLoss?.item == "fiber 40 km x 0.2 dB/km")
    }

    @Test func withNoTrustedNodeAllowedTheDirectSegmentsAreTheCut() throws {
        let nodes = [Fixtures.node("A"), Fixtures.node("B"), Fixtures.node("T", .trusted)]
        let links = [Fixtures.fiber("direct", "A", "B", km: 80), Fixtures.fiber("a", "A", "T", km: 10),
                     Fixtures.fiber("b", "T", "B", km: 10)]
        let topology = Fixtures.topology(nodes: nodes, links: links, demands: [Fixtures.demand("A", "B", maxTrusted: 0)])
        let plan = Planner().plan(topology)
        let limiting = try #require(WhatIfAnalyzer(topology: topology, plan: plan).analyse(demand: "A-B")?.limiting)
        #expect(limiting.link == "direct" && limiting.cutSegments == ["A~B"])
    }

    @Test func routingTheUnchangedKeyGraphGivesThePlansDemands() {
        let topology = SyntheticNetwork.make(nodes: 150, seed: 9)
        let plan = Planner().plan(topology)
        let network = KeyNetwork(topology: topology, plan: plan)
        for (demand, planned) in zip(topology.demands, plan.demands) {
            #expect(network.route(demand).plan == planned)
        }
    }
}

/// Inputs the planner tolerates give what-ifs without a crash or a non-finite number.
@Suite struct WhatIfEdgeCaseTests {
    @Test func oddDemandsAndLinksGiveEmptyButFiniteWhatIfs() {
        let nodes = [Fixtures.node("A"), Fixtures.node("B"), Fixtures.node("C")]
        var loop = Fixtures.fiber("loop", "A", "A", km: 1)
        loop.length = nil
        let links = [Fixtures.fiber("L", "A", "B", km: 0), loop, Fixtures.fiber("dangling", "B", "nowhere", km: 5)]
        let demands = [Fixtures.demand("A", "A"), Fixtures.demand("A", "nowhere"), Fixtures.demand("A", "C"),
                       Fixtures.demand("A", "B")]
        let topology = Fixtures.topology(nodes: nodes, links: links, demands: demands)
        let plan = Planner().plan(topology)
        let analysis = WhatIfAnalyzer(topology: topology, plan: plan).analyse()
        #expect(analysis.demands.count == 4)
        for whatIf in analysis.demands.prefix(3) {
            #expect(whatIf.limiting == nil && whatIf.sensitivity == nil && whatIf.breaksOn.isEmpty)
        }
        // A 0 km link: the length derivative is one-sided, every number finite.
        let sensitivity = analysis.demands[3].sensitivity
        #expect(sensitivity?.perKm?.scheme == "forward 3-point")
        for value in [sensitivity?.perDB.bpsPerUnit, sensitivity?.perKm?.bpsPerUnit, sensitivity?.perPercentEfficiency.bpsPerUnit] {
            #expect(value?.isFinite == true)
        }
        #expect(analysis.demands[3].breaksOn.map(\.failure) == [.link("L")])
    }
}
