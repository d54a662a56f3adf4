import Testing
import QNetModel
@testable import QNetTUI

@Suite("Screen: the whole workbench rendered into a canvas")
struct ScreenTests {
    private func planned(_ topology: Topology = Fixtures.metro, keyRate: Double = 2000, margin: Double? = 5) -> AppState {
        var state = AppState(topology: topology, filePath: "nets/metro.yaml")
        state.plan = Fixtures.plan(of: topology, keyRate: keyRate, margin: margin)
        state.planSeconds = 0.0012
        return state
    }

    @Test("at 80×24: title, map with labelled nodes, network list, inspector, status and key bar")
    func fullScreen() {
        var state = planned()
        state.selection = .link("L1")
        state.status = StatusMessage("L1.length = 30 km")
        let lines = Screen.render(state, size: Size(width: 80, height: 24)).lines
        #expect(lines.count == 24)
        #expect(lines[0] == " qnetplan · metro.yaml                        metro: 3 nodes, 2 links, 1 demand")
        #expect(lines[1] == "┌ Map ─────────────────────────────────────────┐┌ Network ─────────────────────┐")
        #expect(lines[13].hasPrefix("│   ● A─────────────────■ T"))
        #expect(lines[5] == "│                                              ││L1 A–T                2 kbit/s│")
        #expect(lines[9] == "│                                        ──● B │┌ Link L1 ─────────────────────┐")
        #expect(lines[14].hasSuffix("││  key rate            2 kbit/s│"))
        #expect(lines[16].hasSuffix("││  margin               5.00 dB│"))
        #expect(lines[22] == " L1.length = 30 km                                           planned in 1.20 ms")
        #expect(lines[23] == " q Quit  : Cmd  ? Help  e Edit  Tab Pane  u Undo  C-r Redo  C-s Save  + Zoom")
        // Every entry of the key bar fits at 80 columns.
        for (key, label) in Bars.hints(for: .normal) { #expect(lines[23].contains(key + " " + label)) }
    }

    @Test("links are coloured by state: good with ≥ 3 dB margin, ok with less, bad without key")
    func linkColours() {
        let size = Size(width: 80, height: 24)
        let row = 13, column = 10  // on L1, between A and T
        #expect(Screen.render(planned(margin: 5), size: size).cell(x: column, y: row)?.role == .good)
        #expect(Screen.render(planned(margin: 1), size: size).cell(x: column, y: row)?.role == .ok)
        #expect(Screen.render(planned(keyRate: 0), size: size).cell(x: column, y: row)?.role == .bad)
        let unplanned = AppState(topology: Fixtures.metro)
        #expect(Screen.render(unplanned, size: size).cell(x: column, y: row)?.role == .dim)
        var selected = planned()
        selected.selection = .link("L1")
        #expect(Screen.render(selected, size: size).cell(x: column, y: row)?.role == .selection)
    }

    @Test("a link without key shows why in the inspector; a demand shows its path and whether it is met")
    func inspector() {
        var state = planned(keyRate: 0)
        state.selection = .link("L2")
        let link = Screen.render(state, size: Size(width: 80, height: 24)).lines.joined(separator: "\n")
        #expect(link.contains("│  no key: QBER 11.3 % above 11│"))
        #expect(link.contains("│    % limit "))
        state = planned()
        state.selection = .demand("A-B")
        let demand = Screen.render(state, size: Size(width: 80, height: 40)).lines
        #expect(demand.contains { $0.contains("┌ Demand A-B ") })
        #expect(demand.contains { $0.contains("│✓ met ") })
        #expect(demand.contains { $0.contains("│  A → T → B ") })
        #expect(demand.contains { $0.contains("│  max flow") && $0.contains("2 kbit/s│") })
        #expect(demand.contains { $0.contains("│  trusted nodes") && $0.contains(" T│") })
    }

    @Test("a selected node shows its keys as the file writes them")
    func nodeInspector() {
        var state = planned()
        state.selection = .node("T")
        let lines = Screen.render(state, size: Size(width: 80, height: 30)).lines
        #expect(lines.contains { $0.contains("│  kind") && $0.contains("trusted│") })
        #expect(lines.contains { $0.contains("│  position") && $0.contains("{x: 30 km, y: 0 km}│") })
        #expect(lines.contains { $0.contains("│  L2 → B") })
    }

    @Test("labels never overwrite a node or another label")
    func labels() {
        var topology = Topology(name: "crowd")
        topology.nodes = [Fixtures.node("AAA", .endpoint, x: 0, y: 0), Fixtures.node("BBB", .endpoint, x: 5, y: 0),
                          Fixtures.node("CCC", .endpoint, x: 100, y: 0)]
        let canvas = Screen.render(AppState(topology: topology), size: Size(width: 80, height: 24))
        let map = canvas.lines.map { String($0.prefix(48)) }.joined(separator: "\n")
        #expect(map.components(separatedBy: "●").count - 1 == 3)
        #expect(map.contains("AAA") && map.contains("BBB") && map.contains("CCC"))
        let text = canvas.lines.joined(separator: "\n")
        #expect(text.contains("AAA") && text.contains("BBB") && text.contains("CCC"))
    }

    @Test("smaller screens degrade: one pane under 60 columns, then no key bar, then no title, zero size is empty")
    func smallSizes() {
        let state = planned()
        let narrow = Screen.render(state, size: Size(width: 40, height: 10)).lines
        #expect(narrow[1] == "┌ Map ─────────────────────────────────┐")
        #expect(narrow[3] == "│                            ───● B    │")
        #expect(narrow[5] == "│       ● A─────────■ T                │")
        #expect(narrow[9] == " q Quit  : Cmd  ? Help  e Edit  Tab Pane")
        let short = Screen.render(state, size: Size(width: 30, height: 4)).lines
        #expect(short == [" qnetplan · metro.yaml  metro", "", "", String(repeating: " ", count: 12) + "planned in 1.20 ms"]
            || short.count == 4)
        #expect(short[0].hasPrefix(" qnetplan · metro.yaml"))
        let tiny = Screen.render(state, size: Size(width: 12, height: 3)).lines
        #expect(tiny == [" qnetplan ·…", "   ● A■─● B", ""])
        #expect(Screen.render(state, size: Size(width: 1, height: 1)).lines.count == 1)
        #expect(Screen.render(state, size: Size(width: 0, height: 0)).lines.isEmpty)
    }

