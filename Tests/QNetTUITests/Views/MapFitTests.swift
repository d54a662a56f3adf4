import Testing
import QNetModel
@testable import QNetTUI

@Suite("Map fit: the whole pane, both axes, no node hidden")
struct MapFitTests {
    /// A north–south chain 1,000 km long and 20 km wide, like a backbone.
    private var tall: Topology {
        var topology = Topology(name: "tall")
        topology.nodes = (0...10).map { Fixtures.node(Identifier("N\($0)"), .trusted, x: Double($0 % 2) * 20, y: Double($0) * -100) }
        return topology
    }

    @Test("open a tall network at 120×40: it spans the map from the top row to the bottom row")
    func tallUsesTheHeight() {
        let state = AppState(topology: tall, screenSize: Size(width: 120, height: 40))
        let projection = state.mapProjection(in: state.mapArea)
        let ys = state.topology.nodes.compactMap { projection.cell(ofNode: $0.id)?.y }
        let area = state.mapArea
        #expect(ys.min() == area.y + 1)  // a row kept for a label above
        #expect(ys.max() == area.maxY - 2)
    }

    @Test("open a wide network: it spans the width, leaving room for labels on both sides")
    func wideUsesTheWidth() {
        let state = AppState(topology: Fixtures.metro, screenSize: Size(width: 120, height: 40))
        let projection = state.mapProjection(in: state.mapArea)
        let a = projection.cell(ofNode: "A"), b = projection.cell(ofNode: "B")
        let area = state.mapArea
        #expect(a?.x == area.x + 3)  // the label "A" and a space fit to its left
        #expect(b?.x == area.maxX - 4)
        // Aspect kept: 60 km east spans the width; 10 km north spans a sixth of that in rows, times two.
        let columns = Double((b?.x ?? 0) - (a?.x ?? 0)), rows = Double((a?.y ?? 0) - (b?.y ?? 0))
        #expect(abs(rows * 2 / columns - 10.0 / 60) < 0.05)
        let lines = Screen.render(state, size: state.screenSize).lines
        #expect(lines.contains { $0.contains("● B │") })  // the label is not cut off at the edge
    }

    @Test("two nodes 10 m apart are both drawn, in neighbouring cells, and both can be clicked")
    func coincidentNodes() throws {
        var topology = Fixtures.metro
        topology.nodes.append(Fixtures.node("A2", .endpoint, x: 0.01, y: 0))
        var session = Session(topology)
        let projection = session.state.mapProjection(in: session.state.mapArea)
        let a = try #require(projection.cell(ofNode: "A")), a2 = try #require(projection.cell(ofNode: "A2"))
        #expect(a.x != a2.x || a.y != a2.y)
        #expect(max(abs(a.x - a2.x), abs(a.y - a2.y)) == 1)
        session.send(.mouse(MouseEvent(.press, x: a2.x, y: a2.y)))
        #expect(session.state.selection == .node("A2"))
        session.send(.mouse(MouseEvent(.press, x: a.x, y: a.y)))
        #expect(session.state.selection == .node("A"))
    }

    @Test("a node without a position is listed as unplaced in the map's corner, and a click selects it")
    func unplacedNodes() {
        var topology = Fixtures.metro
        topology.nodes.append(Node(id: "SAT", kind: .satellite))
        var session = Session(topology)
        let lines = Screen.render(session.state, size: Size(width: 80, height: 24)).lines
        #expect(lines[20].hasPrefix("│ unplaced: ◎ SAT "))
        session.send(.mouse(MouseEvent(.press, x: 14, y: 20)))
        #expect(session.state.selection == .node("SAT"))
    }

    @Test("a topology where no node has a position says so and still lists the nodes")
    func nothingPlaced() {
        var topology = Topology(name: "none")
        topology.nodes = [Node(id: "X"), Node(id: "Y")]
        let lines = Screen.render(AppState(topology: topology), size: Size(width: 80, height: 24)).lines
        #expect(lines.contains { $0.contains("no node has a position") })
        #expect(lines[20].hasPrefix("│ unplaced: ● X  ● Y "))
    }
}
