import Foundation

extension SatelliteGeometry {
    /// Geocentric gravitational constant GM of the Earth: 3.986004418e14 m³/s².
    ///
    /// Source: IERS Conventions (2010), IERS Technical Note 36, Table 1.1 (GM⊕, the WGS 84 value).
    public static let gravitationalParameter: Double = 3.986004418e14

    /// Angular speed ω = sqrt(GM/(R + h)³) of a circular orbit at altitude h.
    ///
    /// Units: h in m, result in rad/s (about 1.108e-3 rad/s, a 94.5 min
    /// period, at 500 km). Domain: h > −R; at h ≤ −R it returns 0.
    /// Source: Kepler's third law for a circular two-body orbit, Vallado,
    /// Fundamentals of Astrodynamics and Applications, 4th ed. (2013), Sec. 1.3.
    public static func orbitalAngularSpeed(altitude: Double) -> Double {
        let radius = earthRadius + altitude
        guard radius > 0 else { return 0 }
        return sqrt(gravitationalParameter / (radius * radius * radius))
    }

    /// Earth-central angle γ = arccos(R·cos ε/(R + h)) − ε between a station and a satellite at altitude h seen at elevation ε.
    ///
    /// Units: h in m, ε in rad, result in rad (0 at zenith). Domain: h ≥ 0,
    /// 0 ≤ ε ≤ π/2 (ε is clamped to that range).
    /// Source: the Earth-centre/station/satellite triangle (spherical Earth,
    /// R = 6371 km), as in SatQuMA's `get_xi_from_theta` (Sidhu et al.,
    /// cnqo-qcomms/SatQuMA, channel/orbital/circular_polarorbit.py).
    public static func centralAngle(altitude: Double, elevation: Double) -> Double {
        let e = min(Double.pi / 2, max(0, elevation))
        let ratio = earthRadius * cos(e) / (earthRadius + altitude)
        return acos(min(1, max(-1, ratio))) - e
    }

    /// Elevation ε = atan2((R + h)·cos γ − R, (R + h)·sin γ) of a satellite at altitude h and Earth-central angle γ from the station.
    ///
    /// The inverse of `centralAngle(altitude:elevation:)`. Units: h in m, γ
    /// in rad, result in rad; negative below the horizon. Domain: h ≥ 0, γ ≥ 0.
    /// Source: the Earth-centre/station/satellite triangle (spherical Earth).
    public static func elevation(altitude: Double, centralAngle: Double) -> Double {
        let radius = earthRadius + altitude
        return atan2(radius * cos(centralAngle) - earthRadius, radius * sin(centralAngle))
    }

    /// Slant range d = sqrt(R² + (R + h)² − 2·R·(R + h)·cos γ) to a satellite at altitude h and Earth-central angle γ.
    ///
    /// Units: h in m, γ in rad, result in m (h at γ = 0). Domain: h ≥ 0.
    /// Source: law of cosines in the Earth-centre/station/satellite triangle.
    public static func slantRange(altitude: Double, centralAngle: Double) -> Double {
        let radius = earthRadius + altitude
        let square = earthRadius * earthRadius + radius * radius - 2 * earthRadius * radius * cos(centralAngle)
        return sqrt(max(0, square))
    }
}

/// One pass of a satellite in a circular orbit over a ground station, on a spherical Earth that does not rotate.
///
/// The ground station lies at Earth-central angle γ0 from the orbital plane
/// (the ground track's offset), fixed by the pass's highest elevation:
/// γ0 = `centralAngle(altitude: h, elevation: maxElevation)`. With t the time
/// from culmination and ω the orbital angular speed, the central angle to the
/// satellite is cos γ(t) = cos γ0 · cos(ω·t) (spherical right triangle), from
/// which the elevation and slant range follow. The pass is symmetric in t; it
/// is usable while the elevation is at least `minElevation`, for
/// 2·arccos(cos γ(ε_min)/cos γ0)/ω. The Earth's rotation is neglected: the
/// station moves at ≤ 0.47 km/s against a ground track of ≈ 7 km/s in LEO, up
/// to ≈ 7 % on the duration for an equatorial orbit over an equatorial
/// station, under 1 % for near-polar (sun-synchronous) orbits.
/// Source: circular two-body orbit and spherical trigonometry, as in SatQuMA
/// (Sidhu et al., npj Quantum Inf. 8, 18 (2022); cnqo-qcomms/SatQuMA,
/// channel/orbital/circular_polarorbit.py: `satCoords`, `tMax`).
public struct SatellitePassGeometry: Sendable, Hashable {
    /// Orbital altitude h above the spherical Earth, m.
    public let altitude: Double
    /// Highest elevation of the pass (at culmination), rad, in 0...π/2.
    public let maxElevation: Double
    /// Lowest elevation at which the link is used, rad, in 0...π/2.
    public let minElevation: Double
    /// Earth-central angle between the station and the orbital plane, rad.
    public let trackOffset: Double
    /// Orbital angular speed ω, rad/s.
    public let angularSpeed: Double
    /// Time from culmination until the elevation falls to `minElevation`, s; 0 when the pass never reaches it.
    public let halfDuration: Double

