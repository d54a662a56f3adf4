import Testing
import QNetModel
import QNetPlanner
@testable import QNetTUI

/// A node's form lists the keys its kind reads, as the schema's scopes say, and every key it sets: one it does not
/// read says so, as the planner warns (QA: a repeater's form offered `trusted`, "whether a satellite is trusted").
@Suite("Edit form: a node's keys follow its kind")
struct NodeFormKeysTests {
    private func rows(_ node: Identifier, in topology: Topology) -> [FormRow] {
        TopologyEditor.rows(of: .node(node), in: topology) ?? []
    }

    @Test("a repeater lists its memory, swap and cutoff keys, not a satellite's altitude and trust")
    func repeaterForm() {
        var topology = Fixtures.metro
        topology.nodes[1].kind = .repeater
        #expect(rows("T", in: topology).map(\.key) == ["id", "name", "kind", "position", "source", "detector", "memory",
                                                        "swap_success", "cutoff_time", "purification", "purification_rounds"])
    }

    @Test("an endpoint lists none of a repeater's or a satellite's keys; a satellite lists altitude and trusted")
    func endpointAndSatelliteForms() {
        var topology = Fixtures.metro
        #expect(rows("A", in: topology).map(\.key) == ["id", "name", "kind", "position", "source", "detector"])
        topology.nodes[0].kind = .satellite
        #expect(rows("A", in: topology).map(\.key).suffix(2) == ["altitude", "trusted"])
        #expect(!rows("A", in: topology).map(\.key).contains("swap_success"))
        topology.nodes[0].trusted = false   // an untrusted satellite can be a repeater chain's inner node
        #expect(rows("A", in: topology).map(\.key).contains("swap_success"))
    }

    @Test("a key the node sets but does not read is listed, marked with the planner's warning, which the plan gives too")
    func unusedKeyShown() {
        var topology = Fixtures.metro
        topology.nodes[2].swapSuccess = Quantity(20, .percent)
        let row = rows("B", in: topology).first { $0.key == "swap_success" }
        #expect(row?.value == "20 %")
        #expect(row?.unused?.hasPrefix("swap_success is not used on an endpoint") == true)
        #expect(row?.unused?.hasSuffix("remove it, or change the kind") == true)
        #expect(Planner().plan(topology).diagnostics.contains { $0.keyPath == "nodes[2].swap_success" && $0.message == row?.unused })
        #expect(rows("B", in: topology).first { $0.key == "source" }?.unused == nil)
    }

    @Test(":set B.swap_success 20 % on an endpoint is followed by the planner's warning on the status line")
    func setOnAnEndpoint() {
        var session = Session()
        session.send(.planned(Planner().plan(Fixtures.metro), of: Fixtures.metro, seconds: 0.001))
        session.command("set B.swap_success 20 %")
        #expect(session.state.topology.node("B")?.swapSuccess == Quantity(20, .percent))
        let topology = session.state.topology
        session.send(.planned(Planner().plan(topology), of: topology, seconds: 0.001))
        #expect(session.status?.hasPrefix("B.swap_success = 20 % · 1 new warning") == true)
        #expect(session.status?.contains("swap_success is not used on an endpoint") == true)
    }

    /// The metro network with T a relay and both links running mdi: an MDI segment A~T~B.
    private var mdiRelay: Topology {
        var topology = Fixtures.metro
        topology.nodes[1].kind = .relay
        for index in topology.links.indices { topology.links[index].protocolKind = .mdi }
        return topology
    }

    /// The form follows the kind, not the links' protocol: a relay's memory and swap keys are set before its links
    /// are wired, or while they run another protocol; the plan's warning of a key no segment reads shows at the row.
    @Test("an MDI relay's form lists the chain keys its kind reads, and shows the plan's warning at one it sets")
    func mdiRelayForm() {
        var topology = mdiRelay
        #expect(rows("T", in: topology).map(\.key).suffix(5) == ["memory", "swap_success", "cutoff_time", "purification",
                                                                  "purification_rounds"])
        topology.nodes[1].swapSuccess = Quantity(75, .percent)
        let row = rows("T", in: topology).first { $0.key == "swap_success" }
        #expect(row?.value == "75 %" && row?.unused == nil)
        var state = AppState(topology: topology)
        state.plan = Planner().plan(topology)
        let notes = row.map { RecordNotes(.node("T"), in: state).notes(of: $0) } ?? []
        #expect(notes.map(\.message) == ["swap_success is not used on a relay whose segments run mdi (only the inner nodes of "
                + "entanglement segments read it): remove it, or set the links through it to protocol: entanglement"])
    }

    @Test(":set T.swap_success 75 % on an MDI relay is followed by the planner's warning on the status line")
    func setOnAnMDIRelay() {
        var session = Session(mdiRelay)
        session.send(.planned(Planner().plan(mdiRelay), of: mdiRelay, seconds: 0.001))
        session.command("set T.swap_success 75 %")
        let topology = session.state.topology
        session.send(.planned(Planner().plan(topology), of: topology, seconds: 0.001))
        #expect(session.status?.hasPrefix("T.swap_success = 75 % · 1 new warning") == true)
        #expect(session.status?.contains("swap_success is not used on a relay whose segments run mdi") == true)
    }
}