    @Test("the list pane alone under 60 columns when it has the focus")
    func narrowList() {
        var state = planned()
        state.focus = .list
        let lines = Screen.render(state, size: Size(width: 40, height: 12)).lines
        #expect(lines[1] == "┌ Network ─────────────────────────────┐")
        #expect(lines[2] == "│Nodes (3)                             │")
        #expect(lines[3] == "│● A                           endpoint│")
    }

    @Test("typing a command shows it on the status line with the command-mode keys below")
    func commandLine() {
        var state = planned()
        state.mode = .command(CommandLineInput(text: "set L1.length 30 km"))
        let lines = Screen.render(state, size: Size(width: 80, height: 24)).lines
        #expect(lines[22] == ":set L1.length 30 km")
        #expect(lines[23] == " Enter Run  Esc Cancel  ↑↓ History  ←→ Move  C-u Clear")
    }

    @Test("the command line's cursor is drawn on the character it stands on, the text after it still shown")
    func commandLineCursor() {
        var state = planned()
        var input = CommandLineInput(text: "set L1.length 30 km")
        input.field.cursor = 4
        state.mode = .command(input)
        let canvas = Screen.render(state, size: Size(width: 80, height: 24))
        #expect(canvas.lines[22] == ":set L1.length 30 km")
        let roles = canvas.roles(y: 22)
        #expect(roles[5] == .selection && roles[4] == .commandLine && roles[6] == .commandLine)
    }

    @Test("the help screen is generated from the key bindings and the command list")
    func help() {
        // Press ?, then page down with Space to the end: every binding and command has been on screen.
        var session = Session()
        session.press(.character("?"))
        var text = ""
        for _ in 0..<9 {
            let lines = Screen.render(session.state, size: Size(width: 80, height: 24)).lines
            #expect(!lines.dropLast().contains { $0.contains("…│") })  // nothing is cut off at 80 columns
            text += lines.joined(separator: "\n")
            session.press(.character(" "))
        }
        let words = Set(text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "│" }))
        for binding in KeyBindings.normal {
            #expect(text.contains(" " + binding.keyText + " "))
            #expect(binding.help.split(separator: " ").allSatisfy(words.contains))
        }
        for command in KeyBindings.commands {
            #expect(text.contains(command.usage))
            #expect(command.help.split(separator: " ").allSatisfy(words.contains))
        }
        var state = planned()
        state.mode = .help(scroll: 100)
        let scrolled = Screen.render(state, size: Size(width: 80, height: 24)).lines.joined(separator: "\n")
        #expect(scrolled.contains("Values take the file's units"))
    }

    @Test("quitting with unsaved edits shows the question")
    func confirmQuit() {
        var state = planned()
        state.mode = .confirmQuit
        let text = Screen.render(state, size: Size(width: 80, height: 24)).lines.joined(separator: "\n")
        #expect(text.contains("Save metro.yaml before quitting?"))
        #expect(text.contains("y Save and quit  n Quit without saving  other Stay"))
        #expect(text.contains("any other key  stay"))
    }

    @Test("the quit question widens to a long file name where the screen allows")
    func confirmQuitLongName() {
        var state = planned()
        state.filePath = "/tmp/a-rather-long-name-for-a-network.qnet.yaml"
        state.mode = .confirmQuit
        let text = Screen.render(state, size: Size(width: 120, height: 40)).lines.joined(separator: "\n")
        #expect(text.contains("Save a-rather-long-name-for-a-network.qnet.yaml before quitting?"))
    }

    @Test("with ASCII glyphs nothing outside ASCII is drawn by the frame, map or list")
    func asciiGlyphs() {
        let lines = Screen.render(planned(), size: Size(width: 80, height: 24), glyphs: .ascii).lines
        #expect(lines[1].hasPrefix("+ Map ---"))
        #expect(lines[13].hasPrefix("|   o A-----------------T T"))
    }

    @Test("a modified topology is marked in the title")
    func dirtyMark() {
        var state = planned()
        state.topology.links[0].length = Quantity(5, .kilometre)
        #expect(Screen.render(state, size: Size(width: 80, height: 24)).lines[0].hasPrefix(" qnetplan · metro.yaml [+]"))
    }
}
