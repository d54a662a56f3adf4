import Testing
import QNetModel
@testable import QNetPlanner

/// Incremental re-plans (reused links, segments and flows) against plans from scratch.
@Suite struct IncrementalTests {
    /// A synthetic network where some trusted nodes are relays, so segments span several links.
    static func networkWithRelays() -> Topology {
        var topology = SyntheticNetwork.make(nodes: 120, seed: 5)
        for index in topology.nodes.indices where index % 7 == 3 && topology.nodes[index].resolvedKind == .trusted {
            topology.nodes[index].kind = .relay
        }
        return topology
    }

    @Test func editsThroughRelaysEqualFullPlans() {
        let session = PlanningSession()
        let planner = Planner()
        var topology = Self.networkWithRelays()
        #expect(session.plan(topology) == planner.plan(topology))
        // A link inside a multi-link segment, then one outside any.
        for index in [0, 5, 17, topology.links.count - 1] {
            topology.links[index].length = Quantity((topology.links[index].length?.magnitude ?? 10) + 3, .kilometre)
            #expect(session.plan(topology) == planner.plan(topology))
            #expect(session.lastRecomputedLinkCount == 1)
        }
        // A renamed link, a removed link, a relay that becomes trusted, an extra loss.
        topology.links[9].id = Identifier("renamed")
        #expect(session.plan(topology) == planner.plan(topology))
        topology.links.remove(at: 4)
        #expect(session.plan(topology) == planner.plan(topology))
        topology.nodes[3].kind = .trusted
        #expect(session.plan(topology) == planner.plan(topology))
        topology.links[2].extraLosses = [NamedLoss(name: "splice", loss: Quantity(0.5, .decibel))]
        #expect(session.plan(topology) == planner.plan(topology))
        topology.defaults.misalignment = Quantity(2, .percent)
        #expect(session.plan(topology) == planner.plan(topology))
    }

    /// Shorter links raise capacities: a flow the session keeps (its value cannot grow when the raised edge was not
    /// saturated) must still be the flow, and the trusted nodes, that planning from scratch finds.
    @Test func raisedCapacitiesEqualFullPlans() {
        let session = PlanningSession()
        let planner = Planner()
        var topology = SyntheticNetwork.make(nodes: 300, seed: 11)
        _ = session.plan(topology)
        var kept = 0
        for step in 0..<40 {
            let index = (step * 37) % topology.links.count
            topology.links[index].length = Quantity((topology.links[index].length?.magnitude ?? 10) * 0.6, .kilometre)
            let incremental = session.plan(topology)
            let full = planner.plan(topology)
            #expect(incremental.demands == full.demands, "after shortening \(topology.links[index].id)")
            #expect(incremental == full)
            kept += topology.demands.count - session.lastReroutedDemandCount
        }
        #expect(kept > 0, "no flow was kept, so the reuse was not exercised")
    }

    /// Edits that keep every segment and capacity but change who may relay, or a node's name.
    @Test func relayingAndNamesAreNotReusedStale() throws {
        let session = PlanningSession()
        let planner = Planner()
        var topology = Fixtures.topology(
            nodes: [Fixtures.node("A"), Fixtures.node("T", .trusted), Fixtures.node("B")],
            links: [Fixtures.fiber("a", "A", "T", km: 20), Fixtures.fiber("b", "T", "B", km: 20)],
            demands: [Fixtures.demand("A", "B")])
        #expect(session.plan(topology).demands.first?.bestPath == ["A", "T", "B"])
        topology.nodes[1].kind = .endpoint   // still holds key, but relays nothing
        let endpoint = session.plan(topology)
        #expect(endpoint == planner.plan(topology))
        #expect(endpoint.demands.first?.fallback == "pqc-only")
        topology.nodes[1].kind = .trusted
        _ = session.plan(topology)
        topology.nodes[1].id = "T2"
        topology.links[0].to = "T2"
        topology.links[1].from = "T2"
        let renamed = session.plan(topology)
        #expect(renamed == planner.plan(topology))
        #expect(renamed.demands.first?.bestPath == ["A", "T2", "B"])
        #expect(renamed.segments.map(\.id).sorted() == ["A~T2", "T2~B"])
    }
}
