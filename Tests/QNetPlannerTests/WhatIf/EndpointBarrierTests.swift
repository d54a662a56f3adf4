import Testing
import QNetModel
@testable import QNetPlanner

/// Endpoints in the middle of a demand's only paths: they relay no keys, so the demand has none; the plan warns,
/// the what-if names them, and making them trusted is suggested at the rate a full re-plan of that edit gives.
@Suite struct EndpointBarrierTests {
    /// A —20 km— B —20 km— C, all endpoints, demand A-C (the QA file).
    static func chain() -> Topology {
        Fixtures.topology(nodes: [Fixtures.node("A"), Fixtures.node("B"), Fixtures.node("C")],
                          links: [Fixtures.fiber("L1", "A", "B", km: 20), Fixtures.fiber("L2", "B", "C", km: 20)],
                          demands: [Fixtures.demand("A", "C")])
    }

    /// `topology` with the nodes `ids` made trusted.
    static func trusted(_ ids: [Identifier], in topology: Topology) -> Topology {
        var edited = topology
        for index in edited.nodes.indices where ids.contains(edited.nodes[index].id) { edited.nodes[index].kind = .trusted }
        return edited
    }

    @Test func thePlanWarnsAtTheDemand() throws {
        let plan = Planner().plan(Self.chain())
        #expect(plan.demands[0].maxFlowBps == 0)
        let warning = try #require(plan.diagnostics.first { $0.keyPath == "demands[0].between" })
        #expect(warning.severity == .warning)
        #expect(warning.message == "demand A-C: the only paths with key between A and C pass through endpoint B, which does not "
            + "relay keys (an endpoint holds keys for itself only; a trusted node relays them, and sees them)")
        // With B trusted the demand has key and no warning.
        let fixed = Planner().plan(Self.trusted(["B"], in: Self.chain()))
        #expect(fixed.demands[0].maxFlowBps > 0 && !fixed.diagnostics.contains { $0.keyPath == "demands[0].between" })
    }

    /// With max_trusted_nodes 0, B made trusted is one trusted node more than A-C allows: the suggestion comes with the
    /// limit raised to 1, at the rate a full plan of both edits gives.
    @Test func anEndpointMadeTrustedBeyondTheLimitComesWithTheRaise() throws {
        var topology = Self.chain()
        topology.demands[0].maxTrustedNodes = 0
        let plan = Planner().plan(topology)
        let whatIf = try #require(WhatIfAnalyzer(topology: topology, plan: plan).analyse(demand: "A-C"))
        let suggestion = try #require(whatIf.suggestions.first { $0.kind == .endpointToTrusted })
        #expect(suggestion.changes == ["B.kind: trusted", "A-C.max_trusted_nodes: 1"])
        #expect(suggestion.requires == LimitRaise(demand: "A-C", from: 0, to: 1))
        var edited = Self.trusted(["B"], in: topology)
        edited.demands[0].maxTrustedNodes = 1
        let expected = Planner().plan(edited).demands[0].maxFlowBps
        #expect(expected > 0 && abs(suggestion.rateBps - expected) <= 1e-9 * expected)
    }

    @Test func theWhatIfNamesTheEndpointAndSuggestsMakingItTrusted() throws {
        let topology = Self.chain()
        let plan = Planner().plan(topology)
        let whatIf = try #require(WhatIfAnalyzer(topology: topology, plan: plan).analyse(demand: "A-C"))
        #expect(whatIf.limiting == nil)
        let barrier = try #require(whatIf.endpointBarrier)
        #expect(barrier.endpoints == ["B"] && barrier.from == "A" && barrier.to == "C")
        let segmentRate = try #require(plan.segments.first { $0.id == "A~B" }).keyRateBps
        #expect(barrier.pathBps == segmentRate)
        let suggestion = try #require(whatIf.suggestions.first)
        #expect(suggestion.kind == .endpointToTrusted && suggestion.changes == ["B.kind: trusted"])
        let replanned = Planner().plan(Self.trusted(["B"], in: topology)).demands[0]
        #expect(abs(suggestion.rateBps - replanned.maxFlowBps) <= 1e-9 * replanned.maxFlowBps)
        #expect(suggestion.satisfied == replanned.satisfied && suggestion.satisfied)
    }

    /// A demand with key but short of its rate, whose wider path passes an endpoint: A—T—C over 80 km links beside
    /// A—B—C over 10 km ones. No reason is given (it has key), but B made trusted is suggested at the re-planned rate.
    @Test func aShortDemandWithKeyIsOfferedTheEndpointsWiderPath() throws {
        var topology = Fixtures.topology(
            nodes: [Fixtures.node("A"), Fixtures.node("B"), Fixtures.node("C"), Fixtures.node("T", .trusted)],
            links: [Fixtures.fiber("AT", "A", "T", km: 80), Fixtures.fiber("TC", "T", "C", km: 80),
                    Fixtures.fiber("AB", "A", "B", km: 10), Fixtures.fiber("BC", "B", "C", km: 10)],
            demands: [Fixtures.demand("A", "C")])
        topology.demands[0].keyRate = Quantity(3, .megabitPerSecond)
        let plan = Planner().plan(topology)
        #expect(plan.demands[0].maxFlowBps > 0 && !plan.demands[0].satisfied)
        #expect(!plan.diagnostics.contains { $0.keyPath == "demands[0].between" })
        let whatIf = try #require(WhatIfAnalyzer(topology: topology, plan: plan).analyse(demand: "A-C"))
        #expect(whatIf.endpointBarrier == nil)
        let suggestion = try #require(whatIf.suggestions.first { $0.kind == .endpointToTrusted })
        let replanned = Planner().plan(Self.trusted(["B"], in: topology)).demands[0]
        #expect(abs(suggestion.rateBps - replanned.maxFlowBps) <= 1e-9 * replanned.maxFlowBps)
        #expect(suggestion.rateBps > plan.demands[0].maxFlowBps * 2)
    }

    /// A met demand is not offered endpoints made trusted, nor is one whose paths pass through none.
    @Test func noBarrierWhereNoEndpointIsInTheWay() throws {
        let met = Self.trusted(["B"], in: Self.chain())
        let plan = Planner().plan(met)
        let whatIf = try #require(WhatIfAnalyzer(topology: met, plan: plan).analyse(demand: "A-C"))
        #expect(whatIf.endpointBarrier == nil && !whatIf.suggestions.contains { $0.kind == .endpointToTrusted })
    }
}
