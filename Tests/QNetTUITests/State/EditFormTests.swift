import Testing
import QNetModel
@testable import QNetTUI

@Suite("Edit form: the record's keys from the schema, edited in place")
struct EditFormTests {
    /// Metro with a detector library: L2 uses "fast".
    private var withLibrary: Topology {
        var topology = Fixtures.metro
        topology.equipment.detectors = [Detector(name: "fast"), Detector(name: "cheap")]
        topology.links[1].detector = "fast"
        return topology
    }

    private func screen(_ session: Session) -> String {
        Screen.render(session.state, size: Size(width: 100, height: 40)).lines.joined(separator: "\n")
    }

    private func moveTo(_ key: String, _ session: inout Session) {
        guard case .form(let form) = session.state.mode,
              let index = TopologyEditor.rows(of: form.record, in: session.state.topology)?.firstIndex(where: { $0.key == key })
        else { return }
        for _ in 0..<index { session.press(.character("j")) }
    }

    @Test("the form covers the panes beside it: no cut-off pane borders at its sides at 80×24")
    func coversThePanes() {
        var session = Session()
        session.command("select L1")
        #expect(session.state.status?.text == "selected link L1")
        session.press(.enter)
        let lines = Screen.render(session.state, size: Size(width: 80, height: 24)).lines
        for line in lines[1..<22].map(Array.init) {
            #expect(line.first == " " && (line.count < 80 || line[79] == " "), "\(String(line))")
        }
    }

    @Test("select L1, press Enter: the form lists the keys of a fiber link with help, value or default")
    func opens() {
        var session = Session()
        session.command("select L1")
        session.press(.enter)
        guard case .form(let form) = session.state.mode else {
            Issue.record("no form")
            return
        }
        #expect(form.record == .link("L1"))
        let text = screen(session)
        #expect(text.contains("Edit Link L1"))
        for field in Link.fields.prefix(20) where field.scope.applies(to: .fiber, .bb84Decoy, direction: .downlink) {
            #expect(text.contains(" \(field.key) "))  // the first keys are in view
        }
        #expect(text.contains("length") && text.contains("30 km"))
        #expect(text.contains("— 1 % (built-in default (1 % optical error))"))  // misalignment, absent
        #expect(text.contains("id: unique id"))  // the help of the key under the cursor
    }

