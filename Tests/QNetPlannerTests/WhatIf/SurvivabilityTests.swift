import Testing
import QNetModel
@testable import QNetPlanner

/// N−1 survivability on hand-checked networks, and against full re-plans of every single failure.
@Suite struct SurvivabilityTests {
    /// A diamond A–T1–B, A–T2–B of 20 km and 30 km links; `required` of the max flow.
    static func diamond(requiredFraction: Double) -> (Topology, Plan) {
        let nodes = [Fixtures.node("A"), Fixtures.node("B"), Fixtures.node("T1", .trusted), Fixtures.node("T2", .trusted),
                     Fixtures.node("C")]
        let links = [Fixtures.fiber("a1", "A", "T1", km: 20), Fixtures.fiber("b1", "T1", "B", km: 20),
                     Fixtures.fiber("a2", "A", "T2", km: 30), Fixtures.fiber("b2", "T2", "B", km: 30),
                     Fixtures.fiber("c1", "T1", "C", km: 10)]
        var topology = Fixtures.topology(nodes: nodes, links: links, demands: [Fixtures.demand("A", "B")])
        let flow = Planner().plan(topology).demands[0].maxFlowBps
        topology.demands[0].keyRate = Quantity(flow * requiredFraction, .bitPerSecond)
        return (topology, Planner().plan(topology))
    }

    /// Every link and trusted node of either diamond path breaks the demand, leaving the other path's rate.
    static func expectEveryDiamondFailureBreaks(_ whatIf: DemandWhatIf, near: Double, far: Double) {
        let remaining = Dictionary(uniqueKeysWithValues: whatIf.breaksOn.map { ($0.failure, $0.remainingBps) })
        #expect(Set(remaining.keys) == [.link("a1"), .link("b1"), .node("T1"), .link("a2"), .link("b2"), .node("T2")])
        for failure: NetworkElement in [.link("a1"), .link("b1"), .node("T1")] {
            #expect(abs((remaining[failure] ?? -1) - far) <= 1e-9 * far)
        }
        for failure: NetworkElement in [.link("a2"), .link("b2"), .node("T2")] {
            #expect(abs((remaining[failure] ?? -1) - near) <= 1e-9 * near)
        }
    }

