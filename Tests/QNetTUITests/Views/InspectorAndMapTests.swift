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

    @Test("a link's inspector lists its assumptions with their basis")
    func assumptions() {
        var state = planned
        state.selection = .link("L1")
        let text = Screen.render(state, size: Size(width: 100, height: 60)).lines.joined(separator: "\n")
        #expect(text.contains("Assumptions"))
        #expect(text.contains("  detector") && text.contains("snspd: 80 %"))
        #expect(text.contains("    built-in default (SNSPD)"))
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
