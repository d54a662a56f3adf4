import Testing
import QNetModel
@testable import QNetPlanner

/// The QA report's link killed by its detector's dark counts: a repeater at its midpoint keeps that detector at the
/// heralding stations, so it cannot rescue the link and is not suggested.
@Suite struct DarkCountSuggestionTests {
    /// A —L 10 km, decoy BB84— B, on detector `snspd` with 0.2 dark counts per gate; a 1 bit/s demand.
    static func noisyLink() -> Topology {
        var topology = SuggestionTests.single(km: 10)
        topology.equipment.detectors[0].darkCountProbability = Quantity(0.2, .fraction)
        return topology
    }

    @Test func aRepeaterAtTheMidpointIsTriedButNotSuggestedForALinkThatDarkCountsKill() throws {
        let topology = Self.noisyLink()
        let plan = Planner().plan(topology)
        #expect(plan.links[0].keyRateBps == 0 && plan.demands[0].maxFlowBps == 0)
        let summary = "entanglement through a repeater at the midpoint of L"
        let tried = SuggestionTests.finder(topology, plan).candidates(segmentIndex: 0, linkIndex: 0)
        let repeater = try #require(tried.first { $0.summary == summary })
        let whatIf = try #require(WhatIfAnalyzer(topology: topology, plan: plan).analyse(demand: "A-B"))
        #expect(!whatIf.suggestions.contains { $0.summary == summary })
        // The chain the candidate builds, planned from scratch: its stations keep the noisy detector, so no key.
        var edited = topology
        edited.links = repeater.links
        edited.nodes += repeater.newNodes
        let chain = try #require(Planner().plan(edited).segments.first { $0.repeater != nil })
        #expect(chain.keyRateBps == 0 && chain.noKeyReason?.contains("BBM92 secret fraction") == true)
        #expect(chain.repeater?.assumptions.contains { $0.name == "detector dark counts" && $0.value.hasPrefix("p_d = 0.1 per detector") } == true)
    }

    @Test func theSameRepeaterGivesKeyWhenTheDetectorIsQuiet() throws {
        // Guards the test above: without the dark counts (100 Hz, the fixture's rate) the same chain gives key.
        var topology = Self.noisyLink()
        topology.equipment.detectors[0].darkCountProbability = nil
        let plan = Planner().plan(topology)
        let tried = SuggestionTests.finder(topology, plan).candidates(segmentIndex: 0, linkIndex: 0)
        let repeater = try #require(tried.first { $0.summary == "entanglement through a repeater at the midpoint of L" })
        var edited = topology
        edited.links = repeater.links
        edited.nodes += repeater.newNodes
        #expect(try #require(Planner().plan(edited).segments.first { $0.repeater != nil }).keyRateBps > 0)
    }
}