    @Test("a link key left empty shows the value that applies: the file's defaults.X when set, with where it comes from")
    func inheritedFromDefaults() {
        var session = Session()
        session.command("set defaults.misalignment 2 %")
        session.command("set defaults.ec_efficiency 1.2")
        session.command("select L1")
        session.press(.enter)
        let text = screen(session)
        #expect(text.contains("— 2 % (defaults.misalignment)"))
        #expect(text.contains("— 1.2 (defaults.ec_efficiency)"))
        #expect(!text.contains("default 1 %") && !text.contains("default 1.16"))
        let rows = TopologyEditor.rows(of: .link("L1"), in: session.state.topology) ?? []
        #expect(rows.first { $0.key == "sifting" }?.inherited
            == "standard (built-in default (q = 1/2; efficient BB84: q = 1, Lo, Chau, Ardehali 2005, asymptotic))")
    }

    @Test("a form's help line names the units of a quantity key that has no default")
    func helpNamesUnits() {
        var session = Session()
        session.command("set L1.medium free-space")
        session.command("select L1")
        session.press(.enter)
        moveTo("tx_aperture", &session)
        #expect(screen(session).contains("tx_aperture: transmit aperture diameter [length: km m cm mm um nm]"))
    }

    @Test("on length, press e, clear, type 45 km, Enter: L1 is 45 km, one undo step, one re-plan, form stays open")
    func editValue() {
        var session = Session()
        session.command("select L1")
        session.press(.character("e"))
        moveTo("length", &session)
        session.press(.enter)
        session.press(.ctrl("u"))
        session.type("45 km")
        session.press(.enter)
        #expect(session.state.topology.link("L1")?.length == Quantity(45, .kilometre))
        #expect(session.state.undoStack.count == 1)
        #expect(session.effects == [.replan(session.state.topology)])
        #expect(session.status == "L1.length = 45 km")
        #expect(screen(session).contains("45 km"))
        // The form leaves the status line in view, with what the edit did.
        #expect(Screen.render(session.state, size: Size(width: 80, height: 24)).lines[22].hasPrefix(" L1.length = 45 km"))
        guard case .form(let form) = session.state.mode else {
            Issue.record("the form closed")
            return
        }
        #expect(form.input == nil)
        #expect(session.state.selection == .link("L1"))
    }

    @Test("a value edits in place: Home, a digit typed before the number, Enter applies it")
    func editInPlace() throws {
        var session = Session()
        session.command("select L1")
        session.press(.enter)
        moveTo("length", &session)
        session.press(.enter)
        guard case .form(let form) = session.state.mode, let field = form.input else {
            Issue.record("not editing")
            return
        }
        session.press(.home)
        session.type("1")
        session.press(.enter)
        let length = try #require(session.state.topology.links.first { $0.id == "L1" }?.length)
        #expect(field.text == "30 km" && length.magnitude == 130 && length.unit == .kilometre)
    }

    @Test("a bad value is refused in place with the schema's reason; nothing changes; Esc cancels")
    func refused() {
        var session = Session()
        session.command("select L1")
        session.press(.enter)
        moveTo("length", &session)
        session.press(.enter)
        session.press(.ctrl("u"))
        session.type("-3 km")
        session.press(.enter)
        #expect(session.state.topology == Fixtures.metro)
        guard case .form(let form) = session.state.mode else {
            Issue.record("the form closed")
            return
        }
        #expect(form.input?.text == "-3 km")
        #expect(form.error?.isEmpty == false)
        #expect(screen(session).contains("refused: "))
        session.press(.ctrl("u"))
        session.type("3 parsecs")
        session.press(.enter)
        #expect(session.state.topology == Fixtures.metro)
        session.press(.escape)
        session.press(.escape)
        #expect(session.state.mode == .normal)
    }

    @Test("d removes a key back to its default")
    func removeKey() {
        var topology = Fixtures.metro
        topology.links[0].misalignment = Quantity(2, .percent)
        var session = Session(topology)
        session.command("select L1")
        session.press(.enter)
        moveTo("misalignment", &session)
        session.press(.character("d"))
        #expect(session.state.topology.link("L1")?.misalignment == nil)
    }

    @Test("on detector, Enter shows the library's names; pick cheap; o opens cheap's form; edit its efficiency; L2 re-plans")
    func equipment() {
        var session = Session(withLibrary)
        session.command("select L2")
        session.press(.enter)
        moveTo("detector", &session)
        session.press(.enter)
        let picking = screen(session)
        #expect(picking.contains("(none)") && picking.contains("fast") && picking.contains("cheap"))
        #expect(picking.contains("new detector…"))
        session.press(.character("j"))  // from fast, the current one, to cheap
        session.press(.enter)
        #expect(session.state.topology.link("L2")?.detector == "cheap")
        session.press(.character("o"))
        guard case .form(let form) = session.state.mode else {
            Issue.record("no form")
            return
        }
        #expect(form.record == .equipment(.detector, "cheap"))
        #expect(screen(session).contains("Edit Detector cheap"))
        moveTo("efficiency", &session)
        session.press(.enter)
        session.type("60 %")
        session.press(.enter)
        #expect(session.state.topology.equipment.detector(named: "cheap")?.efficiency == Quantity(60, .percent))
        #expect(session.effects.last == .replan(session.state.topology))
        session.press(.escape)  // back to L2's form
        guard case .form(let back) = session.state.mode else {
            Issue.record("closed instead of going back")
            return
        }
        #expect(back.record == .link("L2"))
    }

    @Test("Enter with nothing selected says what to do")
    func nothingSelected() {
        var session = Session()
        session.press(.enter)
        #expect(session.state.mode == .normal)
        #expect(session.status?.contains("select") == true)
    }
}
