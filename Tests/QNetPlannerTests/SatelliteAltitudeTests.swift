import Foundation
import Testing
import QNetModel
@testable import QNetPlanner

/// A satellite's altitude: none gives 500 km with a warning, one below the lowest orbit (about 160 km, Encyclopaedia
/// Britannica, "low Earth orbit") a warning at the node, listed once however many links it has.
@Suite struct SatelliteAltitudeTests {
    let planner = Planner()

    private func relay(altitudeKm: Double?) -> Topology {
        var satellite = Fixtures.node("S", .satellite)
        satellite.altitude = altitudeKm.map { Quantity($0, .kilometre) }
        let links = ["A", "B"].map { ground -> Link in
            var link = Link(id: Identifier("S-\(ground)"), from: "S", to: Identifier(ground), medium: .satellite)
            link.pass = SatellitePass()
            return link
        }
        return Fixtures.topology(nodes: [satellite, Fixtures.node("A"), Fixtures.node("B")], links: links)
    }

    @Test("a satellite below the lowest orbit is warned about at its altitude, once (QA: altitude 50 km)")
    func belowTheLowestOrbit() throws {
        let plan = planner.plan(relay(altitudeKm: 50))
        let warnings = plan.diagnostics.filter { $0.keyPath == "nodes[0].altitude" }
        #expect(warnings.count == 1)
        let warning = try #require(warnings.first)
        #expect(warning.severity == .warning && warning.message.contains("below the lowest orbit, about 160 km"))
        #expect(warning.message.contains("Britannica"))
        #expect(plan.links.allSatisfy { $0.diagnostics.contains(warning) })
    }

    @Test("a satellite in orbit gets no altitude warning; one with no altitude gets one, once")
    func inOrbitOrMissing() {
        for altitude in [160.0, 500, 35_786] {
            #expect(planner.plan(relay(altitudeKm: altitude)).diagnostics.allSatisfy { $0.keyPath != "nodes[0].altitude" })
        }
        #expect(planner.plan(relay(altitudeKm: nil)).diagnostics.filter { $0.keyPath == "nodes[0].altitude" }.count == 1)
    }
}
