import Testing
import QNetModel
@testable import QNetPlanner

/// Suggestions that `check` accepts, compared like with like, with every demand they lower; the cause and
/// change for a demand that its trusted-node limit leaves without key; and changes that need a larger limit.
@Suite struct SuggestionSoundnessTests {
    /// A relay M joined to A, B and C by MDI links of `km` each.
    static func star(km: [Double]) -> Topology {
        let nodes = [Fixtures.node("A"), Fixtures.node("B"), Fixtures.node("C"), Fixtures.node("M", .relay)]
        let links = zip(["A", "B", "C"], km).map { end, km in Fixtures.fiber("\(end)M", end, "M", km: km, protocol: .mdi) }
        return Fixtures.topology(nodes: nodes, links: links, demands: [Fixtures.demand("A", "C")])
    }

    @Test func aProtocolChangeAtARelayChangesEveryLinkThere() throws {
        let topology = Self.star(km: [40, 20, 40])
        let plan = Planner().plan(topology)
        let segment = try #require(plan.segments.firstIndex { $0.id == "A~M~C" })
        let candidates = SuggestionTests.finder(topology, plan).candidates(segmentIndex: segment, linkIndex: 0)
        let tf = try #require(candidates.first { $0.kind == .protocolChange })
        #expect(tf.summary == "protocol tf on AM, BM, CM (every link at M)")
        #expect(tf.links.map(\.protocolKind) == [.twinField, .twinField, .twinField] && tf.replaced == [0, 1, 2])
    }

    /// QA: applying "protocol mdi" to twin-field links left their `tf_variant`, which mdi does not read (two warnings).
    @Test func aProtocolChangeRemovesTheKeysTheNewProtocolDoesNotRead() throws {
        var topology = Self.star(km: [40, 20, 40])
        for index in topology.links.indices {
            topology.links[index].protocolKind = .twinField
            topology.links[index].tfVariant = .sns
        }
        let plan = Planner().plan(topology)
        let segment = try #require(plan.segments.firstIndex { $0.id == "A~M~C" })
        let candidates = SuggestionTests.finder(topology, plan).candidates(segmentIndex: segment, linkIndex: 0)
        let mdi = try #require(candidates.first { $0.kind == .protocolChange && $0.summary.hasPrefix("protocol mdi") })
        #expect(mdi.links.allSatisfy { $0.protocolKind == .mdi && $0.tfVariant == nil })
        #expect(mdi.changes.contains("AM.tf_variant: removed (mdi does not read it)"))
        var edited = topology
        for (index, link) in zip(mdi.replaced, mdi.links) { edited.links[index] = link }
        #expect(!Planner().plan(edited).diagnostics.contains { $0.message.contains("tf_variant") })
    }

    @Test func aChangeThatLeavesASegmentOfTwoProtocolsHasErrors() throws {
        let topology = Self.star(km: [40, 20, 40])
        let plan = Planner().plan(topology)
        let network = KeyNetwork(topology: topology, plan: plan)
        var link = topology.links[0]
        link.protocolKind = .twinField
        let change = LocalReplan(network: network, session: PlanningSession()).change(replacing: [0], with: [link])
        // A~M~B and A~M~C mix tf and mdi: the planner reports an error on each, and `check` would refuse the edit.
        #expect(change.errors.count == 2 && change.errors.allSatisfy { $0.message.contains("name different protocols (mdi, tf)") })
    }

