import Testing
import QNetModel
import QNetPlanner
@testable import QNetTUI

@Suite("The equipment library in the workbench: list, inspector, forms, new entries, defaults")
struct EquipmentFormTests {
    /// Metro with a detector "fast" on node B (so link L2, received by B, inherits it) and a source on A.
    private var withLibrary: Topology {
        var topology = Fixtures.metro
        topology.equipment.sources = [PhotonSource(name: "wcp")]
        topology.equipment.detectors = [Detector(name: "fast")]
        topology.nodes[0].source = "wcp"
        topology.nodes[2].detector = "fast"
        return topology
    }

    private func screen(_ session: Session, height: Int = 40) -> String {
        Screen.render(session.state, size: Size(width: 100, height: height)).lines.joined(separator: "\n")
    }

    private func moveTo(_ key: String, _ session: inout Session) {
        guard case .form(let form) = session.state.mode,
              let index = TopologyEditor.rows(of: form.record, in: session.state.topology)?.firstIndex(where: { $0.key == key })
        else { return }
        for _ in 0..<index { session.press(.character("j")) }
    }

    private func form(_ session: Session) -> EditForm? {
        guard case .form(let form) = session.state.mode else { return nil }
        return form
    }

    @Test("L2's form shows the detector it inherits, 'fast (from node B)', and its source as the built-in one; o opens fast")
    func inherited() {
        var session = Session(withLibrary)
        session.command("select L2")
        session.press(.enter)
        let text = screen(session)
        #expect(text.contains("  detector            — fast (from node B)"))
        #expect(text.contains("  source              — the planner's built-in source"))
        moveTo("detector", &session)
        session.press(.character("o"))
        #expect(form(session)?.record == .equipment(.detector, "fast"))
        #expect(screen(session).contains("Edit Detector fast"))
        let rows = TopologyEditor.rows(of: .link("L1"), in: withLibrary) ?? []
        #expect(rows.first { $0.key == "source" }?.inherited == "wcp (from node A)")
    }

    @Test("a detector's form shows its kind's built-in figures, as the planner uses them: a homodyne's 60 %, an InGaAs APD's 1 kHz")
    func detectorFormShowsItsKindsDefaults() throws {
        var topology = withLibrary
        topology.equipment.detectors[0].kind = .homodyne
        let homodyne = TopologyEditor.rows(of: .equipment(.detector, "fast"), in: topology) ?? []
        #expect(homodyne.first { $0.key == "efficiency" }?.inherited == "60 % (homodyne default)")
        topology.equipment.detectors[0].kind = .ingaasAPD
        topology.equipment.detectors[0].deadTime = Quantity(5, .microsecond)
        let ingaas = TopologyEditor.rows(of: .equipment(.detector, "fast"), in: topology) ?? []
        #expect(ingaas.first { $0.key == "dark_count_rate" }?.inherited == "1 kHz (ingaas-apd default)")
        #expect(ingaas.first { $0.key == "dead_time" }?.inherited == nil)  // set in the file: its own value shows
        // The planner plans L2 (received by B, whose detector is `fast`) with the same figure the form shows.
        let plan = try #require(Planner().plan(topology).links.first { $0.id == "L2" })
        let budget = try #require(plan.detector)
        #expect(abs(budget.detectorEfficiency - DetectorKind.ingaasAPD.builtInDefaults.efficiency.quantity.si) < 1e-12)
    }

    @Test("on A's detector, Enter, pick 'new detector…': detector-1 is added and named, its form opens on the name; type spad-1")
    func newFromPick() {
        var session = Session(withLibrary)
        session.command("select A")
        session.press(.enter)
        moveTo("detector", &session)
        session.press(.enter)
        session.press(.end)
        for _ in 0..<3 { session.press(.character("j")) }  // past fast to "new detector…"
        session.press(.enter)
        #expect(session.state.topology.equipment.detectors.map(\.name) == ["fast", "detector-1"])
        #expect(session.state.topology.node("A")?.detector == "detector-1")
        #expect(session.state.undoStack.count == 1)  // added and picked in one edit
        #expect(form(session)?.record == .equipment(.detector, "detector-1"))
        #expect(form(session)?.input?.text == "detector-1")
        session.press(.ctrl("u"))
        session.type("spad-1")
        session.press(.enter)
        #expect(session.state.topology.equipment.detectors.map(\.name) == ["fast", "spad-1"])
        #expect(session.state.topology.node("A")?.detector == "spad-1")
        #expect(form(session)?.record == .equipment(.detector, "spad-1"))
        moveTo("efficiency", &session)
        session.press(.enter)
        session.press(.ctrl("u"))
        session.type("25 %")
        session.press(.enter)
        #expect(session.state.topology.equipment.detector(named: "spad-1")?.efficiency == Quantity(25, .percent))
        session.press(.escape)  // back to A's form, on the detector key
        guard let back = form(session) else {
            Issue.record("the form closed instead of going back")
            return
        }
        #expect(back.record == .node("A"))
        let rows = TopologyEditor.rows(of: .node("A"), in: session.state.topology) ?? []
        #expect(rows[back.cursor].key == "detector")
    }

    @Test("the network list shows the library and the defaults; selecting an entry shows who uses it and its key rates")
    func listAndInspector() {
        var session = Session(withLibrary)
        session.send(.planned(Fixtures.plan(of: withLibrary), of: withLibrary, seconds: 0.001))
        session.command("select fast")
        let text = screen(session, height: 50)
        #expect(text.contains("│Equipment (2)"))
        #expect(text.contains("│wcp ") && text.contains(" source│"))
        #expect(text.contains("│defaults") && text.contains("none set│"))
        #expect(text.contains("┌ Detector fast "))
        #expect(text.contains("│  nodes ") && text.contains(" B│"))
        #expect(text.contains("│  link L2 ") && text.contains("2 kbit/s│"))
        session.command("add detector idle")
        let idle = screen(session, height: 50)
        #expect(idle.contains("nothing yet: pick it on a node's or"))
        #expect(idle.contains("no keys set: the planner's"))
    }

    @Test("select defaults, Enter: the form lists the defaults' keys; set the misalignment; every link re-plans")
    func defaultsForm() {
        var session = Session()
        session.command("select defaults")
        session.press(.enter)
        #expect(form(session)?.record == .defaults)
        #expect(screen(session).contains("Edit Defaults"))
        moveTo("misalignment", &session)
        session.press(.enter)
        session.type("2 %")
        session.press(.enter)
        #expect(session.state.topology.defaults.misalignment == Quantity(2, .percent))
        #expect(session.effects.last == .replan(session.state.topology))
        #expect(session.state.selection == .defaults)
    }

    @Test("editing an entry re-plans every link that uses it (the planner sees the new detector)")
    func editReplans() {
        var session = Session(withLibrary)
        session.command("set fast.efficiency 10 %")
        guard case .replan(let topology)? = session.effects.last else {
            Issue.record("no re-plan")
            return
        }
        #expect(topology.equipment.detector(named: "fast")?.efficiency == Quantity(10, .percent))
        let before = Planner().plan(withLibrary).links.first { $0.id == "L2" }?.keyRateBps ?? 0
        let after = Planner().plan(topology).links.first { $0.id == "L2" }?.keyRateBps ?? 0
        #expect(after < before)  // a less efficient detector on B: less key on L2
        let untouched = Planner().plan(topology).links.first { $0.id == "L1" }?.keyRateBps
        #expect(untouched == Planner().plan(withLibrary).links.first { $0.id == "L1" }?.keyRateBps)
    }
}