    /// The pass of a satellite at `altitude` (m) whose highest elevation is `maxElevation`, used above `minElevation` (rad).
    ///
    /// Elevations are clamped to 0...π/2 and the altitude to ≥ 0. A pass whose
    /// highest elevation is below its lowest usable one has no usable time.
    public init(altitude: Double, maxElevation: Double, minElevation: Double) {
        let h = max(0, altitude)
        self.altitude = h
        self.maxElevation = min(Double.pi / 2, max(0, maxElevation))
        self.minElevation = min(Double.pi / 2, max(0, minElevation))
        trackOffset = SatelliteGeometry.centralAngle(altitude: h, elevation: self.maxElevation)
        angularSpeed = SatelliteGeometry.orbitalAngularSpeed(altitude: h)
        let edge = SatelliteGeometry.centralAngle(altitude: h, elevation: self.minElevation)
        if self.maxElevation >= self.minElevation, angularSpeed > 0 {
            halfDuration = acos(min(1, cos(edge) / cos(trackOffset))) / angularSpeed
        } else {
            halfDuration = 0
        }
    }

    /// Time above `minElevation`, s.
    public var duration: Double { 2 * halfDuration }

    /// Earth-central angle between the station and the satellite `time` seconds from culmination, rad.
    public func centralAngle(at time: Double) -> Double {
        acos(min(1, max(-1, cos(trackOffset) * cos(angularSpeed * time))))
    }

    /// Elevation `time` seconds from culmination, rad (negative below the horizon).
    public func elevation(at time: Double) -> Double {
        SatelliteGeometry.elevation(altitude: altitude, centralAngle: centralAngle(at: time))
    }

    /// Slant range `time` seconds from culmination, m.
    public func slantRange(at time: Double) -> Double {
        SatelliteGeometry.slantRange(altitude: altitude, centralAngle: centralAngle(at: time))
    }

    /// Times from culmination to the end of the usable pass in `intervals` equal steps (rounded up to even): 0 … `halfDuration`.
    public func halfPassTimes(intervals: Int) -> [Double] {
        let n = Quadrature.evenIntervals(intervals)
        return (0...n).map { halfDuration * Double($0) / Double(n) }
    }

    /// ∫ over the whole usable pass of a quantity sampled at `halfPassTimes(intervals:)`.
    ///
    /// Twice the composite Simpson integral over the half pass (the pass is
    /// symmetric about culmination). Units: the samples' unit times seconds
    /// (a key rate in bit/s gives bits). Fewer than 3 samples give 0.
    /// Source: Press et al., Numerical Recipes, 3rd ed. (2007), Sec. 4.2.
    public func integrate(halfPassSamples samples: [Double]) -> Double {
        zip(halfPassWeights(count: samples.count), samples).reduce(0) { $0 + $1.0 * $1.1 }
    }

    /// The seconds of the whole pass each of `count` samples at `halfPassTimes` stands for: the weights of
    /// `integrate(halfPassSamples:)` (twice Simpson's h/3·(1, 4, 2, …, 4, 1), an odd last panel by the trapezoid).
    ///
    /// They add up to `duration`; a rate in 1/s at each sample times its weight counts events over the
    /// pass. Fewer than 3 samples give weights of 0. Source: Press et al., Numerical Recipes, 3rd ed. (2007), Sec. 4.2.
    public func halfPassWeights(count: Int) -> [Double] {
        guard count >= 3 else { return Array(repeating: 0, count: max(0, count)) }
        return Quadrature.simpsonWeights(count: count, step: halfDuration / Double(count - 1)).map { 2 * $0 }
    }
}