    /// A —10 km— B directly and through a trusted node T (A—T 20 km, T—B 20 km): the demand A-B's best path is the
    /// direct link, but its max flow also crosses A~T. A change that weakens A~T lowers A-B.
    @Test func aDemandWhoseFlowButNotBestPathCrossesAWeakenedSegmentIsListed() throws {
        let nodes = [Fixtures.node("A"), Fixtures.node("B"), Fixtures.node("T", .trusted)]
        let links = [Fixtures.fiber("AB", "A", "B", km: 10), Fixtures.fiber("AT", "A", "T", km: 20),
                     Fixtures.fiber("TB", "T", "B", km: 20)]
        let topology = Fixtures.topology(nodes: nodes, links: links, demands: [Fixtures.demand("A", "B"), Fixtures.demand("A", "T")])
        let plan = Planner().plan(topology)
        #expect(plan.demands[0].bestPathSegments == ["A~B"] && !plan.demands[0].bestPathSegments.contains("A~T"))
        let network = KeyNetwork(topology: topology, plan: plan)
        var finder = SuggestionTests.finder(topology, plan)
        finder.others = PlannedDemands(network: network, plans: plan.demands)
        let weakened = try #require(network.segments.firstIndex { $0.id == "A~T" })
        var half = network.segments[weakened]
        half.keyRateBps /= 2
        let effects = finder.sideEffects(of: KeyNetwork.Change(removed: [weakened], added: [half]), besides: topology.demands[1])
        let lowered = try #require(effects.first)
        #expect(effects.count == 1 && lowered.demand == "A-B" && lowered.beforeBps == plan.demands[0].maxFlowBps)
        #expect(abs(plan.demands[0].maxFlowBps - lowered.afterBps - half.keyRateBps) <= 1e-9 * plan.demands[0].maxFlowBps)
        // Replaced by at least the key it had, A~T lowers nobody.
        #expect(finder.sideEffects(of: KeyNetwork.Change(removed: [weakened], added: [network.segments[weakened]]),
                                   besides: topology.demands[1]).isEmpty)
    }

    /// A link of `km` with a finite-key block of 10^6: twin-field's key is asymptotic, so it is compared with
    /// the asymptotic decoy-BB84 key of the same link.
    static func finiteKeyLink(km: Double) -> Topology {
        var topology = SuggestionTests.single(km: km)
        var settings = FiniteKeySettings()
        settings.blockSize = Quantity(1e6, .fraction)
        topology.links[0].finiteKey = settings
        return topology
    }

    /// The rate of twin-field through a relay halfway along the link of `finiteKeyLink(km:)`, planned from scratch.
    static func twinFieldRate(km: Double) -> Double {
        var edited = finiteKeyLink(km: km)
        edited.nodes.append(Fixtures.node("L-mid", .relay))
        let finiteKey = edited.links[0].finiteKey
        edited.links = [Fixtures.fiber("L-a", "A", "L-mid", km: km / 2, protocol: .twinField),
                        Fixtures.fiber("L-b", "B", "L-mid", km: km / 2, protocol: .twinField)]
        for index in edited.links.indices {
            edited.links[index].source = "wcp"
            edited.links[index].finiteKey = finiteKey   // each half keeps the link's keys; tf ignores this one
        }
        return Planner().plan(edited).demands[0].maxFlowBps
    }

    /// 75 km: twin-field's asymptotic key beats the link's finite-key decoy BB84, not its asymptotic key: not suggested.
    /// 200 km: it beats both, and is suggested with what it is compared with.
    @Test(arguments: [(75.0, false), (200.0, true)])
    func twinFieldOnAFiniteKeyLinkIsComparedWithItsAsymptoticKey(km: Double, suggested: Bool) throws {
        let topology = Self.finiteKeyLink(km: km)
        let plan = Planner().plan(topology)
        var asymptotic = topology
        asymptotic.links[0].finiteKey = nil
        let asymptoticRate = Planner().plan(asymptotic).demands[0].maxFlowBps
        let twinField = Self.twinFieldRate(km: km)
        #expect(twinField > plan.demands[0].maxFlowBps * 1.01)
        #expect((twinField > asymptoticRate * 1.01) == suggested)
        let whatIf = try #require(WhatIfAnalyzer(topology: topology, plan: plan).analyse(demand: "A-B"))
        let tf = whatIf.suggestions.first { $0.summary.hasPrefix("tf through a relay at the midpoint of L") }
        #expect((tf != nil) == suggested)
        if let tf {
            #expect(abs(tf.rateBps - twinField) <= 1e-9 * twinField)
            #expect(tf.summary == "tf through a relay at the midpoint of L (asymptotic key: tf has no finite-key model; with L "
                + "asymptotic too (bb84-decoy without finite_key) the demand gets \(Format.rate(asymptoticRate)))")
        }
        // A trusted node keeps decoy BB84 and the finite-key block on each half: like with like, no note.
        #expect(whatIf.suggestions.contains { $0.kind == .trustedNode })
        #expect(whatIf.suggestions.allSatisfy { $0.kind == .protocolChange || !$0.summary.contains("asymptotic") })
    }

    /// A —T1—T2— B with max_trusted_nodes 1: no path with key within the limit; the fewest trusted nodes is 2.
    @Test func aTrustedNodeLimitWithoutKeyIsNamedAndRaisingItIsSuggested() throws {
        let nodes = [Fixtures.node("A"), Fixtures.node("T1", .trusted), Fixtures.node("T2", .trusted), Fixtures.node("B")]
        let links = [Fixtures.fiber("L1", "A", "T1", km: 30), Fixtures.fiber("L2", "T1", "T2", km: 30),
                     Fixtures.fiber("L3", "T2", "B", km: 30)]
        let topology = Fixtures.topology(nodes: nodes, links: links, demands: [Fixtures.demand("A", "B", maxTrusted: 1)])
        let plan = Planner().plan(topology)
        #expect(plan.demands[0].maxFlowBps == 0 && plan.demands[0].maxFlowIsExact)   // no path within the limit: exactly 0
        let whatIf = try #require(WhatIfAnalyzer(topology: topology, plan: plan).analyse(demand: "A-B"))
        #expect(whatIf.trustedNodeLimit == TrustedNodeLimit(limit: 1, needed: 2, path: ["T1", "T2"]))
        let suggestion = try #require(whatIf.suggestions.first)
        #expect(whatIf.suggestions.count == 1 && suggestion.kind == .trustedNodeLimit)
        #expect(suggestion.changes == ["A-B.max_trusted_nodes: 2"])
        var relaxed = topology
        relaxed.demands[0].maxTrustedNodes = 2
        let expected = Planner().plan(relaxed).demands[0]
        #expect(expected.maxFlowBps > 0 && suggestion.rateBps == expected.maxFlowBps && suggestion.satisfied == expected.satisfied)
        #expect(whatIf.breaksOn.isEmpty && whatIf.sensitivity == nil)
    }

    /// A —30 km— T —200 km— B with max_trusted_nodes 1: T is the one trusted node the demand allows, so a trusted node
    /// at L2's midpoint gives it nothing within the limit; it is suggested with the limit raised to 2, at the rate a
    /// full plan of the edited topology (both edits made) gives.
    @Test func aTrustedNodeBeyondTheDemandsLimitIsSuggestedWithTheRaise() throws {
        let topology = SuggestionTests.throughTrusted(km: 30, 200, demand: Fixtures.demand("A", "B", kbps: 10, maxTrusted: 1))
        let plan = Planner().plan(topology)
        let whatIf = try #require(WhatIfAnalyzer(topology: topology, plan: plan).analyse(demand: "A-B"))
        #expect(plan.demands[0].maxFlowBps > 0 && whatIf.trustedNodeLimit == nil)
        let suggestion = try #require(whatIf.suggestions.first { $0.kind == .trustedNode })
        #expect(suggestion.summary == "a trusted node at the midpoint of L2")
        #expect(suggestion.requires == LimitRaise(demand: "A-B", from: 1, to: 2))
        #expect(suggestion.requires?.text == "max_trusted_nodes 2 on A-B (1 more trusted node than its limit of 1)")
        #expect(suggestion.changes.last == "A-B.max_trusted_nodes: 2")

        var edited = topology
        edited.nodes.append(Fixtures.node("L2-mid", .trusted))
        edited.links = [topology.links[0], Fixtures.fiber("L2-a", "T", "L2-mid", km: 100), Fixtures.fiber("L2-b", "L2-mid", "B", km: 100)]
        #expect(Planner().plan(edited).demands[0].maxFlowBps == 0)   // within the limit of 1, the new node cuts the demand off
        edited.demands[0].maxTrustedNodes = 2
        let expected = Planner().plan(edited).demands[0]
        #expect(expected.maxFlowBps > plan.demands[0].maxFlowBps * 1.01)
        #expect(abs(suggestion.rateBps - expected.maxFlowBps) <= 1e-9 * expected.maxFlowBps && suggestion.satisfied == expected.satisfied)
        // The raise alone gives nothing here (there is no other path), so no max-trusted-nodes suggestion either.
        #expect(!whatIf.suggestions.contains { $0.kind == .trustedNodeLimit })
    }

    /// A —150 km— T —150 km— B with max_trusted_nodes 1: the two links limit equally, so a trusted node at the midpoint
    /// of each is tried together; two new trusted nodes need the limit raised to 3 (2 leaves the demand without key).
    @Test func tiedMidpointsBeyondTheLimitNeedTheRaiseByTwo() throws {
        let topology = SuggestionTests.throughTrusted(km: 150, 150, demand: Fixtures.demand("A", "B", kbps: 10, maxTrusted: 1))
        let plan = Planner().plan(topology)
        let whatIf = try #require(WhatIfAnalyzer(topology: topology, plan: plan).analyse(demand: "A-B"))
        let both = try #require(whatIf.suggestions.first { $0.summary == "a trusted node at the midpoint of each of L1, L2" })
        #expect(both.requires == LimitRaise(demand: "A-B", from: 1, to: 3) && both.changes.last == "A-B.max_trusted_nodes: 3")
        var edited = topology
        edited.nodes += ["L1-mid", "L2-mid"].map { Fixtures.node($0, .trusted) }
        edited.links = [Fixtures.fiber("L1-a", "A", "L1-mid", km: 75), Fixtures.fiber("L1-b", "L1-mid", "T", km: 75),
                        Fixtures.fiber("L2-a", "T", "L2-mid", km: 75), Fixtures.fiber("L2-b", "L2-mid", "B", km: 75)]
        edited.demands[0].maxTrustedNodes = 2
        #expect(Planner().plan(edited).demands[0].maxFlowBps == 0)
        edited.demands[0].maxTrustedNodes = 3
        let expected = Planner().plan(edited).demands[0].maxFlowBps
        #expect(expected > plan.demands[0].maxFlowBps * 1.01 && abs(both.rateBps - expected) <= 1e-9 * expected)
    }

    /// A —L1— T1 —L2— B (two 60 km links, through one trusted node) beside A —T2—T3— B (three 20 km links, two trusted
    /// nodes), max_trusted_nodes 1: the limit keeps the demand off the shorter chain, so allowing one more trusted node
    /// alone raises its rate, to what a full plan with max_trusted_nodes 2 gives.
    @Test func aLimitThatBindsADemandWithKeyIsSuggestedOneHigher() throws {
        let nodes = [Fixtures.node("A"), Fixtures.node("T1", .trusted), Fixtures.node("T2", .trusted), Fixtures.node("T3", .trusted),
                     Fixtures.node("B")]
        let links = [Fixtures.fiber("L1", "A", "T1", km: 60), Fixtures.fiber("L2", "T1", "B", km: 60),
                     Fixtures.fiber("M1", "A", "T2", km: 20), Fixtures.fiber("M2", "T2", "T3", km: 20),
                     Fixtures.fiber("M3", "T3", "B", km: 20)]
        let topology = Fixtures.topology(nodes: nodes, links: links, demands: [Fixtures.demand("A", "B", kbps: 1000, maxTrusted: 1)])
        let plan = Planner().plan(topology)
        let whatIf = try #require(WhatIfAnalyzer(topology: topology, plan: plan).analyse(demand: "A-B"))
        let raise = try #require(whatIf.suggestions.first { $0.kind == .trustedNodeLimit })
        #expect(raise.changes == ["A-B.max_trusted_nodes: 2"] && raise.requires == LimitRaise(demand: "A-B", from: 1, to: 2))
        var relaxed = topology
        relaxed.demands[0].maxTrustedNodes = 2
        let expected = Planner().plan(relaxed).demands[0]
        #expect(expected.maxFlowBps > plan.demands[0].maxFlowBps * 1.01 && raise.rateBps == expected.maxFlowBps)
    }

    @Test func aDemandWithoutAnyPathWithKeyHasNoTrustedNodeLimit() throws {
        let topology = SuggestionTests.throughTrusted(km: 30, 500, demand: Fixtures.demand("A", "B", maxTrusted: 0))
        let plan = Planner().plan(topology)
        let whatIf = try #require(WhatIfAnalyzer(topology: topology, plan: plan).analyse(demand: "A-B"))
        #expect(plan.demands[0].maxFlowBps == 0 && whatIf.trustedNodeLimit == nil)
    }
}
