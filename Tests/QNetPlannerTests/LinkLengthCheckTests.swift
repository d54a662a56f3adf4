import Foundation
import QNetModel
import Testing
@testable import QNetPlanner

/// A fiber or free-space link shorter than the distance between its ground ends' positions gets a warning at its
/// length, naming both figures (QA: a 0 km fiber between nodes 30 km apart was planned without a word). Allowed:
/// 1 % of the distance or 0.5 km, the larger (`PlanningDefaults.lengthBelowDistance`, `…Floor`).
@Suite struct LinkLengthCheckTests {
    private func node(_ id: String, _ position: Position?, _ kind: NodeKind = .endpoint) -> Node {
        var node = Fixtures.node(id, kind)
        node.position = position
        return node
    }

    private func geographic(_ lat: Double, _ lon: Double) -> Position {
        .geographic(latitude: Quantity(lat, .degree), longitude: Quantity(lon, .degree))
    }

    private func planar(_ xKm: Double, _ yKm: Double = 0) -> Position {
        .planar(x: Quantity(xKm, .kilometre), y: Quantity(yKm, .kilometre))
    }

    /// A —L1— B with `a` and `b` as positions, L1 of `km` over `medium`.
    private func pair(_ a: Position?, _ b: Position?, km: Double, medium: Medium = .fiber) -> Topology {
        var link = Fixtures.fiber("L1", "A", "B", km: km)
        link.medium = medium
        return Fixtures.topology(nodes: [node("A", a), node("B", b)], links: [link])
    }

    private func lengthWarnings(_ plan: Plan) -> [Diagnostic] {
        plan.diagnostics.filter { $0.message.contains("shorter than the") }
    }

    /// The QA tester's nodes: 0.27 deg apart along a meridian, 30.02 km on the mean sphere.
    private let north = 48.47, south = 48.2

    @Test("QA: a 0 km fiber between nodes 30.02 km apart is warned about at its length, with both figures and the likely cause")
    func zeroKilometreFiber() throws {
        let plan = Planner().plan(pair(geographic(south, 16.37), geographic(north, 16.37), km: 0))
        let warning = try #require(lengthWarnings(plan).first)
        #expect(lengthWarnings(plan).count == 1)
        #expect(warning.severity == .warning && warning.keyPath == "links[0].length")
        #expect(warning.message.hasPrefix("link L1 is 0 km long, shorter than the 30.02 km great-circle distance between A and B "
            + "(nodes[0].position, nodes[1].position), which a fiber cannot be: most likely a typo in the length, or a node in "
            + "the wrong place (up to 1 % or 0.5 km shorter, the larger, is allowed: docs/format-choices.md, Positions)"))
        #expect(plan.links[0].diagnostics.first == warning, "shown first with the link")
    }

    @Test("at 30.02 km the 0.5 km floor counts (1 % would be 0.30 km): 29.53 km passes, 29.51 km is warned about")
    func floorEdge() {
        let distance = Position.earthRadius * 0.27 * .pi / 180 / 1000
        #expect(abs(distance - 30.0227) < 1e-4)
        let (a, b) = (geographic(south, 16.37), geographic(north, 16.37))
        #expect(lengthWarnings(Planner().plan(pair(a, b, km: 29.53))).isEmpty)
        #expect(lengthWarnings(Planner().plan(pair(a, b, km: 29.51))).count == 1)
        #expect(lengthWarnings(Planner().plan(pair(a, b, km: 42))).isEmpty, "a fiber longer than the great circle is usual")
    }

    @Test("at 100 km the 1 % counts: 99 km passes, 98.99 km is warned about (planar positions are lengths, straight line)")
    func fractionEdge() throws {
        #expect(lengthWarnings(Planner().plan(pair(planar(0), planar(60, 80), km: 99))).isEmpty)
        let plan = Planner().plan(pair(planar(0), planar(60, 80), km: 98.99))
        let warning = try #require(lengthWarnings(plan).first)
        #expect(warning.message.hasPrefix("link L1 is 98.99 km long, shorter than the 100 km straight-line distance"))
    }

    @Test("a free-space link is held to the line of sight, the chord under the great circle")
    func freeSpaceLineOfSight() throws {
        let (a, b) = (geographic(0, 0), geographic(0, 20))
        let chord = try #require(a.lineOfSightDistance(to: b)), arc = try #require(a.groundDistance(to: b))
        let plan = Planner().plan(pair(a, b, km: 100, medium: .freeSpace))
        let warning = try #require(lengthWarnings(plan).first)
        #expect(warning.message.contains("\(Format.km(chord)) line-of-sight distance") && !warning.message.contains(Format.km(arc)))
        #expect(warning.message.contains("which a free-space beam cannot be"))
    }

    @Test("no warning without two positions of one kind, on a satellite link, or at a satellite node")
    func notChecked() {
        #expect(lengthWarnings(Planner().plan(pair(nil, geographic(north, 16.37), km: 0))).isEmpty)
        #expect(lengthWarnings(Planner().plan(pair(planar(0), geographic(north, 16.37), km: 0))).isEmpty, "no common origin")

        var satellite = node("S", geographic(south, 16.37), .satellite)
        satellite.altitude = Quantity(500, .kilometre)
        let downlink = Link(id: "S1", from: "S", to: "B", medium: .satellite, length: Quantity(600, .kilometre))
        var beam = Fixtures.fiber("F1", "S", "B", km: 0)
        beam.medium = .freeSpace
        let topology = Fixtures.topology(nodes: [satellite, node("B", geographic(north, 16.37))], links: [downlink, beam])
        #expect(lengthWarnings(Planner().plan(topology)).isEmpty)
    }

    @Test("the plan lists ten and counts the rest; every link keeps its own")
    func capped() {
        var nodes = [node("H", planar(0))]
        var links: [Link] = []
        for index in 0..<25 {
            nodes.append(node("N\(index)", planar(0, 10 + Double(index))))
            links.append(Fixtures.fiber("L\(index)", "H", "N\(index)", km: 1))
        }
        let plan = Planner().plan(Fixtures.topology(nodes: nodes, links: links))
        let listed = lengthWarnings(plan)
        #expect(listed.count == LinkLengthCheck.listed + 1)
        #expect(listed.last == Diagnostic(.warning, "15 more links are shorter than the distance between their ends' positions "
            + "(each link's entry says by how much)"))
        #expect(plan.links.allSatisfy { link in link.diagnostics.contains { $0.keyPath?.hasSuffix(".length") == true } })
    }

    @Test("a re-plan after a node moves warns, and after it moves back does not (the check is part of the link's inputs)")
    func followsEdits() {
        let session = PlanningSession()
        var topology = pair(planar(0), planar(30), km: 31)
        #expect(lengthWarnings(session.plan(topology)).isEmpty)
        topology.nodes[1].position = planar(40)
        #expect(lengthWarnings(session.plan(topology)).count == 1)
        topology.nodes[1].position = planar(30)
        #expect(lengthWarnings(session.plan(topology)).isEmpty)
        topology.links[0].length = Quantity(3, .kilometre)
        #expect(lengthWarnings(session.plan(topology)).count == 1)
    }
}
