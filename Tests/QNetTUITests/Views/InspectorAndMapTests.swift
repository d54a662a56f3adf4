import Testing
import QNetModel
import QNetPlanner
@testable import QNetTUI

@Suite("Views: demand path on the map, inspector overflow and scrolling, assumptions, help")
struct InspectorAndMapTests {
    /// Metro planned with segments A~T (L1) and T~B (L2), so that the demand's best path runs over both links.
    private var planned: AppState {
        var state = AppState(topology: Fixtures.metro, filePath: "metro.yaml")
        var plan = Fixtures.plan(of: Fixtures.metro)
        plan.segments = [
            SegmentPlan(id: "A~T", nodes: ["A", "T"], links: ["L1"], protocolKind: .bb84Decoy, keyRateBps: 2000, plobBoundBps: 1e8),
            SegmentPlan(id: "T~B", nodes: ["T", "B"], links: ["L2"], protocolKind: .bb84Decoy, keyRateBps: 2000, plobBoundBps: 1e8),
        ]
        plan.links[0].assumptions = [Assumption(name: "detector", value: "snspd: 80 %", basis: "built-in default (SNSPD)")]
        state.plan = plan
        return state
    }

    @Test("select the demand A-B: the links of its best path are drawn highlighted on the map")
    func demandPath() {
        var state = planned
        let size = Size(width: 80, height: 24)
        #expect(Screen.render(state, size: size).cell(x: 10, y: 13)?.role == .good)  // on L1
        state.selection = .demand("A-B")
        let canvas = Screen.render(state, size: size)
        #expect(canvas.cell(x: 10, y: 13)?.role == .selection)
        let l2 = (2..<21).flatMap { y in (26..<46).map { (x: $0, y: y) } }
            .filter { canvas.cell(x: $0.x, y: $0.y)?.text == "─" }
        #expect(!l2.isEmpty && l2.allSatisfy { canvas.cell(x: $0.x, y: $0.y)?.role == .selection })
    }

    @Test("a link's inspector longer than the pane ends in a line that says how to scroll; the wheel over it scrolls")
    func overflowAndWheel() {
        var session = Session()
        session.state = planned
        session.command("select L1")
        let lines = Screen.render(session.state, size: Size(width: 80, height: 24)).lines
        #expect(lines[20].contains("more lines (Tab, then j)"))
        session.send(.mouse(MouseEvent(.scrollDown, x: 60, y: 15)))
        #expect(session.state.inspectorScroll == 3)
        #expect(session.state.viewport == .fitted)  // the map did not zoom
        for _ in 0..<40 { session.send(.mouse(MouseEvent(.scrollDown, x: 60, y: 15))) }
        let end = InspectorView.maxScroll(session.state)
        #expect(session.state.inspectorScroll == end)
        session.send(.mouse(MouseEvent(.scrollUp, x: 60, y: 15)))
        #expect(session.state.inspectorScroll == end - 3)
        session.send(.mouse(MouseEvent(.scrollUp, x: 10, y: 10)))
        #expect(session.state.viewport.zoom == 1.5)
    }

    @Test("PgDn and PgUp move the inspector and the help by the rows they show, less one, and stop at the ends")
    func pages() {
        var session = Session()
        session.state = planned
        session.command("select L1")
        let shown = InspectorView.visibleRows(session.state)
        #expect(shown > 5)
        session.send(.key(.pageDown))
        #expect(session.state.inspectorScroll == min(shown - 1, InspectorView.maxScroll(session.state)))
        session.send(.key(.pageUp))
        #expect(session.state.inspectorScroll == 0)
        let size = session.state.screenSize
        session.send(.key(.character("?")))
        session.send(.key(.pageDown))
        #expect(session.state.mode == .help(scroll: HelpScreen.page(on: size)) && HelpScreen.page(on: size) == size.height - 5)
        for _ in 0..<50 { session.send(.key(.pageDown)) }
        let last = HelpScreen.clamped(.max, on: size)
        #expect(session.state.mode == .help(scroll: last))
        session.send(.key(.up))
        #expect(session.state.mode == .help(scroll: last - 1))   // one step back from the end, not from beyond it
    }

    @Test("a link's inspector lists its assumptions with their basis")
    func assumptions() {
        var state = planned
        state.selection = .link("L1")
        let text = Screen.render(state, size: Size(width: 100, height: 60)).lines.joined(separator: "\n")
        #expect(text.contains("Assumptions"))
        #expect(text.contains("  detector") && text.contains("snspd: 80 %"))
        #expect(text.contains("    built-in default (SNSPD)"))
    }

    @Test("a link's detector and timing budget in the inspector gives each row its basis")
    func detectorBases() {
        var state = AppState(topology: Fixtures.metro, filePath: "metro.yaml")
        state.plan = Planner().plan(Fixtures.metro)
        state.selection = .link("L1")
        let rows = InspectorContent.rows(state, glyphs: .unicode).rows
        let start = rows.firstIndex { $0.label == "Detector and timing" } ?? rows.endIndex
        let budget = rows[start...].dropFirst().prefix { !$0.label.isEmpty }
        #expect(budget.contains { $0.label == "  background per window" })
        // Every figure is followed by its basis, dimmed.
        for (index, row) in budget.enumerated() where row.value != nil {
            let next = budget.dropFirst(index + 1).first
            #expect(next?.value == nil && next?.role == .dim && next?.label.hasPrefix("    ") == true, "\(row.label)")
        }
        #expect(budget.contains { $0.label == "    built-in default (no stray light) x window" })
    }

