import Testing
import QNetModel
@testable import QNetTUI

@Suite("The map holds still after a move, pan or zoom, until it is fitted again")
struct MapHoldTests {
    private func cell(_ id: Identifier, _ session: Session) throws -> (x: Int, y: Int) {
        try #require(session.state.mapProjection(in: session.state.mapArea).cell(ofNode: id))
    }

    private func screen(_ session: Session) -> [String] {
        Screen.render(session.state, size: session.state.screenSize).lines
    }

    @Test("drag B far to the east and let go: T and A stay in their cells, the title says 0 fits; 0 fits again")
    func dragHolds() throws {
        var session = Session()
        let a = try cell("A", session), t = try cell("T", session), b = try cell("B", session)
        session.send(.mouse(MouseEvent(.press, x: b.x, y: b.y)))
        session.send(.mouse(MouseEvent(.drag, x: b.x + 20, y: b.y + 4)))
        session.send(.mouse(MouseEvent(.release, x: b.x + 20, y: b.y + 4)))
        #expect(try cell("A", session) == a && cell("T", session) == t)
        #expect(try cell("B", session) == (b.x + 20, b.y + 4))
        #expect(session.state.viewport.held != nil)
        #expect(screen(session)[1].hasPrefix("┌ Map ×1.0 · 0 fits "))
        #expect(screen(session)[2].contains("1 node off the map: 0 fits"))
        session.press(.character("0"))
        #expect(session.state.viewport == .fitted)
        let refitted = try cell("B", session)
        #expect(session.state.mapArea.contains(x: refitted.x, y: refitted.y))
        #expect(screen(session)[1].hasPrefix("┌ Map ─"))
    }

    @Test("Shift+→ three times moves T three columns on a map that does not move under it")
    func keysHold() throws {
        var session = Session()
        let a = try cell("A", session), t = try cell("T", session), b = try cell("B", session)
        session.command("select T")
        for _ in 0..<3 { session.press(.shiftRight) }
        #expect(try cell("A", session) == a && cell("B", session) == b)
        #expect(try cell("T", session) == (t.x + 3, t.y))
    }

    @Test("pan and zoom hold the map: a node added later off the view stays off it; f fits")
    func panHolds() throws {
        var session = Session()
        session.press(.character("l"))
        let held = session.state.viewport.held
        #expect(held != nil)
        session.command("add node FAR endpoint 900 0")
        #expect(session.state.viewport.held == held)
        let far = try cell("FAR", session)
        #expect(!session.state.mapArea.contains(x: far.x, y: far.y))
        session.press(.character("f"))
        let fitted = try cell("FAR", session)
        #expect(session.state.mapArea.contains(x: fitted.x, y: fitted.y))
    }

    @Test("until then the map follows the topology: a node added far away is fitted in")
    func fittedFollows() throws {
        var session = Session()
        session.command("add node FAR endpoint 900 0")
        #expect(session.state.viewport == .fitted)
        let far = try cell("FAR", session)
        #expect(session.state.mapArea.contains(x: far.x, y: far.y))
    }
}
