import Testing
import QNetModel
@testable import QNetTUI

@Suite("Moving around: selection, panes, map view, command line, help")
struct NavigationTests {
    @Test("j and k walk nodes, then links, demands, the equipment library and the defaults, and stop at the ends")
    func selection() {
        var topology = Fixtures.metro
        topology.equipment.detectors = [Detector(name: "fast")]
        var session = Session(topology)
        session.press(.character("j"))
        #expect(session.state.selection == .node("A"))
        for _ in 0..<4 { session.press(.down) }
        #expect(session.state.selection == .link("L2"))
        session.press(.character("j"))
        #expect(session.state.selection == .demand("A-B"))
        session.press(.character("j"))
        #expect(session.state.selection == .equipment(.detector, "fast"))
        session.press(.character("j"))
        session.press(.character("j"))
        #expect(session.state.selection == .defaults)
        session.press(.character("k"))
        session.press(.character("k"))
        session.press(.character("k"))
        #expect(session.state.selection == .link("L2"))
        session.press(.escape)
        #expect(session.state.selection == nil)
        session.command("select T")
        #expect(session.state.selection == .node("T"))
        session.command("select Q")
        #expect(session.status == "no node, link, demand or equipment named 'Q'")
    }

    @Test("Tab cycles the focus through map, list and inspector")
    func focus() {
        var session = Session()
        #expect(session.state.focus == .map)
        session.press(.tab)
        #expect(session.state.focus == .list)
        session.press(.tab)
        session.press(.tab)
        #expect(session.state.focus == .map)
        session.press(.backTab)
        #expect(session.state.focus == .inspector)
    }

    @Test("+, -, 0 and hjkl change the viewport; 0 fits again")
    func viewport() {
        var session = Session()
        session.press(.character("+"))
        #expect(session.state.viewport.zoom == 1.5)
        session.press(.character("l"))
        #expect(abs(session.state.viewport.panX - 0.1 / 1.5) < 1e-12)
        session.press(.character("K"))
        #expect(session.state.viewport.panY > 0)
        session.send(.mouse(MouseEvent(.scrollDown, x: 5, y: 5)))
        #expect(session.state.viewport.zoom == 1)
        session.press(.character("0"))
        #expect(session.state.viewport == .fitted)
    }

    @Test("the command line edits in the middle: arrows, Home and End move the cursor, typing inserts there")
    func commandLineCursor() {
        var session = Session()
        session.type(":sel ")
        session.type("A")
        session.press(.left)
        session.press(.left)
        session.type("x")  // "selx A"
        session.press(.delete)  // "selxA"
        session.press(.backspace)  // "selA"
        session.press(.home)
        session.type("#")
        session.press(.end)
        session.type("!")
        guard case .command(let input) = session.state.mode else { Issue.record("not typing"); return }
        #expect(input.text == "#selA!" && input.field.cursor == 6)
        session.press(.left)
        session.press(.ctrl("u"))
        guard case .command(let cleared) = session.state.mode else { Issue.record("not typing"); return }
        #expect(cleared.text == "!" && cleared.field.cursor == 0)
    }

    @Test("the command line edits, cancels with Esc, and recalls history with Up")
    func commandLine() {
        var session = Session()
        session.type(":sel A")
        #expect(session.state.mode == .command(CommandLineInput(text: "sel A")))
        session.press(.backspace)
        session.type("T")
        session.press(.enter)
        #expect(session.state.selection == .node("T"))
        #expect(session.state.mode == .normal)
        session.type(":")
        session.press(.up)
        #expect(session.state.mode == .command(CommandLineInput(text: "sel T", historyIndex: 0)))
        session.press(.escape)
        #expect(session.state.mode == .normal)
        session.type(":")
        session.press(.backspace)
        #expect(session.state.mode == .normal)
    }

    @Test("? opens help, j scrolls it, Esc closes it")
    func help() {
        var session = Session()
        session.press(.character("?"))
        #expect(session.state.mode == .help(scroll: 0))
        session.press(.character("j"))
        #expect(session.state.mode == .help(scroll: 1))
        session.press(.escape)
        #expect(session.state.mode == .normal)
        session.press(.function(1))
        #expect(session.state.mode == .help(scroll: 0))
    }
}
