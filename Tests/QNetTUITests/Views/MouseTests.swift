import Testing
import QNetModel
@testable import QNetTUI

@Suite("Mouse: click to select, wheel to zoom")
struct MouseTests {
    @Test("clicking a node on the map selects it; clicking a link selects the link; empty map clears")
    func mapClicks() {
        var session = Session()
        session.press(.tab)
        session.send(.mouse(MouseEvent(.press, x: 3, y: 12)))  // node A at 80×24
        #expect(session.state.selection == .node("A"))
        #expect(session.state.focus == .map)
        session.send(.mouse(MouseEvent(.press, x: 12, y: 12)))
        #expect(session.state.selection == .link("L1"))
        session.send(.mouse(MouseEvent(.press, x: 10, y: 3)))
        #expect(session.state.selection == nil)
    }

    @Test("clicking a row of the network list selects its item and focuses the list")
    func listClick() {
        var session = Session()
        session.send(.mouse(MouseEvent(.press, x: 60, y: 3)))  // second row of the list: node A
        #expect(session.state.focus == .list)
        #expect(session.state.selection == .node("A"))
    }

    @Test("in the inspector, j and k scroll instead of selecting")
    func inspectorScroll() {
        var session = Session()
        session.send(.planned(Fixtures.plan(of: Fixtures.metro), of: Fixtures.metro, seconds: 0.001))
        session.command("select L1")
        session.press(.tab)
        session.press(.tab)
        #expect(session.state.focus == .inspector)
        session.press(.character("j"))
        #expect(session.state.inspectorScroll == 1)
        #expect(session.state.selection == .link("L1"))
    }
}
