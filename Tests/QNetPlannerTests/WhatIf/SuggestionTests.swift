import Testing
import QNetModel
@testable import QNetPlanner

/// Suggestions: only improvements, each with the rate a full plan of the edited topology gives.
@Suite struct SuggestionTests {
    /// A–B over `km` of fiber, a demand of 1 bit/s, the shared `wcp` source and `snspd` detector.
    static func single(km: Double) -> Topology {
        Fixtures.topology(nodes: [Fixtures.node("A"), Fixtures.node("B")], links: [Fixtures.fiber("L", "A", "B", km: km)],
                          demands: [Fixtures.demand("A", "B", kbps: 0.001)])
    }

    /// A —L1— T —L2— B through a trusted node T, links of `first` and `second` km, with `demand`.
    static func throughTrusted(km first: Double, _ second: Double, demand: Demand) -> Topology {
        Fixtures.topology(nodes: [Fixtures.node("A"), Fixtures.node("T", .trusted), Fixtures.node("B")],
                          links: [Fixtures.fiber("L1", "A", "T", km: first), Fixtures.fiber("L2", "T", "B", km: second)],
                          demands: [demand])
    }

    /// The suggestion finder of `plan`.
    static func finder(_ topology: Topology, _ plan: Plan) -> SuggestionFinder {
        let network = KeyNetwork(topology: topology, plan: plan)
        return SuggestionFinder(local: LocalReplan(network: network, session: PlanningSession()), router: ChangeRouter(network: network))
    }

    @Test func aTrustedNodeAtTheMidpointMovesTheDemandFromUnmetToMet() throws {
        let topology = Self.single(km: 300)
        let plan = Planner().plan(topology)
        #expect(!plan.demands[0].satisfied && plan.demands[0].maxFlowBps == 0)
        let whatIf = try #require(WhatIfAnalyzer(topology: topology, plan: plan).analyse(demand: "A-B"))
        let suggestion = try #require(whatIf.suggestions.first { $0.kind == .trustedNode })
        #expect(suggestion.satisfied)

        // The same edit by hand, planned from scratch.
        var edited = topology
        edited.nodes.append(Fixtures.node("L-mid", .trusted))
        edited.links = [Fixtures.fiber("L-a", "A", "L-mid", km: 150), Fixtures.fiber("L-b", "L-mid", "B", km: 150)]
        let expected = Planner().plan(edited).demands[0]
        #expect(expected.satisfied)
        #expect(abs(suggestion.rateBps - expected.maxFlowBps) <= 1e-9 * expected.maxFlowBps)
        #expect(suggestion.changes.contains("new link L-a: between [A, L-mid], 150 km, protocol bb84-decoy"))
    }

    /// A 60 km link with 19 dB of itemised losses (QA: connectors 2 dB, a ROADM 17 dB): they lie once along the
    /// path, so a trusted node at its midpoint leaves them all on the half from its first end and none on the other
    /// (they were copied into both halves, 38 dB instead of 19 dB). The split's rate is the lesser half's, that first
    /// half, which kept every loss either way, so the rate is what the copy gave too; what moved is the other half.
    @Test func aMidpointSplitKeepsTheExtraLossesOnItsFirstHalfOnly() throws {
        var topology = Self.single(km: 60)
        topology.links[0].extraLosses = [NamedLoss(name: "connectors", loss: Quantity(2, .decibel)),
                                         NamedLoss(name: "roadm_passthrough", loss: Quantity(17, .decibel))]
        let plan = Planner().plan(topology)
        let whatIf = try #require(WhatIfAnalyzer(topology: topology, plan: plan).analyse(demand: "A-B"))
        let suggestion = try #require(whatIf.suggestions.first { $0.kind == .trustedNode })
        let halves = suggestion.edit.links
        #expect(halves.map(\.id) == ["L-a", "L-b"] && suggestion.edit.removedLinks == ["L"])
        #expect(halves[0].extraLosses == topology.links[0].extraLosses && halves[1].extraLosses.isEmpty)
        #expect(suggestion.changes.contains("new link L-b: between [L-mid, B], 30 km, protocol bb84-decoy, no extra losses"))
        #expect(suggestion.changes.last == "remove link L (each half keeps its other keys; L-a keeps L's extra losses "
            + "(where they lie is not in the file); L-b has none)")

