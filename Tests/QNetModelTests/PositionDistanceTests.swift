import Foundation
import Testing
@testable import QNetModel

/// Distances between positions: straight between planar ones, the great circle (haversine, Sinnott 1984) and its chord
/// between geographic ones, none between one of each. Expected values follow from spherical geometry on the mean radius.
@Suite("Distances between positions")
struct PositionDistanceTests {
    private func geographic(_ lat: Double, _ lon: Double) -> Position {
        .geographic(latitude: Quantity(lat, .degree), longitude: Quantity(lon, .degree))
    }

    private func planar(_ x: Double, _ y: Double, _ unit: QNetModel.Unit = .kilometre) -> Position {
        .planar(x: Quantity(x, unit), y: Quantity(y, unit))
    }

    @Test("planar positions are lengths: 3-4-5 km, in any unit of length, the same both ways")
    func planarIsEuclidean() throws {
        let distance = try #require(planar(0, 0).groundDistance(to: planar(3, 4)))
        #expect(abs(distance - 5000) < 1e-9)
        #expect(planar(0, 0, .metre).groundDistance(to: planar(3000, 4000, .metre)) == distance)
        #expect(planar(3, 4).lineOfSightDistance(to: planar(0, 0)) == distance)
    }

    @Test("a quarter of the equator: the great circle is R·π/2, the line of sight its chord R·√2")
    func quarterOfTheEquator() throws {
        let (a, b) = (geographic(0, 0), geographic(0, 90))
        let ground = try #require(a.groundDistance(to: b))
        let chord = try #require(a.lineOfSightDistance(to: b))
        #expect(abs(ground - Position.earthRadius * .pi / 2) < 1e-6)
        #expect(abs(chord - Position.earthRadius * 2.0.squareRoot()) < 1e-6)
    }

    @Test("0.27 deg along a meridian is 30.02 km (the QA tester's two nodes); the chord is shorter by d³/(24R²)")
    func alongAMeridian() throws {
        let (a, b) = (geographic(48.2, 16.37), geographic(48.47, 16.37))
        let ground = try #require(a.groundDistance(to: b))
        #expect(abs(ground - Position.earthRadius * 0.27 * .pi / 180) < 1e-6)
        let chord = try #require(b.lineOfSightDistance(to: a))
        #expect(abs((ground - chord) - pow(ground, 3) / (24 * pow(Position.earthRadius, 2))) < 1e-6)
    }

    @Test("antipodes are half a circumference apart, not NaN")
    func antipodes() throws {
        let ground = try #require(geographic(0, 0).groundDistance(to: geographic(0, 180)))
        #expect(abs(ground - Position.earthRadius * .pi) < 1e-3)
    }

    @Test("a planar and a geographic position share no origin: no distance")
    func mixedHaveNone() {
        #expect(planar(0, 0).groundDistance(to: geographic(0, 0)) == nil)
        #expect(geographic(0, 0).groundDistance(to: planar(0, 0)) == nil)
        #expect(planar(0, 0).lineOfSightDistance(to: geographic(0, 0)) == nil)
        #expect(geographic(0, 0).lineOfSightDistance(to: planar(0, 0)) == nil)
        #expect(planar(1, 2).isPlanar && !geographic(1, 2).isPlanar)
    }
}
