import Testing
import QNetModel
@testable import QNetPlanner

/// Keys a link's medium does not use are warned about at their key, and a satellite link's length that cannot be a
/// slant range is an error: both were ignored without a word.
@Suite struct MediumKeysTests {
    private func plan(_ links: [Link]) -> Plan {
        var satellite = Fixtures.node("S", .satellite)
        satellite.altitude = Quantity(500, .kilometre)
        return Planner().plan(Fixtures.topology(nodes: [Fixtures.node("A"), Fixtures.node("B"), satellite], links: links))
    }

    private func satelliteLink(_ id: String, to ground: String) -> Link {
        var link = Link(id: Identifier(id), from: "S", to: Identifier(ground), medium: .satellite)
        link.wavelength = Quantity(850, .nanometre)
        return link
    }

    @Test func unusedKeysAreWarnedAboutWhereTheyAreWritten() {
        var fiber = Fixtures.fiber("F", "A", "B", km: 20)
        fiber.pass = SatellitePass()
        fiber.txAperture = Quantity(10, .centimetre)
        var satellite = satelliteLink("SA", to: "A")
        satellite.elevation = Quantity(40, .degree)
        satellite.length = Quantity(900, .kilometre)
        let warnings = plan([fiber, satellite]).diagnostics.filter { $0.message.contains("is not used on a") }
        #expect(warnings.map(\.keyPath) == ["links[0].pass", "links[0].tx_aperture", "links[1].length"])
        #expect(warnings.allSatisfy { $0.severity == .warning })
        #expect(warnings.last?.message == "length is not used on a satellite link (the range comes from its elevation and the "
                + "satellite's altitude): remove it, or change the medium")
    }

    @Test func aSatelliteLinksLengthBelowTheAltitudeIsAnError() {
        var short = satelliteLink("SA", to: "A")
        short.length = Quantity(50, .kilometre)
        var slant = satelliteLink("SB", to: "B")
        slant.length = Quantity(900, .kilometre)
        let errors = plan([short, slant]).diagnostics.filter { $0.severity == .error }
        #expect(errors.map(\.keyPath) == ["links[0].length"])
        #expect(errors.first?.message.hasPrefix("length 50 km is shorter than the satellite's altitude 500 km") == true)
    }
}