        // The same edit by hand, planned from scratch: the rate stated, the first half the bottleneck.
        let edited = suggestion.edit.applied(to: topology)
        #expect(edited.links.map(\.id) == ["L-a", "L-b"] && edited.nodes.map(\.id) == ["A", "B", "L-mid"])
        let after = Planner().plan(edited)
        #expect(abs(after.demands[0].maxFlowBps - suggestion.rateBps) <= 1e-9 * suggestion.rateBps)
        let rates = after.links.map(\.keyRateBps)
        #expect(rates[0] < rates[1] && abs(rates[0] - suggestion.rateBps) <= 1e-9 * suggestion.rateBps)
    }

    /// A —40 km— T —40 km— B: the two links limit the demand equally, so a trusted node halfway along one alone
    /// raises nothing; the same change on each of them is suggested, at the rate a plan of that edit gives.
    @Test func twoLinksLimitingEquallyAreChangedTogether() throws {
        let topology = Self.throughTrusted(km: 40, 40, demand: Fixtures.demand("A", "B", kbps: 0.001))
        let plan = Planner().plan(topology)
        let whatIf = try #require(WhatIfAnalyzer(topology: topology, plan: plan).analyse(demand: "A-B"))
        #expect(!whatIf.suggestions.contains { $0.summary == "a trusted node at the midpoint of L1" })
        let both = try #require(whatIf.suggestions.first { $0.summary == "a trusted node at the midpoint of each of L1, L2" })

        var edited = topology
        edited.nodes += [Fixtures.node("L1-mid", .trusted), Fixtures.node("L2-mid", .trusted)]
        edited.links = [Fixtures.fiber("L1-a", "A", "L1-mid", km: 20), Fixtures.fiber("L1-b", "L1-mid", "T", km: 20),
                        Fixtures.fiber("L2-a", "T", "L2-mid", km: 20), Fixtures.fiber("L2-b", "L2-mid", "B", km: 20)]
        let expected = Planner().plan(edited).demands[0].maxFlowBps
        #expect(expected > plan.demands[0].maxFlowBps * 1.01)
        #expect(abs(both.rateBps - expected) <= 1e-9 * expected)
        #expect(both.changes.filter { $0.hasPrefix("new node") }.count == 2)
    }

    @Test func aBetterDetectorFromTheLibraryIsSuggestedAndOnlyOneThatDetectsTheWavelength() throws {
        var topology = Self.single(km: 150)
        var ingaas = Detector(name: "ingaas")
        ingaas.kind = .ingaasAPD
        ingaas.efficiency = Quantity(10, .percent)
        ingaas.darkCountProbability = Quantity(1e-4, .fraction)
        var silicon = Detector(name: "si-850")
        silicon.kind = .siAPD
        silicon.efficiency = Quantity(95, .percent)
        silicon.darkCountRate = Quantity(1, .hertz)
        var homodyne = Detector(name: "hom")
        homodyne.kind = .homodyne
        homodyne.efficiency = Quantity(99, .percent)
        topology.equipment.detectors += [ingaas, silicon, homodyne]
        topology.nodes[1].detector = "ingaas"
        let plan = Planner().plan(topology)
        #expect(!plan.demands[0].satisfied)
        let whatIf = try #require(WhatIfAnalyzer(topology: topology, plan: plan).analyse(demand: "A-B"))
        let detectors = whatIf.suggestions.filter { $0.kind == .detector }
        // A silicon APD does not absorb 1550 nm; a homodyne receiver does not count photons for BB84.
        #expect(detectors.map(\.summary) == ["detector snspd on L"])
        let suggestion = try #require(detectors.first)
        #expect(suggestion.changes == ["L.detector: snspd"] && suggestion.satisfied)
        var edited = topology
        edited.links[0].detector = "snspd"
        let expected = Planner().plan(edited).demands[0].maxFlowBps
        #expect(abs(suggestion.rateBps - expected) <= 1e-9 * expected)
        #expect(whatIf.suggestions.allSatisfy { $0.rateBps > whatIf.rateBps })
    }

    @Test func everyProtocolIsTriedInALayoutTheSegmentAllows() throws {
        let topology = Self.single(km: 50)
        let plan = Planner().plan(topology)
        let tried = Set(Self.finder(topology, plan).candidates(segmentIndex: 0, linkIndex: 0).map(\.summary))
        #expect(tried == [
            "protocol bbm92 on L", "bbm92 through a source at the midpoint of L", "mdi through a relay at the midpoint of L",
            "tf through a relay at the midpoint of L", "protocol cv-gg02 on L",
            "entanglement through a repeater at the midpoint of L", "a trusted node at the midpoint of L",
        ])
        // Only those that give more key than the 50 km decoy-BB84 link are suggested.
        let whatIf = try #require(WhatIfAnalyzer(topology: topology, plan: plan).analyse(demand: "A-B"))
        #expect(whatIf.suggestions.allSatisfy { $0.rateBps > whatIf.rateBps })
    }

    @Test func twinFieldThroughARelayAtTheMidpointIsSuggestedForALongLink() throws {
        let topology = Self.single(km: 300)
        let plan = Planner().plan(topology)
        let whatIf = try #require(WhatIfAnalyzer(topology: topology, plan: plan).analyse(demand: "A-B"))
        let suggestion = try #require(whatIf.suggestions.first { $0.summary == "tf through a relay at the midpoint of L" })
        #expect(suggestion.kind == .protocolChange && suggestion.satisfied)
        // The same edit by hand, planned from scratch: both ends send to an untrusted relay.
        var edited = topology
        edited.nodes.append(Fixtures.node("L-mid", .relay))
        edited.links = [Fixtures.fiber("L-a", "A", "L-mid", km: 150, protocol: .twinField),
                        Fixtures.fiber("L-b", "B", "L-mid", km: 150, protocol: .twinField)]
        for index in edited.links.indices { edited.links[index].source = "wcp" }
        let expected = Planner().plan(edited).demands[0].maxFlowBps
        #expect(expected > 0 && abs(suggestion.rateBps - expected) <= 1e-9 * expected)
    }

    @Test func aRelaySegmentTriesTheOtherRelayProtocolOnItsLinks() throws {
        let nodes = [Fixtures.node("A"), Fixtures.node("B"), Fixtures.node("M", .relay)]
        let links = [Fixtures.fiber("M1", "A", "M", km: 40, protocol: .mdi), Fixtures.fiber("M2", "B", "M", km: 40, protocol: .mdi)]
        let topology = Fixtures.topology(nodes: nodes, links: links, demands: [Fixtures.demand("A", "B")])
        let plan = Planner().plan(topology)
        let candidates = Self.finder(topology, plan).candidates(segmentIndex: 0, linkIndex: 0)
        #expect(candidates.map(\.summary) == ["protocol tf on M1, M2"])
        #expect(candidates.first?.links.map(\.protocolKind) == [.twinField, .twinField])
    }
}
