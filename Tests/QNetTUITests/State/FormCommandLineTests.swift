import Testing
import QNetModel
@testable import QNetTUI

/// `:` on an edit form (QA: `:set L2.length 44 km` typed on L1's form was silently dropped at `:`, and its `e` opened
/// the length field, which took the rest: `46 kmt L2.length 44 km…`).
@Suite("The command line from an edit form")
struct FormCommandLineTests {
    /// A session with L1's form open.
    private func onForm() -> Session {
        var session = Session()
        session.command("select L1")
        session.press(.enter)
        return session
    }

    @Test("with no field being edited, : opens the command line over the form; the command runs and the form is back")
    func commandFromForm() throws {
        var session = onForm()
        guard case .form(let form) = session.state.mode else { Issue.record("no form"); return }
        session.type(":")
        guard case .command(let input) = session.state.mode else { Issue.record("no command line"); return }
        #expect(input.form == form)
        session.type("set L2.length 44 km")
        // The form stays in view above the command line being typed.
        let lines = Screen.render(session.state, size: Size(width: 100, height: 40)).lines
        #expect(lines.contains { $0.contains("Edit Link L1") })
        #expect(lines[38] == ":set L2.length 44 km")
        session.press(.enter)
        #expect(session.state.topology.link("L2")?.length == Quantity(44, .kilometre))
        #expect(session.state.topology.link("L1")?.length == Quantity(30, .kilometre))
        #expect(session.state.mode == .form(form))
        #expect(session.status == "L2.length = 44 km")
    }

    @Test("Esc (or Backspace on an empty line) cancels back to the form")
    func cancelBackToForm() {
        var session = onForm()
        let mode = session.state.mode
        session.type(":set")
        session.press(.escape)
        #expect(session.state.mode == mode)
        session.type(":")
        session.press(.backspace)
        #expect(session.state.mode == mode)
    }

    @Test("a command that removes the form's record leaves the form closed")
    func recordGone() {
        var session = onForm()
        session.command("del L1")
        #expect(session.state.mode == .normal)
        #expect(session.state.topology.link("L1") == nil)
    }

    @Test("while a field is being edited, : is text as before")
    func colonInField() {
        var session = onForm()
        session.press(.character("e"))   // the cursor is on id: edit it
        session.type(":x")
        guard case .form(let form) = session.state.mode else { Issue.record("no form"); return }
        #expect(form.input?.text.hasSuffix(":x") == true)
    }
}
