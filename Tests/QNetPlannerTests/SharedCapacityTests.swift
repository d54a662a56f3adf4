import Testing
import QNetModel
@testable import QNetPlanner

/// Whether the demands, each routed as if alone, fit the segments' key together.
@Suite struct SharedCapacityTests {
    /// The key one 20 km link of the fixtures carries, bit/s.
    private var linkKey: Double {
        let topology = Fixtures.topology(nodes: [Fixtures.node("A"), Fixtures.node("B")], links: [Fixtures.fiber("L", "A", "B", km: 20)])
        return Planner().plan(topology).links[0].keyRateBps
    }

    /// A square: endpoints A and B joined through trusted T1 and through trusted T2, four 20 km links.
    private func square(_ demands: [Demand]) -> Topology {
        Fixtures.topology(nodes: [Fixtures.node("A"), Fixtures.node("B"), Fixtures.node("T1", .trusted), Fixtures.node("T2", .trusted)],
                          links: [Fixtures.fiber("a1", "A", "T1", km: 20), Fixtures.fiber("b1", "T1", "B", km: 20),
                                  Fixtures.fiber("a2", "A", "T2", km: 20), Fixtures.fiber("b2", "T2", "B", km: 20)],
                          demands: demands)
    }

    private func demand(_ from: String, _ to: String, _ bps: Double) -> Demand {
        Demand(from: Identifier(from), to: Identifier(to), keyRate: Quantity(bps, .bitPerSecond))
    }

    @Test("a chain A–T–B: A-B and T-B both need 60 % of T-B's key, and every path of both crosses it: not met together")
    func chainIsProvenShort() throws {
        let c = linkKey
        let topology = Fixtures.topology(nodes: [Fixtures.node("A"), Fixtures.node("T", .trusted), Fixtures.node("B")],
                                         links: [Fixtures.fiber("L1", "A", "T", km: 20), Fixtures.fiber("L2", "T", "B", km: 20)],
                                         demands: [demand("A", "B", 0.6 * c), demand("T", "B", 0.6 * c)])
        let plan = Planner().plan(topology)
        #expect(plan.demands.allSatisfy { $0.satisfied })   // each alone
        let overload = try #require(plan.sharedCapacity.overloaded.first)
        #expect(plan.sharedCapacity.overloaded.count == 1)
        #expect(overload.segment == "T~B" && overload.demands == ["A-B", "T-B"] && overload.forcedBy == ["A-B", "T-B"])
        #expect(abs(overload.loadBps - 1.2 * c) < 1e-9 * c && abs(overload.forcedBps - 1.2 * c) < 1e-9 * c)
        #expect(overload.isForced && plan.demandsMetTogether == .no)
        let loads = plan.sharedCapacity.loadBps
        #expect(abs(loads[plan.segments.firstIndex { $0.id == "A~T" }!] - 0.6 * c) < 1e-9 * c)
        let warning = try #require(plan.diagnostics.first { $0.message.hasPrefix("segment T~B carries") })
        #expect(warning.keyPath == "links[1]" && warning.message.contains("every path of A-B, T-B crosses it"))
        #expect(warning.message.hasSuffix("they cannot all be met together"))
    }

    @Test("a square: A-B's flow halves over both routes and overdraws T1-B with T1-B's own demand, yet A-B could go via T2: not shown")
    func squareIsNotShown() throws {
        let c = linkKey
        // A-B gets c over its two routes (half each); T1-B needs 0.8 c on its only path, the link T1-B.
        let plan = Planner().plan(square([demand("A", "B", c), demand("T1", "B", 0.8 * c)]))
        #expect(plan.demands.allSatisfy { $0.satisfied })
        let overload = try #require(plan.sharedCapacity.overloaded.first)
        #expect(overload.segment == "B~T1" && abs(overload.loadBps - 1.3 * c) < 1e-9 * c)
        // Only T1-B must cross it, with 0.8 c: less than the link carries.
        #expect(overload.forcedBy == ["T1-B"] && abs(overload.forcedBps - 0.8 * c) < 1e-9 * c && !overload.isForced)
        #expect(plan.demandsMetTogether == .notShown)
        #expect(plan.diagnostics.contains { $0.message.hasSuffix("these demands are not shown to be met together") })
    }

    @Test("the same square with T1-B needing 0.4 c: the scaled flows fit every segment, so the demands are met together")
    func squareFits() {
        let c = linkKey
        let plan = Planner().plan(square([demand("A", "B", c), demand("T1", "B", 0.4 * c)]))
        #expect(plan.sharedCapacity.overloaded.isEmpty && plan.sharedCapacity.scaledFlowsFit)
        #expect(plan.demandsMetTogether == .yes)
        #expect(!plan.diagnostics.contains { $0.message.contains("met together") })
    }

    @Test("a demand not met even alone makes 'met together' no and takes no part: it overdraws nothing it shares")
    func unmetDemand() throws {
        let c = linkKey
        // A-B is short (3 c asked, 2 c alone); T1-B's 0.8 c fits beside A-B's flow only if A-B is left out.
        let plan = Planner().plan(square([demand("A", "B", 3 * c), demand("T1", "B", 0.8 * c)]))
        #expect(plan.demands[0].satisfied == false && plan.demands[1].satisfied && plan.demandsMetTogether == .no)
        #expect(plan.sharedCapacity.overloaded.isEmpty)
        let total = plan.sharedCapacity.loadBps.reduce(0, +)
        #expect(abs(total - 0.8 * c) < 1e-9 * c)   // T1-B alone, on its link
    }

    @Test("an MDI star: A-B and A-C each need 0.9 of their segment's key, both through A's link to the relay: not shown")
    func relayHubLinkIsShared() throws {
        let nodes = [Fixtures.node("M", .relay), Fixtures.node("A"), Fixtures.node("B"), Fixtures.node("C")]
        let links = [Fixtures.fiber("AM", "A", "M", km: 20, protocol: .mdi), Fixtures.fiber("BM", "B", "M", km: 20, protocol: .mdi),
                     Fixtures.fiber("CM", "C", "M", km: 20, protocol: .mdi)]
        var topology = Fixtures.topology(nodes: nodes, links: links)
        let c = Planner().plan(topology).segments.first { $0.id == "A~M~B" }?.keyRateBps ?? 0
        #expect(c > 0)
        topology.demands = [demand("A", "B", 0.9 * c), demand("A", "C", 0.9 * c)]
        let plan = Planner().plan(topology)
        #expect(plan.demands.allSatisfy { $0.satisfied } && plan.sharedCapacity.overloaded.isEmpty)
        let shared = try #require(plan.sharedCapacity.sharedLinks.first)
        #expect(shared.link == "AM" && shared.segments == ["A~M~B", "A~M~C"] && abs(shared.utilisation - 1.8) < 1e-6)
        #expect(plan.demandsMetTogether == .notShown)
        #expect(plan.diagnostics.contains { $0.message.hasPrefix("link AM is shared by segments A~M~B, A~M~C") && $0.keyPath == "links[0]" })
    }
}
