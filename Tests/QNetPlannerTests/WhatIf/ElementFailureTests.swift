import Testing
import QNetModel
@testable import QNetPlanner

/// N−1 seen from one element (what the workbench shows for a selected node or link), against the demands' own N−1
/// and a full re-plan without the element.
@Suite struct ElementFailureTests {
    /// The diamond of `SurvivabilityTests` with a second demand A-B-2 that needs 0.9 of the flow (every failure of a
    /// path breaks it) beside A-B at 0.2 (every failure costs it key but leaves it met), and a demand T1-C.
    static func diamond() -> (Topology, Plan) {
        var (topology, _) = SurvivabilityTests.diamond(requiredFraction: 0.2)
        let flow = Planner().plan(topology).demands[0].maxFlowBps
        topology.demands += [Demand(id: "A-B-2", from: "A", to: "B", keyRate: Quantity(0.9 * flow, .bitPerSecond)),
                             Demand(from: "T1", to: "C", keyRate: Quantity(1, .bitPerSecond))]
        return (topology, Planner().plan(topology))
    }

    @Test func aTrustedNodesFailureBreaksLowersAndEndsDemands() throws {
        let (topology, plan) = Self.diamond()
        let analyzer = WhatIfAnalyzer(topology: topology, plan: plan)
        let failure = try #require(try analyzer.failure(of: .node("T1")))
        #expect(failure.endsHere == ["T1-C"] && failure.demandsRouted == 2)
        #expect(failure.breaks.map(\.demand) == ["A-B-2"] && failure.lowers.map(\.demand) == ["A-B"])
        // The demand's own N−1 names the same failure with the same rate left.
        let own = try #require(analyzer.analyse(demand: "A-B-2")?.breaksOn.first { $0.failure == .node("T1") })
        #expect(abs(failure.breaks[0].afterBps - own.remainingBps) <= 1e-9 * own.remainingBps)
        // A full re-plan without T1 agrees on what A-B keeps.
        var without = topology
        without.nodes.removeAll { $0.id == "T1" }
        without.links.removeAll { $0.from == "T1" || $0.to == "T1" }
        without.demands.removeAll { $0.from == "T1" }
        let replanned = try #require(Planner().plan(without).demands.first { $0.id == "A-B" }).maxFlowBps
        #expect(abs(failure.lowers[0].afterBps - replanned) <= 1e-9 * replanned)
        #expect(failure.lowers[0].beforeBps == plan.demands[0].maxFlowBps && replanned < failure.lowers[0].beforeBps)
    }

    @Test func aLinkOffEveryPathCostsNothing() throws {
        let (topology, plan) = Self.diamond()
        let analyzer = WhatIfAnalyzer(topology: topology, plan: plan)
        let failure = try #require(try analyzer.failure(of: .link("a2")))
        #expect(failure.breaks.map(\.demand) == ["A-B-2"] && failure.lowers.map(\.demand) == ["A-B"])
        let spur = try #require(try analyzer.failure(of: .link("c1")))
        #expect(spur.breaks.map(\.demand) == ["T1-C"] && spur.lowers.isEmpty && spur.endsHere.isEmpty)
        #expect(try analyzer.failure(of: .link("nope")) == nil)
    }

    @Test func aCancelledAnalysisThrows() {
        let (topology, plan) = Self.diamond()
        #expect(throws: CancellationError.self) {
            try WhatIfAnalyzer(topology: topology, plan: plan).failure(of: .node("T1"), cancellation: Cancellation { true })
        }
    }
}
