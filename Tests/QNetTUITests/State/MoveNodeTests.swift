import Foundation
import Testing
import QNetModel
@testable import QNetTUI

@Suite("Moving nodes: drag with the mouse, or Shift+arrows")
struct MoveNodeTests {
    private func position(_ id: Identifier, _ session: Session) -> Position? { session.state.topology.node(id)?.position }

    private func cell(_ id: Identifier, _ session: Session) throws -> (x: Int, y: Int) {
        try #require(session.state.mapProjection(in: session.state.mapArea).cell(ofNode: id))
    }

    @Test("drag node A five cells east and two rows up: A follows, one undo step puts it back, one re-plan on release")
    func dragPlanar() throws {
        var session = Session()
        let start = try cell("A", session)
        let kmPerColumn = session.state.mapProjection(in: session.state.mapArea).kmPerColumn
        session.send(.mouse(MouseEvent(.press, x: start.x, y: start.y)))
        #expect(session.state.selection == .node("A"))
        for step in 1...5 { session.send(.mouse(MouseEvent(.drag, x: start.x + step, y: start.y - step / 2))) }
        #expect(session.effects.isEmpty)  // no re-plan while the button is held
        session.send(.mouse(MouseEvent(.release, x: start.x + 5, y: start.y - 2)))
        #expect(session.effects == [.replan(session.state.topology)])
        guard case .planar(let x, let y)? = position("A", session) else {
            Issue.record("A lost its planar position")
            return
        }
        // Rounded to the power of ten at or below a quarter column.
        let step = pow(10, floor(log10(kmPerColumn / 4)))
        #expect(abs(x.si / 1000 - 5 * kmPerColumn) <= step / 2 + 1e-9)
        #expect(abs(y.si / 1000 - 4 * kmPerColumn) <= step / 2 + 1e-9)
        #expect(x.unit == .kilometre)
        #expect(session.state.undoStack == [Fixtures.metro])
        #expect(session.state.isDirty)
        session.press(.character("u"))
        #expect(session.state.topology == Fixtures.metro)
    }

    @Test("a release away from the last motion (its report lost, or none sent) drops the node where the button came up")
    func releaseWithoutMotion() throws {
        var session = Session()
        let start = try cell("A", session)
        session.send(.mouse(MouseEvent(.press, x: start.x, y: start.y)))
        session.send(.mouse(MouseEvent(.drag, x: start.x + 2, y: start.y)))
        session.send(.mouse(MouseEvent(.release, x: start.x + 4, y: start.y - 1)))
        #expect(try cell("A", session) == (start.x + 4, start.y - 1))
        #expect(session.state.undoStack == [Fixtures.metro])
        #expect(session.effects == [.replan(session.state.topology)])
    }

    @Test("a moved node's position is the nearest metre, written as a short decimal (2.381 km, not 2.3810000000000002)")
    func movedPositionPrintsShort() throws {
        let moved = try TopologyEditor.move("A", to: MapPoint(x: 2.38099, y: -0.0701), referenceLatitude: 0, in: Fixtures.metro)
        let node = try #require(moved.topology.nodes.first { $0.id == "A" })
        guard case .planar(let x, let y)? = node.position else { Issue.record("not planar"); return }
        #expect("\(x.magnitude)" == "2.381" && "\(y.magnitude)" == "-0.07")
    }

    @Test("a node moved on a coarse map lands on a round value in the axis it moved along; the other keeps its value")
    func movedToRoundValue() throws {
        let moved = try TopologyEditor.move("A", to: MapPoint(x: 24.18213, y: 0), referenceLatitude: 0, resolutionKm: 0.6,
                                            in: Fixtures.metro)
        guard case .planar(let x, let y)? = moved.topology.node("A")?.position,
              case .planar(_, let oldY)? = Fixtures.metro.node("A")?.position else { Issue.record("not planar"); return }
        #expect("\(x.magnitude)" == "24.2" && x.unit == .kilometre)
        #expect(y == oldY)
        // L1 keeps the length the file writes, which the map no longer shows: the message says so.
        #expect(moved.message == "moved A to x 24.2 km, y \(oldY.text); lengths stay as written: L1 30 km (5.8 km on the map)")
        #expect(moved.topology.link("L1")?.length == Quantity(30, .kilometre))
        let back = try TopologyEditor.move("A", to: MapPoint(x: 0, y: 0), referenceLatitude: 0, in: moved.topology)
        #expect(back.message == "moved A to x 0 km, y \(oldY.text)")
        let geographic = Topology(name: "geo", nodes: [
            Node(id: "VIE", kind: .endpoint, position: .geographic(latitude: Quantity(48.2083, .degree), longitude: Quantity(16.3731, .degree))),
        ])
        let north = try TopologyEditor.move("VIE", to: MapPoint(x: 16.3731 * .pi / 180 * MapPoint.earthRadiusKm * cos(0.8413), y: 5_370.123),
                                            referenceLatitude: 0.8413, resolutionKm: 6, in: geographic)
        guard case .geographic(let latitude, let longitude)? = north.topology.node("VIE")?.position else { Issue.record("not geographic"); return }
        #expect("\(latitude.magnitude)" == "48.29")   // 6 km is 0.054 degree: rounded to 0.01
        #expect(longitude == Quantity(16.3731, .degree))
    }

