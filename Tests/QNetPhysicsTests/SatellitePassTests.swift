import Foundation
import Testing

@testable import QNetPhysics

/// Satellite pass geometry against Liao et al. (Micius) and SatQuMA, from `Tests/validation/satellite-pass.yaml`.
@Suite("Satellite passes (Tests/validation/satellite-pass.yaml)")
struct SatellitePassTests {
    /// Model families this suite reproduces.
    static let families: Set<String> = ["channel/satellite-pass"]

    /// The pass a case describes: by its elevations, or by its closest and farthest slant ranges.
    static func geometry(_ row: CaseRow) throws -> SatellitePassGeometry {
        let h = try row.number("altitude_km") * 1000
        let degree = Double.pi / 180
        if let closest = row.optionalNumber("closest_range_km"), let farthest = row.optionalNumber("farthest_range_km") {
            return SatellitePassGeometry(
                altitude: h, maxElevation: SatelliteGeometry.elevation(altitude: h, slantRange: closest * 1000),
                minElevation: SatelliteGeometry.elevation(altitude: h, slantRange: farthest * 1000))
        }
        return SatellitePassGeometry(altitude: h, maxElevation: try row.number("max_elevation_deg") * degree,
                                     minElevation: try row.number("min_elevation_deg") * degree)
    }

    @Test("Pass duration, elevation over time", arguments: ValidationCases.rows(model: "channel/satellite-pass"))
    func pass(_ row: CaseRow) throws {
        let pass = try Self.geometry(row)
        var computed = ["duration_s": pass.duration, "half_duration_s": pass.halfDuration]
        if let time = row.optionalNumber("time_s") { computed["elevation_rad"] = pass.elevation(at: time) }
        row.check(computed)
    }

    @Test("Geometry: culmination, the pass's ends, and the inverse central angle")
    func geometryIsConsistent() {
        let degree = Double.pi / 180
        let pass = SatellitePassGeometry(altitude: 500_000, maxElevation: 60 * degree, minElevation: 10 * degree)
        #expect(abs(pass.elevation(at: 0) - 60 * degree) < 1e-12)
        #expect(abs(pass.elevation(at: pass.halfDuration) - 10 * degree) < 1e-9)
        #expect(abs(pass.elevation(at: -pass.halfDuration) - 10 * degree) < 1e-9)
        #expect(abs(pass.slantRange(at: 0) - SatelliteGeometry.slantRange(altitude: 500_000, elevation: 60 * degree)) < 1e-6)
        for elevation in stride(from: 0.0, through: 90.0, by: 7.5) {
            let gamma = SatelliteGeometry.centralAngle(altitude: 500_000, elevation: elevation * degree)
            #expect(abs(SatelliteGeometry.elevation(altitude: 500_000, centralAngle: gamma) - elevation * degree) < 1e-12)
        }
        // A 500 km orbit takes 94.5 min (Kepler, GM = 3.986004418e14 m^3/s^2).
        #expect(abs(2 * Double.pi / pass.angularSpeed / 60 - 94.47) < 0.01)
    }

    @Test("A pass that never rises above its lowest usable elevation has no usable time")
    func passBelowMinimum() {
        let pass = SatellitePassGeometry(altitude: 500_000, maxElevation: 0.1, minElevation: 0.2)
        #expect(pass.duration == 0)
        #expect(pass.integrate(halfPassSamples: pass.halfPassTimes(intervals: 8).map { _ in 1 }) == 0)
    }

    @Test("Integration over the pass: a constant integrates to its duration; Simpson converges")
    func integration() {
        let pass = SatellitePassGeometry(altitude: 500_000, maxElevation: 1.2, minElevation: 0.2)
        let times = pass.halfPassTimes(intervals: 32)
        #expect(times.count == 33 && times.first == 0 && times.last == pass.halfDuration)
        #expect(abs(pass.integrate(halfPassSamples: times.map { _ in 2 }) - 2 * pass.duration) < 1e-9)
        // 1/d^2, the far-field shape of a received rate, against a fine grid.
        func integral(_ n: Int) -> Double {
            pass.integrate(halfPassSamples: pass.halfPassTimes(intervals: n).map { 1e12 / pow(pass.slantRange(at: $0), 2) })
        }
        #expect(abs(integral(32) / integral(1024) - 1) < 1e-5)
        // An odd number of panels ends with a trapezoid: exact for a straight line (∫0^3 x dx = 4.5).
        let weights = Quadrature.simpsonWeights(count: 4, step: 1)
        #expect(abs(zip(weights, [0.0, 1, 2, 3]).reduce(0) { $0 + $1.0 * $1.1 } - 4.5) < 1e-12)
        #expect(weights == [1.0 / 3, 4.0 / 3, 1.0 / 3 + 0.5, 0.5])
    }
}
