import Foundation

/// Ground-to-satellite geometry over a spherical Earth.
public enum SatelliteGeometry {
    /// Mean Earth radius used by every satellite formula: 6 371 000 m.
    public static let earthRadius: Double = 6_371_000

    /// Slant range d = sqrt((R + h)² − R²·cos²ε) − R·sin ε to a satellite at altitude h seen at elevation ε.
    ///
    /// Units: altitude h in m, elevation ε in rad, result in m. Domain: h ≥ 0,
    /// −π/2 ≤ ε ≤ π/2 (ε = π/2 gives h; ε = 0 the horizon range).
    /// Source: law of cosines in the Earth-centre/station/satellite triangle
    /// (spherical Earth, R = 6371 km); physics.md §1.
    public static func slantRange(altitude: Double, elevation: Double) -> Double {
        let r = earthRadius
        let orbit = r + altitude
        let cosE = cos(elevation)
        return sqrt(orbit * orbit - r * r * cosE * cosE) - r * sin(elevation)
    }

    /// Elevation ε at which a satellite at altitude h is seen at slant range d: sin ε = ((R + h)² − R² − d²)/(2·R·d).
    ///
    /// The inverse of `slantRange(altitude:elevation:)`. Units: h and d in m,
    /// result in rad. Domain: h ≤ d ≤ sqrt((R + h)² − R²) for ε in [0, π/2];
    /// outside, sin ε is clamped to [−1, 1]. d ≤ 0 returns π/2.
    /// Source: law of cosines in the Earth-centre/station/satellite triangle.
    public static func elevation(altitude: Double, slantRange: Double) -> Double {
        guard slantRange > 0 else { return Double.pi / 2 }
        let r = earthRadius
        let orbit = r + altitude
        let sine = (orbit * orbit - r * r - slantRange * slantRange) / (2 * r * slantRange)
        return asin(min(1, max(-1, sine)))
    }
}