    @Test("a node 1e305 km away is drawn off the map, not trapped on; a move beyond any finite position is refused")
    func farNode() throws {
        var topology = Fixtures.metro
        topology.nodes[2].position = .planar(x: Quantity(1e305, .kilometre), y: Quantity(-1e305, .kilometre))
        var session = Session(topology)
        let projection = session.state.mapProjection(in: session.state.mapArea)
        let far = try #require(projection.cell(ofNode: "B"))
        #expect(abs(far.x) <= 1_000_000_000 && abs(far.y) <= 1_000_000_000)
        _ = Screen.render(session.state, size: session.state.screenSize, glyphs: .unicode)
        #expect(throws: CommandError.self) {
            try TopologyEditor.move("B", to: MapPoint(x: 1.7e308, y: 0), referenceLatitude: 0, in: topology)
        }
        session.command("select B")
        session.press(.shiftRight)
        #expect(session.state.topology.node("B")?.position.map { if case .planar(let x, _) = $0 { x.si.isFinite } else { false } } == true)
    }

    @Test("a click without moving is not an edit")
    func clickIsNoEdit() throws {
        var session = Session()
        let start = try cell("T", session)
        session.send(.mouse(MouseEvent(.press, x: start.x, y: start.y)))
        session.send(.mouse(MouseEvent(.release, x: start.x, y: start.y)))
        #expect(session.state.undoStack.isEmpty)
        #expect(session.effects.isEmpty)
        #expect(session.state.selection == .node("T"))
    }

    @Test("dragging a geographic node changes its latitude and longitude, in degrees")
    func dragGeographic() throws {
        var topology = Topology(name: "geo")
        topology.nodes = [
            Node(id: "VIE", kind: .endpoint, position: .geographic(latitude: Quantity(48.2, .degree), longitude: Quantity(16.37, .degree))),
            Node(id: "GRZ", kind: .endpoint, position: .geographic(latitude: Quantity(47.07, .degree), longitude: Quantity(15.44, .degree))),
        ]
        var session = Session(topology)
        let start = try cell("GRZ", session)
        session.send(.mouse(MouseEvent(.press, x: start.x, y: start.y)))
        session.send(.mouse(MouseEvent(.drag, x: start.x, y: start.y - 3)))
        session.send(.mouse(MouseEvent(.release, x: start.x, y: start.y - 3)))
        guard case .geographic(let lat, let lon)? = position("GRZ", session) else {
            Issue.record("GRZ lost its geographic position")
            return
        }
        #expect(lat.unit == .degree && lon.unit == .degree)
        #expect(lat.si * 180 / .pi > 47.1)
        #expect(abs(lon.si * 180 / .pi - 15.44) < 0.01)
    }

    @Test("select T, press Shift+→ twice and Shift+↑: T moves to the centre of the cell two columns east and a row north; one undo step, three re-plans")
    func keys() throws {
        var session = Session()
        session.command("select T")
        let start = try cell("T", session)
        session.press(.shiftRight)
        session.press(.shiftRight)
        session.press(.shiftUp)
        let projection = session.state.mapProjection(in: session.state.mapArea)
        let centre = projection.point(atX: start.x + 2, y: start.y - 1)
        guard case .planar(let x, let y)? = position("T", session) else {
            Issue.record("T lost its planar position")
            return
        }
        #expect(try cell("T", session) == (start.x + 2, start.y - 1))
        // Rounded to the power of ten at or below a quarter column, which keeps T in its cell.
        let step = pow(10, floor(log10(projection.kmPerColumn / 4)))
        #expect(abs(x.si / 1000 - centre.x) <= step / 2 + 1e-9)
        #expect(abs(y.si / 1000 - centre.y) <= step / 2 + 1e-9)
        #expect(abs((x.magnitude / step).rounded() * step - x.magnitude) < 1e-9)
        #expect(session.state.undoStack.count == 1)   // consecutive moves of one node (MoveCoalescingTests)
        #expect(session.effects.filter { if case .replan = $0 { true } else { false } }.count == 3)
        #expect(session.status?.hasPrefix("moved T to x ") == true)
    }

    @Test("Shift+arrows with nothing selected, or on a node without a position, say why and change nothing")
    func keysRefused() {
        var topology = Fixtures.metro
        topology.nodes.append(Node(id: "SAT", kind: .satellite))
        var session = Session(topology)
        session.press(.shiftLeft)
        #expect(session.status?.contains("select a node") == true)
        session.command("select SAT")
        session.press(.shiftLeft)
        #expect(session.statusIsError)
        #expect(session.state.topology == topology)
    }

    @Test("the help screen lists the move keys")
    func help() {
        #expect(HelpScreen.rows().contains { row in
            guard case .entry(let key, let text) = row else { return false }
            return key.contains("S-←") && text.contains("move the selected node west")
        })
    }
}
