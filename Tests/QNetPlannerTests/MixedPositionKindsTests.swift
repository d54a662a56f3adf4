import QNetModel
import Testing
@testable import QNetPlanner

/// Nodes that mix planar `{x, y}` and geographic `{lat, lon}` positions get one warning, at the position of the first
/// node of the kind fewer nodes have, with how many have it (QA: such a file was accepted without a word).
@Suite struct MixedPositionKindsTests {
    private func node(_ id: String, _ position: Position?) -> Node {
        var node = Fixtures.node(id)
        node.position = position
        return node
    }

    private let geographic = Position.geographic(latitude: Quantity(48.2, .degree), longitude: Quantity(16.37, .degree))
    private let planar = Position.planar(x: Quantity(10, .kilometre), y: Quantity(0, .kilometre))

    private func nodes(_ positions: [Position?]) -> [Node] {
        positions.enumerated().map { node("N\($0.offset)", $0.element) }
    }

    @Test("one planar node among geographic ones: a warning at its position, saying it is the only one")
    func onePlanarAmongGeographic() throws {
        let warning = try #require(MixedPositionKinds.warning(nodes([geographic, nil, geographic, planar])))
        #expect(warning == Diagnostic(.warning, "node N3 has a planar {x, y} position, the only one, while 2 nodes have a "
            + "geographic {lat, lon} one: the two kinds share no origin, yet the map draws them on one plane, and no distance "
            + "between nodes of different kinds is known (a new link between them takes no length from the positions, nor "
            + "is its length checked against them): give every node the same kind of position", keyPath: "nodes[3].position"))
    }

    @Test("geographic nodes in the minority: the first of them is named, with how many")
    func geographicMinority() throws {
        let warning = try #require(MixedPositionKinds.warning(nodes([planar, planar, geographic, planar, geographic])))
        #expect(warning.keyPath == "nodes[2].position")
        #expect(warning.message.hasPrefix("node N2 has a geographic {lat, lon} position, the first of 2 nodes with one, "
            + "while 3 nodes have a planar {x, y} one"))
    }

    @Test("a tie names the first node whose kind differs from the first positioned node's")
    func tie() throws {
        #expect(try #require(MixedPositionKinds.warning(nodes([nil, planar, geographic]))).keyPath == "nodes[2].position")
        #expect(try #require(MixedPositionKinds.warning(nodes([geographic, planar, planar, geographic]))).keyPath
            == "nodes[1].position")
    }

    @Test("one kind, or none, gives no warning")
    func oneKind() {
        #expect(MixedPositionKinds.warning(nodes([planar, planar, nil])) == nil)
        #expect(MixedPositionKinds.warning(nodes([geographic, geographic])) == nil)
        #expect(MixedPositionKinds.warning(nodes([nil, nil])) == nil)
        #expect(MixedPositionKinds.warning([]) == nil)
    }

    @Test("the plan lists it once, first, and it does not fail planning")
    func inThePlan() throws {
        let topology = Fixtures.topology(nodes: nodes([geographic, planar, geographic]),
                                         links: [Fixtures.fiber("L1", "N0", "N1", km: 20), Fixtures.fiber("L2", "N1", "N2", km: 20)])
        let plan = Planner().plan(topology)
        let mixed = plan.diagnostics.filter { $0.message.contains("share no origin") }
        #expect(mixed.count == 1 && plan.diagnostics.first == mixed.first)
        #expect(plan.links.allSatisfy { $0.keyRateBps > 0 })
    }
}