    @Test func diamondLinkFailureLeavesTheOtherPathsRate() throws {
        let (topology, plan) = Self.diamond(requiredFraction: 0.9)
        let rate = { (id: Identifier) in try #require(plan.links.first { $0.id == id }).keyRateBps }
        let (near, far) = (try rate("a1"), try rate("a2"))
        // By hand: the flow is near + far (two disjoint paths, each as wide as its links); 0.9 of it
        // is more than either path alone, so every link and trusted node of either path breaks it.
        #expect(abs(plan.demands[0].maxFlowBps - (near + far)) <= 1e-9 * (near + far))
        let whatIf = try #require(WhatIfAnalyzer(topology: topology, plan: plan).analyse(demand: "A-B"))
        Self.expectEveryDiamondFailureBreaks(whatIf, near: near, far: far)
        // Worst first: losing the 20 km path leaves the 30 km path's smaller rate.
        #expect(whatIf.breaksOn.first?.remainingBps == far)
    }

    /// With 0.2 of the flow required the diamond survives every single failure; the failure costliest to it is one
    /// of the 20 km path (which carries the most flow), and it leaves the 30 km path's rate.
    @Test func theCostliestSurvivedFailureLeavesTheOtherPathsRate() throws {
        let (topology, plan) = Self.diamond(requiredFraction: 0.2)
        let far = try #require(plan.links.first { $0.id == "a2" }).keyRateBps
        let whatIf = try #require(WhatIfAnalyzer(topology: topology, plan: plan).analyse(demand: "A-B"))
        #expect(whatIf.breaksOn.isEmpty)
        let survived = try #require(whatIf.costliestSurvived)
        #expect([NetworkElement.link("a1"), .link("b1"), .node("T1")].contains(survived.failure))
        #expect(abs(survived.remainingBps - far) <= 1e-9 * far)
        // A full re-plan without that element agrees.
        var without = topology
        switch survived.failure {
        case .link(let id): without.links.removeAll { $0.id == id }
        case .node(let id): without.nodes.removeAll { $0.id == id }; without.links.removeAll { $0.from == id || $0.to == id }
        }
        #expect(abs(Planner().plan(without).demands[0].maxFlowBps - survived.remainingBps) <= 1e-9 * far)
    }

    /// The reviewer's network: S–X–T, S–Y–T (Y–T 60 km) and S–Z–X. Link S–X carries the most of S-T's flow but S–Z–X
    /// carries it again; losing X–T costs most. The costliest survived failure is the one a full re-plan finds worst.
    @Test func theCostliestSurvivedFailureIsTheWorstNotTheBusiest() throws {
        let nodes = [Fixtures.node("S"), Fixtures.node("T"), Fixtures.node("X", .trusted), Fixtures.node("Y", .trusted),
                     Fixtures.node("Z", .trusted)]
        let links = [Fixtures.fiber("SX", "S", "X", km: 10), Fixtures.fiber("XT", "X", "T", km: 10),
                     Fixtures.fiber("SY", "S", "Y", km: 10), Fixtures.fiber("YT", "Y", "T", km: 60),
                     Fixtures.fiber("SZ", "S", "Z", km: 10), Fixtures.fiber("ZX", "Z", "X", km: 10)]
        var topology = Fixtures.topology(nodes: nodes, links: links, demands: [Fixtures.demand("S", "T")])
        topology.demands[0].keyRate = Quantity(1, .bitPerSecond)
        let plan = Planner().plan(topology)
        let whatIf = try #require(WhatIfAnalyzer(topology: topology, plan: plan).analyse(demand: "S-T"))
        #expect(whatIf.breaksOn.isEmpty)
        // Every single failure, re-planned from scratch: the least rate any leaves.
        var worst: (NetworkElement, Double)?
        for link in links {
            var without = topology
            without.links.removeAll { $0.id == link.id }
            let rate = Planner().plan(without).demands[0].maxFlowBps
            if worst.map({ rate < $0.1 }) ?? true { worst = (.link(link.id), rate) }
        }
        for node: Identifier in ["X", "Y", "Z"] {
            var without = topology
            without.nodes.removeAll { $0.id == node }
            without.links.removeAll { $0.from == node || $0.to == node }
            let rate = Planner().plan(without).demands[0].maxFlowBps
            if worst.map({ rate < $0.1 }) ?? true { worst = (.node(node), rate) }
        }
        let survived = try #require(whatIf.costliestSurvived)
        #expect(whatIf.costliestSurvivedIsExact)
        let expected = try #require(worst)
        #expect(survived.failure == expected.0)
        #expect(abs(survived.remainingBps - expected.1) <= 1e-9 * expected.1)
        #expect(survived.failure != .link("SX"))
    }

    @Test func aFailureElsewhereIsNotExaminedAndAWeakDemandSurvives() throws {
        let (topology, plan) = Self.diamond(requiredFraction: 0.01)
        let analysis = WhatIfAnalyzer(topology: topology, plan: plan).analyse()
        #expect(analysis.demands[0].breaksOn.isEmpty)
        #expect(analysis.survivability.failures.isEmpty)
        #expect(analysis.survivability.surviving == ["A-B"])
        // The four links and two trusted nodes of the two paths; not c1 or C, off every path.
        #expect(analysis.survivability.failuresChecked == 6)
    }

    @Test func chainNodeFailureBreaksTheDemand() throws {
        let nodes = [Fixtures.node("A"), Fixtures.node("T", .trusted), Fixtures.node("B")]
        let links = [Fixtures.fiber("L1", "A", "T", km: 20), Fixtures.fiber("L2", "T", "B", km: 25)]
        let topology = Fixtures.topology(nodes: nodes, links: links, demands: [Fixtures.demand("A", "B", kbps: 0.001)])
        let plan = Planner().plan(topology)
        #expect(plan.demands[0].satisfied)
        let analysis = WhatIfAnalyzer(topology: topology, plan: plan).analyse()
        let breaks = analysis.demands[0].breaksOn
        #expect(Set(breaks.map(\.failure)) == [.node("T"), .link("L1"), .link("L2")])
        #expect(breaks.allSatisfy { $0.remainingBps == 0 })
        let nodeEffect = try #require(analysis.survivability.failures.first { $0.failure == .node("T") })
        #expect(nodeEffect.broken == [Survivability.BrokenDemand(demand: "A-B", remainingBps: 0)])
        #expect(analysis.survivability.surviving.isEmpty)
    }

    /// Every single failure re-planned from scratch (the link, or the node with its links, removed)
    /// breaks exactly the demands the analysis names, leaving the rates it names.
    @Test func agreesWithFullReplansOfEveryFailure() throws {
        var topology = SyntheticNetwork.make(nodes: 40, seed: 3)
        let first = Planner().plan(topology)
        // Demands just below their max flow, so that many failures break them; every third above it (short
        // demands, which any failure that costs them key breaks).
        for index in topology.demands.indices {
            let fraction = index % 3 == 2 ? 1.5 : 0.8
            topology.demands[index].keyRate = Quantity(first.demands[index].maxFlowBps * fraction, .bitPerSecond)
        }
        let plan = Planner().plan(topology)
        let analysis = WhatIfAnalyzer(topology: topology, plan: plan).analyse()
        var expected: [NetworkElement: [Identifier: Double]] = [:]
        func record(_ failure: NetworkElement, _ edited: Topology) {
            let after = Planner().plan(edited)
            for (index, demand) in plan.demands.enumerated() where demand.maxFlowBps > 0 {
                // The demand's own end nodes are not failed.
                if case .node(let id) = failure, id == demand.from || id == demand.to { continue }
                let rate = after.demands[index].maxFlowBps
                let broken = demand.satisfied ? rate < demand.requiredBps * (1 - 1e-12)
                                              : rate < demand.maxFlowBps * (1 - 1e-9)
                if broken { expected[failure, default: [:]][demand.id] = rate }
            }
        }
        for index in topology.links.indices {
            var edited = topology
            edited.links.remove(at: index)
            record(.link(topology.links[index].id), edited)
        }
        for node in topology.nodes {
            var edited = topology
            edited.nodes.removeAll { $0.id == node.id }
            edited.links.removeAll { $0.touches(node.id) }
            record(.node(node.id), edited)
        }
        var found: [NetworkElement: [Identifier: Double]] = [:]
        for effect in analysis.survivability.failures {
            for broken in effect.broken { found[effect.failure, default: [:]][broken.demand] = broken.remainingBps }
        }
        #expect(Set(found.keys) == Set(expected.keys))
        for (failure, demands) in expected {
            #expect(Set(found[failure]?.keys.map { $0 } ?? []) == Set(demands.keys), "\(failure)")
            for (demand, rate) in demands {
                let named = found[failure]?[demand] ?? -1
                #expect(abs(named - rate) <= 1e-9 * max(1, rate), "\(failure) leaves \(demand) \(rate) bit/s")
            }
        }
        let expectedCount = expected.values.reduce(0) { $0 + $1.count }
        #expect(expectedCount > 5)
    }
}

/// N−1 of demands short of their required rate: any key a failure costs breaks them.
extension SurvivabilityTests {
    /// The QA network: G1 —20 km— T —100 km— G2 asking 10 Mbit/s, far more than the 100 km link gives. Every element
    /// of the only path leaves it 0 bit/s, so all three break it (L1 and T were reported survived: the flow minus the
    /// flow they cut came out a rounding above 0, which the old "some key left" rule read as kept).
    @Test func aShortDemandBreaksOnEveryElementOfItsOnlyPath() throws {
        // The built-in equipment, as in the QA file (no source or detector named).
        let nodes = [Node(id: "G1"), Node(id: "T", kind: .trusted), Node(id: "G2")]
        let links = [Fixtures.fiber("L1", "G1", "T", km: 20), Fixtures.fiber("L2", "T", "G2", km: 100)]
        let topology = Topology(name: "n1", nodes: nodes, links: links, demands: [Fixtures.demand("G1", "G2", kbps: 10_000)])
        let plan = Planner().plan(topology)
        #expect(!plan.demands[0].satisfied && plan.demands[0].maxFlowBps > 0)
        let analysis = WhatIfAnalyzer(topology: topology, plan: plan).analyse()
        let whatIf = analysis.demands[0]
        #expect(whatIf.isShort)
        #expect(Set(whatIf.breaksOn.map(\.failure)) == [.link("L1"), .link("L2"), .node("T")])
        #expect(whatIf.breaksOn.allSatisfy { $0.remainingBps == 0 })
        #expect(whatIf.costliestSurvived == nil)
        #expect(Set(analysis.survivability.failures.map(\.failure)) == [.link("L1"), .link("L2"), .node("T")])
        #expect(analysis.survivability.surviving.isEmpty)
    }

