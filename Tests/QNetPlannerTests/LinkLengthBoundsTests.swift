import Testing
import QNetModel
@testable import QNetPlanner

/// QA: `length: 1e30 km` planned as 1e+30 km of fiber, its loss capped at 1e6 dB, and its no-key reason blamed jitter;
/// a length no link of its medium can have is now an error at the length, and a budget line shows its whole loss.
@Suite struct LinkLengthBoundsTests {
    private func plan(_ links: [Link]) -> Plan {
        var satellite = Fixtures.node("S", .satellite)
        satellite.altitude = Quantity(500, .kilometre)
        var second = Fixtures.node("S2", .satellite)
        second.altitude = Quantity(500, .kilometre)
        return Planner().plan(Fixtures.topology(nodes: [Fixtures.node("A"), Fixtures.node("B"), satellite, second], links: links))
    }

    private func lengthErrors(_ planned: Plan) -> [Diagnostic] {
        planned.diagnostics.filter { $0.severity == .error && $0.keyPath?.hasSuffix(".length") == true }
    }

    @Test func aFiberLongerThanTheEarthsCircumferenceIsAnErrorAndHasNoKey() {
        let planned = plan([Fixtures.fiber("L", "A", "B", km: 1e30), Fixtures.fiber("OK", "A", "B", km: 40_000)])
        let errors = lengthErrors(planned)
        #expect(errors.map(\.keyPath) == ["links[0].length"])
        #expect(errors.first?.message == "length 1e+30 km is longer than a fiber link can be: at most 40075 km, "
                + "Earth's circumference (WGS-84 equator): no fiber on Earth need be longer")
        #expect(planned.links[0].keyRateBps == 0 && planned.links[0].noKeyReason == errors.first?.message)
    }

    /// The budget line and the link's loss agree: 1e30 km x 0.2 dB/km is 2e29 dB on both, not a cap of 1e6 dB.
    @Test func theBudgetLineShowsTheRealLossAndTheTotalAgrees() throws {
        let link = try #require(plan([Fixtures.fiber("L", "A", "B", km: 1e30)]).links.first)
        #expect(abs(link.lossBudget[0].db / 2e29 - 1) < 1e-12)
        #expect(link.lossDB == link.lossBudget.reduce(0) { $0 + $1.db })
    }

    /// Terrestrial line of sight: two ends on Everest's 8,849 m under 4/3-Earth refraction see
    /// 2·sqrt((R' + h)² − R'²) = 775.7 km apart (R' = 4/3 × 6371 km); between two satellites at 500 km,
    /// 2·sqrt(6871² − 6371²) = 5146 km.
    @Test func aFreeSpaceLinkBeyondTheLineOfSightIsAnError() {
        let far = Link(id: "F", from: "A", to: "B", medium: .freeSpace, length: Quantity(800, .kilometre))
        let near = Link(id: "N", from: "A", to: "B", medium: .freeSpace, length: Quantity(770, .kilometre))
        let inOrbit = Link(id: "ISL", from: "S", to: "S2", medium: .freeSpace, length: Quantity(5100, .kilometre))
        let beyond = Link(id: "ISL2", from: "S2", to: "S", medium: .freeSpace, length: Quantity(5200, .kilometre))
        let errors = lengthErrors(plan([far, near, inOrbit, beyond]))
        #expect(errors.map(\.keyPath) == ["links[0].length", "links[3].length"])
        #expect(errors.first?.message.hasPrefix("length 800 km is longer than a free-space link can be: at most 775.67 km") == true)
        #expect(errors.last?.message.hasPrefix("length 5200 km is longer than a free-space link can be: at most 5146.3 km") == true)
    }

    /// A satellite at 500 km sets below the horizon at a slant range of sqrt(6871² − 6371²) = 2573 km.
    @Test func aSatelliteSlantRangeBeyondTheHorizonIsAnError() {
        var beyond = Link(id: "SA", from: "S", to: "A", medium: .satellite, length: Quantity(3000, .kilometre))
        beyond.wavelength = Quantity(850, .nanometre)
        var inView = beyond
        inView.id = "SB"
        inView.length = Quantity(2500, .kilometre)
        let planned = plan([beyond, inView])
        let errors = lengthErrors(planned)
        #expect(errors.map(\.keyPath) == ["links[0].length"])
        #expect(errors.first?.message.hasPrefix("length 3000 km is longer than a satellite link can be: at most 2573.1 km, "
                                                + "the slant range at 0 deg elevation from 500 km") == true)
        #expect(planned.links[0].keyRateBps == 0)
    }
}
