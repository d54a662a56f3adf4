import Testing
import QNetModel
@testable import QNetPlanner

/// Suggestions for a demand limited by a repeater chain: another memory, better swaps, more repeaters; each rate equals a plan
/// of the edited topology from scratch.
@Suite struct RepeaterChainSuggestionTests {
    /// A —Q1 100 km— R1 —Q2 20 km— B, an entanglement segment through repeater R1 (memory `single`, one mode,
    /// 20 ms cutoff, one DEJMPS round), beside a decoy-BB84 link A —K 30 km— T —K2 30 km— B; the library also holds
    /// `multimode` (100 modes). The demand allows no trusted node, so only the chain serves it.
    static func chain() -> Topology {
        var repeater = Fixtures.node("R1", .repeater)
        repeater.memory = "single"
        repeater.source = "wcp"
        repeater.detector = "snspd"
        repeater.swapSuccess = Quantity(50, .percent)
        repeater.cutoffTime = Quantity(20, .millisecond)
        repeater.purification = .dejmps
        let nodes = [Fixtures.node("A"), repeater, Fixtures.node("B"), Fixtures.node("T", .trusted)]
        let links = [Fixtures.fiber("Q1", "A", "R1", km: 100, protocol: .entanglement),
                     Fixtures.fiber("Q2", "R1", "B", km: 20, protocol: .entanglement),
                     Fixtures.fiber("K", "A", "T", km: 30), Fixtures.fiber("K2", "T", "B", km: 30)]
        var topology = Fixtures.topology(nodes: nodes, links: links, demands: [Fixtures.demand("A", "B", kbps: 100, maxTrusted: 0)])
        var single = QuantumMemory(name: "single")
        single.efficiency = Quantity(90, .percent)
        single.coherenceTime = Quantity(1, .second)
        single.modes = 1
        var multimode = single
        multimode.name = "multimode"
        multimode.modes = 100
        topology.equipment.memories = [single, multimode]
        return topology
    }

    /// The what-ifs of the demand, with the rate it starts from.
    static func whatIf(_ topology: Topology) throws -> DemandWhatIf {
        let plan = Planner().plan(topology)
        #expect(plan.demands[0].maxFlowBps > 0 && !plan.demands[0].satisfied)
        return try #require(WhatIfAnalyzer(topology: topology, plan: plan).analyse(demand: plan.demands[0].id))
    }

    /// The suggestion of `whatIf` summarised as `summary`, after checking that it raises the rate to the one a plan
    /// from scratch of `edited` (the change made by hand) gives.
    static func suggestion(_ summary: String, of whatIf: DemandWhatIf, planned edited: Topology) throws -> Suggestion {
        let suggestion = try #require(whatIf.suggestions.first { $0.summary == summary })
        let expected = Planner().plan(edited).demands[0].maxFlowBps
        #expect(expected > whatIf.rateBps && abs(suggestion.rateBps - expected) <= 1e-9 * expected)
        return suggestion
    }

    /// A repeater at the midpoint of `link` (between `from` and `to`, `km` long) with R1's settings, and its two halves.
    static func split(_ topology: inout Topology, link: String, from: String, to: String, km: Double) {
        var middle = topology.nodes[1]
        middle.id = Identifier("\(link)-mid")
        middle.name = nil
        topology.nodes.append(middle)
        topology.links.removeAll { $0.id.rawValue == link }
        topology.links += [Fixtures.fiber("\(link)-a", from, "\(link)-mid", km: km / 2, protocol: .entanglement),
                           Fixtures.fiber("\(link)-b", "\(link)-mid", to, km: km / 2, protocol: .entanglement)]
    }

    @Test func anotherMemoryOnTheChainsRepeatersIsSuggested() throws {
        let topology = Self.chain()
        let whatIf = try Self.whatIf(topology)
        #expect(whatIf.limiting?.link == "Q1")
        var edited = topology
        edited.nodes[1].memory = "multimode"
        let suggestion = try Self.suggestion("memory multimode on R1", of: whatIf, planned: edited)
        #expect(suggestion.kind == .memory && suggestion.changes == ["R1.memory: multimode"])
    }