    @Test("a link added from a node without equipment, where the others name theirs, says in its inspector what it uses instead")
    func builtInEquipmentNote() {
        var topology = Fixtures.metro
        topology.equipment = Equipment(sources: [PhotonSource(name: "wcp-10m")], detectors: [Detector(name: "apd")])
        for index in topology.nodes.indices { (topology.nodes[index].source, topology.nodes[index].detector) = ("wcp-10m", "apd") }
        var session = Session(topology)
        session.command("add node T2 trusted 40 20")
        session.command("add link L9 T2 B fiber")
        session.send(.planned(Planner().plan(session.state.topology), of: session.state.topology, seconds: 0.001))
        let rows = InspectorContent.rows(session.state, glyphs: .unicode).rows.map(\.label)
        #expect(rows.contains("  note: links[2]: link L9 uses the built-in 1 GHz weak-coherent source: neither it nor its sender T2 "
            + "names a source, while the network's other photon-counting links use 'wcp-10m'"))
    }

    @Test("a long value leaves its label a third of the row")
    func longValue() {
        var canvas = Canvas(Size(width: 30, height: 1))
        TextRow("position", "{x: 12.308 km, y: -8.205 km, z: 0 km}").draw(in: canvas.bounds, glyphs: .unicode, into: &canvas)
        #expect(canvas.lines[0] == "position {x: 12.308 km, y: -8…")
    }

    @Test("help opens on how to build a first network, and lists node kinds and media")
    func gettingStarted() {
        let lines = HelpScreen.lines(width: 74)
        #expect(lines.first?.key == "Getting started: a trusted-node network in six commands")
        // Each example fits on one line at 80 columns, its columns kept.
        #expect(lines.prefix(10).contains { $0.key == "  :add link L1 A T fiber        a fiber link, as long as A is from T" })
        #expect(lines.contains { $0.key == " KIND" && $0.text.contains("endpoint, trusted, repeater") })
        #expect(lines.contains { $0.key == " MEDIUM" && $0.text == "fiber, free-space, satellite" })
        // Bindings of one pane come after the general ones.
        let keys = lines.map(\.text)
        let select = keys.firstIndex { $0.hasPrefix("select the next node") } ?? 0
        let scroll = keys.firstIndex { $0.hasPrefix("scroll the inspector down (inspector pane)") } ?? 0
        #expect(select < scroll)
    }

    @Test("an empty network's inspector shows the commands that build one")
    func emptyGuide() {
        let state = AppState(topology: Topology(name: "lab"), filePath: "lab.qnet.yaml")
        let text = Screen.render(state, size: Size(width: 80, height: 24)).lines.joined(separator: "\n")
        #expect(text.contains("No nodes yet"))
        #expect(text.contains(":add node A endpoint 0 0"))
        #expect(text.contains(":add demand A B 1 kbit/s"))
    }
}

@Suite("Views: rows wrapped to a narrow pane keep their whole label")
struct TextRowWrapTests {
    @Test("a label too long beside its value wraps; the value ends the last line")
    func longLabel() {
        let rows = TextRow("  single-photon-pair phase error e11", "0.0198").wrapped(to: 30)
        #expect(rows == [TextRow("  single-photon-pair phase"), TextRow("    error e11", "0.0198")])
    }

    @Test("when the last line of the label leaves no room, it wraps narrower so that the value still ends it")
    func narrowerLastLine() {
        let rows = TextRow("  fiber 17 km x 0.2 dB/km", "3.40 dB").wrapped(to: 30)
        #expect(rows == [TextRow("  fiber 17 km x 0.2"), TextRow("    dB/km", "3.40 dB")])
    }

    @Test("a label with no room for its value at all puts the value on a line of its own")
    func oneWordLabel() {
        let rows = TextRow("    ALICE~CHARLIE~BOB", "14.3 kbit/s", valueRole: .good).wrapped(to: 30)
        #expect(rows == [TextRow("    ALICE~CHARLIE~BOB"), TextRow("", "14.3 kbit/s", valueRole: .good)])
    }

    @Test("a value longer than two thirds of the row goes under its label, word-wrapped")
    func longValue() {
        let rows = TextRow("  extra_losses", "{connectors: 1 dB, polarisation_control: 0.5 dB}", valueRole: .dim).wrapped(to: 30)
        #expect(rows == [TextRow("  extra_losses"), TextRow("    {connectors: 1 dB,", role: .dim),
                         TextRow("    polarisation_control: 0.5", role: .dim), TextRow("    dB}", role: .dim)])
    }

    @Test("a key path longer than a line breaks after a dot")
    func keyPath() {
        let rows = TextRow("    optimised (equipment.sources.wcp-mdi.signal_intensity)", role: .dim).wrapped(to: 30)
        #expect(rows.map(\.label) == ["    optimised", "      (equipment.sources.", "      wcp-mdi.", "      signal_intensity)"])
    }

    @Test("rows that fit are left alone")
    func fits() {
        let row = TextRow("  key rate", "14.3 kbit/s")
        #expect(row.wrapped(to: 30) == [row])
    }
}