    /// The same chain with no required rate (0 bit/s, met): every element of its only path still breaks it, leaving it
    /// no key; the flow less what a failure cuts rounded to crumbs above 0 and read as key left (second reader).
    @Test func aDemandWithoutARequiredRateBreaksOnEveryElementOfItsOnlyPath() throws {
        let nodes = [Node(id: "G1"), Node(id: "T", kind: .trusted), Node(id: "G2")]
        let links = [Fixtures.fiber("L1", "G1", "T", km: 20), Fixtures.fiber("L2", "T", "G2", km: 100)]
        let topology = Topology(name: "n1", nodes: nodes, links: links, demands: [Demand(from: "G1", to: "G2")])
        let plan = Planner().plan(topology)
        #expect(plan.demands[0].satisfied && plan.demands[0].maxFlowBps > 0)
        let whatIf = WhatIfAnalyzer(topology: topology, plan: plan).analyse().demands[0]
        #expect(Set(whatIf.breaksOn.map(\.failure)) == [.link("L1"), .link("L2"), .node("T")])
        #expect(whatIf.costliestSurvived == nil)
    }

    /// The diamond asking 1.5 times its max flow: losing either path leaves the other's rate, less than the demand
    /// has, so every link and trusted node of both paths breaks it (the old rule broke it only at 0 bit/s: never).
    @Test func aShortDemandBreaksOnEveryFailureThatCostsItKey() throws {
        let (topology, plan) = Self.diamond(requiredFraction: 1.5)
        let rate = { (id: Identifier) in try #require(plan.links.first { $0.id == id }).keyRateBps }
        let (near, far) = (try rate("a1"), try rate("a2"))
        let whatIf = try #require(WhatIfAnalyzer(topology: topology, plan: plan).analyse(demand: "A-B"))
        Self.expectEveryDiamondFailureBreaks(whatIf, near: near, far: far)
        #expect(whatIf.costliestSurvived == nil)
    }

    /// A short demand with a spare path survives a failure that the rest of the network carries again in full:
    /// S—X—T with S—Y—X beside S—X (10 km each), asking more than X—T gives. Losing S—X costs nothing (S—Y—X carries
    /// the same), so neither S—X, S—Y, Y nor the pruned bound of any of them breaks it; X—T and X do.
    @Test func aShortDemandSurvivesAFailureThatIsCarriedAgainInFull() throws {
        let nodes = [Fixtures.node("S"), Fixtures.node("T"), Fixtures.node("X", .trusted), Fixtures.node("Y", .trusted)]
        let links = [Fixtures.fiber("SX", "S", "X", km: 10), Fixtures.fiber("XT", "X", "T", km: 60),
                     Fixtures.fiber("SY", "S", "Y", km: 10), Fixtures.fiber("YX", "Y", "X", km: 10)]
        var topology = Fixtures.topology(nodes: nodes, links: links, demands: [Fixtures.demand("S", "T")])
        topology.demands[0].keyRate = Quantity(1, .gigabitPerSecond)
        let plan = Planner().plan(topology)
        #expect(!plan.demands[0].satisfied)
        let whatIf = try #require(WhatIfAnalyzer(topology: topology, plan: plan).analyse(demand: "S-T"))
        #expect(Set(whatIf.breaksOn.map(\.failure)) == [.link("XT"), .node("X")])
        #expect(whatIf.breaksOn.allSatisfy { $0.remainingBps == 0 })
    }
}
