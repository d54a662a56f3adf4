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
        // A demand added, then one removed: every demand is routed again.
        topology.demands.append(Fixtures.demand(topology.demands[0].to.rawValue, topology.demands[1].to.rawValue))
        #expect(session.plan(topology) == planner.plan(topology))
        topology.demands.removeFirst()
        #expect(session.plan(topology) == planner.plan(topology))
    }

    /// Shorter links raise capacities: a flow the session keeps (its value cannot grow when the raised edge was not
    /// saturated) must still be the flow, and the trusted nodes, that planning from scratch finds.
    @Test func raisedCapacitiesEqualFullPlans() {
        let session = PlanningSession()
        let planner = Planner()
        var topology = SyntheticNetwork.make(nodes: 300, seed: 11)
        _ = session.plan(topology)
        var kept = 0, repathed = 0
        for step in 0..<40 {
            let index = (step * 37) % topology.links.count
            topology.links[index].length = Quantity((topology.links[index].length?.magnitude ?? 10) * 0.6, .kilometre)
            let incremental = session.plan(topology)
            let full = planner.plan(topology)
            #expect(incremental.demands == full.demands, "after shortening \(topology.links[index].id)")
            #expect(incremental == full)
            kept += topology.demands.count - session.lastReroutedDemandCount
            repathed += session.lastRepathedDemandCount
        }
        #expect(kept > 0, "no flow was kept, so the reuse was not exercised")
        #expect(repathed > 0, "no widest path was searched again with its flow kept")
    }

    /// Links lengthened and shortened in turn, in a network with relays and demands limited in trusted nodes
    /// (greedy packings, kept only when no trusted node is allowed): every re-plan equals the plan from scratch.
    @Test func mixedEditsWithTrustedNodeLimitsEqualFullPlans() {
        let session = PlanningSession()
        let planner = Planner()
        var topology = Self.networkWithRelays()
        for index in topology.demands.indices where index % 3 != 0 { topology.demands[index].maxTrustedNodes = index % 3 - 1 }
        var previous = session.plan(topology)
        #expect(previous == planner.plan(topology))
        let limited = topology.demands.filter { ($0.maxTrustedNodes ?? 0) > 0 }.count
        var kept = 0
        for step in 0..<30 {
            let index = (step * 53) % topology.links.count
            let factor = step % 2 == 0 ? 0.5 : 1.7
            topology.links[index].length = Quantity((topology.links[index].length?.magnitude ?? 10) * factor, .kilometre)
            let incremental = session.plan(topology)
            #expect(incremental == planner.plan(topology), "after scaling \(topology.links[index].id) by \(factor)")
            kept += topology.demands.count - session.lastReroutedDemandCount
            // A greedy packing within one or more trusted nodes is routed again after any change of capacity.
            if zip(previous.segments, incremental.segments).contains(where: { $0.keyRateBps != $1.keyRateBps }) {
                #expect(session.lastReroutedDemandCount >= limited)
            }
            previous = incremental
        }
        #expect(kept > 0)
    }

    /// A small network with two routes from A to B: A–T1–B and A–T2–T3–B, all links one segment.
    static func twoRoutes(demands: [Demand]) -> Topology {
        Fixtures.topology(
            nodes: [Fixtures.node("A"), Fixtures.node("B"), Fixtures.node("T1", .trusted), Fixtures.node("T2", .trusted),
                    Fixtures.node("T3", .trusted)],
            links: [Fixtures.fiber("a1", "A", "T1", km: 20), Fixtures.fiber("b1", "T1", "B", km: 20),
                    Fixtures.fiber("a2", "A", "T2", km: 30), Fixtures.fiber("m", "T2", "T3", km: 30),
                    Fixtures.fiber("b3", "T3", "B", km: 30)],
            demands: demands)
    }

    /// Raising an edge that the flow saturates routes the demand again; raising a whole route makes it the widest.
    @Test func raisedSaturatedEdgeAndNewWidestPath() {
        let session = PlanningSession()
        let planner = Planner()
        var topology = Self.twoRoutes(demands: [Fixtures.demand("A", "B")])
        let first = session.plan(topology)
        #expect(first.demands[0].bestPath == ["A", "T1", "B"])
        #expect(first.demands[0].flowTrustedNodes == ["T1", "T2", "T3"])
        topology.links[3].length = Quantity(10, .kilometre)   // m, saturated by the path A–T2–T3–B
        #expect(session.plan(topology) == planner.plan(topology))
        #expect(session.lastReroutedDemandCount == 1)
        for index in [2, 3, 4] { topology.links[index].length = Quantity(5, .kilometre) }
        let widened = session.plan(topology)
        #expect(widened == planner.plan(topology))
        #expect(widened.demands[0].bestPath == ["A", "T2", "T3", "B"])
    }

    /// Within max_trusted_nodes: no trusted node (direct segments only) keeps its plan when the edit is elsewhere;
    /// one trusted node is a greedy packing, routed again after any change of capacity.
    @Test func trustedNodeLimits() {
        let session = PlanningSession()
        let planner = Planner()
        var topology = Self.twoRoutes(demands: [Fixtures.demand("A", "T1", maxTrusted: 0), Fixtures.demand("A", "B", maxTrusted: 1)])
        #expect(session.plan(topology) == planner.plan(topology))
        topology.links[3].length = Quantity(25, .kilometre)   // m: outside A–T1 (and not the largest capacity)
        #expect(session.plan(topology) == planner.plan(topology))
        #expect(session.lastReroutedDemandCount == 1)
        topology.links[0].length = Quantity(10, .kilometre)   // a1: the direct segment of A–T1
        let shortened = session.plan(topology)
        #expect(shortened == planner.plan(topology))
        #expect(session.lastReroutedDemandCount == 2)
        #expect(shortened.demands[1].bestPath == ["A", "T1", "B"])
    }

    /// A route whose edges the flow never crossed (the source's only link is saturated first) becomes the widest:
    /// the flow is kept and only the widest path is searched again.
    @Test func keptFlowWithANewWidestPath() {
        let session = PlanningSession()
        let planner = Planner()
        var topology = Fixtures.topology(
            nodes: [Fixtures.node("A"), Fixtures.node("B"), Fixtures.node("X", .trusted), Fixtures.node("C", .trusted),
                    Fixtures.node("Y", .trusted)],
            links: [Fixtures.fiber("ax", "A", "X", km: 10), Fixtures.fiber("xb", "X", "B", km: 20),
                    Fixtures.fiber("xc", "X", "C", km: 20), Fixtures.fiber("cb", "C", "B", km: 20),
                    Fixtures.fiber("xy", "X", "Y", km: 60), Fixtures.fiber("yb", "Y", "B", km: 5)],
            demands: [Fixtures.demand("A", "B")])
        #expect(session.plan(topology).demands[0].bestPath == ["A", "X", "B"])
        topology.links[4].length = Quantity(5, .kilometre)
        let widened = session.plan(topology)
        #expect(widened == planner.plan(topology))
        #expect(widened.demands[0].bestPath == ["A", "X", "Y", "B"])
        #expect(session.lastReroutedDemandCount == 0)
        #expect(session.lastRepathedDemandCount == 1)
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