    @Test func aRepeaterAtTheMidpointOfTheLimitingLinkCopiesItsNeighboursSettings() throws {
        let topology = Self.chain()
        let whatIf = try Self.whatIf(topology)
        var edited = topology
        Self.split(&edited, link: "Q1", from: "A", to: "R1", km: 100)
        let suggestion = try Self.suggestion("a repeater at the midpoint of Q1 (settings of R1)", of: whatIf, planned: edited)
        #expect(suggestion.kind == .repeater)
        #expect(suggestion.changes.first == "new node Q1-mid: kind repeater, source wcp, detector snspd, memory single, "
            + "swap_success 50 %, cutoff_time 20 ms, purification dejmps")
        #expect(suggestion.changes.contains("new link Q1-a: between [A, Q1-mid], 50 km, protocol entanglement"))
    }

    @Test func aRepeaterAtTheMidpointOfEveryLinkHalvesEveryElementaryLink() throws {
        let topology = Self.chain()
        let whatIf = try Self.whatIf(topology)
        var edited = topology
        Self.split(&edited, link: "Q1", from: "A", to: "R1", km: 100)
        Self.split(&edited, link: "Q2", from: "R1", to: "B", km: 20)
        let suggestion = try Self.suggestion("a repeater at the midpoint of every link of A~R1~B", of: whatIf, planned: edited)
        #expect(suggestion.kind == .repeater && suggestion.changes.filter { $0.hasPrefix("new node") }.count == 2)
        #expect(suggestion.changes.contains("remove link Q2 (each half keeps its other keys)"))
    }

    @Test func betterBellMeasurementsOnTheChainsRepeatersAreSuggested() throws {
        let topology = Self.chain()
        let whatIf = try Self.whatIf(topology)
        for (percent, basis) in [(75.0, "Ewert, van Loock"), (100.0, "Pompili et al.")] {
            var edited = topology
            edited.nodes[1].swapSuccess = Quantity(percent, .percent)
            let summary = try #require(whatIf.suggestions.first { $0.summary.hasPrefix("swap_success \(Int(percent)) % on R1 (") }?.summary)
            #expect(summary.contains(basis))
            let suggestion = try Self.suggestion(summary, of: whatIf, planned: edited)
            #expect(suggestion.kind == .swap && suggestion.changes == ["R1.swap_success: \(Int(percent)) %"])
        }
    }

    @Test func onlyBellMeasurementsBetterThanTheRepeatersOwnAreTried() throws {
        var topology = Self.chain()
        topology.nodes[1].swapSuccess = Quantity(80, .percent)
        let plan = Planner().plan(topology)
        let finder = SuggestionTests.finder(topology, plan)
        let chain = try #require(plan.segments.firstIndex { $0.id == "A~R1~B" })
        #expect(finder.swapCandidates(segmentIndex: chain).map(\.summary).map { $0.prefix(26) } == ["swap_success 100 % on R1 ("])
        topology.nodes[1].swapSuccess = Quantity(100, .percent)
        #expect(SuggestionTests.finder(topology, Planner().plan(topology)).swapCandidates(segmentIndex: chain).isEmpty)
    }

    @Test func aMemoryTheRepeatersAlreadyUseIsNotTried() throws {
        var topology = Self.chain()
        topology.equipment.memories.removeLast()
        let plan = Planner().plan(topology)
        let finder = SuggestionTests.finder(topology, plan)
        let chain = try #require(plan.segments.firstIndex { $0.id == "A~R1~B" })
        #expect(finder.memoryCandidates(segmentIndex: chain).isEmpty)
    }

    @Test func editedNodesReplanTheirSegmentsAndReuseTheRest() throws {
        var topology = Self.chain()
        var slower = topology.equipment.sources[0]
        slower.name = "wcp-100m"
        slower.repetitionRate = Quantity(100, .megahertz)
        topology.equipment.sources.append(slower)
        let plan = Planner().plan(topology)
        let network = KeyNetwork(topology: topology, plan: plan)
        var a = topology.nodes[0]
        a.source = "wcp-100m"   // A sends on Q1 and K, so its two segments change; T~B does not
        let change = LocalReplan(network: network, session: PlanningSession()).change(replacing: [], with: [], editedNodes: [a])
        #expect(Set(change.removed.map { plan.segments[$0].id }) == ["A~R1~B", "A~T"])
        var edited = topology
        edited.nodes[0] = a
        let full = Planner().plan(edited).segments
        #expect(change.added.map(\.id).sorted() == ["A~R1~B", "A~T"])
        for segment in change.added {
            let expected = try #require(full.first { $0.id == segment.id })
            #expect(segment.keyRateBps == expected.keyRateBps)
        }
        #expect(change.added.first { $0.id == "A~T" }?.keyRateBps != plan.segments.first { $0.id == "A~T" }?.keyRateBps)
    }
}
