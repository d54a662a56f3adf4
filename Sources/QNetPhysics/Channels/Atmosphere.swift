import Foundation

/// Atmospheric extinction along horizontal and slant paths.
public enum Atmosphere {
    /// Transmittance of a horizontal path with uniform extinction: 10^(−β·d/10).
    ///
    /// Units: β in dB/km (clear air ≈ 0.1–0.5 at 800–1550 nm), distance d in
    /// metres. Domain: β ≥ 0, d ≥ 0.
    /// Source: Beer–Lambert law in decibels; physics.md §1.
    public static func transmittance(attenuationDBPerKm: Double, distance: Double) -> Double {
        Decibel.transmittance(loss: attenuationDBPerKm * distance / 1000)
    }

    /// Kasten–Young relative airmass: AM = 1/(sin ε + 0.50572·(ε° + 6.07995°)^−1.6364).
    ///
    /// The paper writes it with the zenith angle z = 90° − ε as
    /// 1/(cos z + 0.50572·(96.07995° − z)^−1.6364), z in degrees; here the
    /// elevation ε is in radians and converted. AM = 1 at zenith, ≈ 5.6 at 10°,
    /// ≈ 38 at the horizon; it agrees with the plane-parallel 1/sin ε above
    /// ≈ 30°. Domain: 0 ≤ ε ≤ π/2; below the horizon (ε < 0) it returns
    /// `+infinity` (no line of sight).
    /// Source: Kasten, Young, Appl. Opt. 28, 4735 (1989), their fitted airmass
    /// formula (the paper's main result).
    public static func airmass(elevation: Double) -> Double {
        guard elevation >= 0 else { return .infinity }
        let degrees = min(elevation, Double.pi / 2) * 180 / Double.pi
        return 1 / (sin(elevation) + 0.50572 * pow(degrees + 6.07995, -1.6364))
    }

    /// Slant-path transmittance T_zenith^AM with the Kasten–Young airmass.
    ///
    /// Units: zenith transmittance dimensionless (0...1), elevation in rad.
    /// Domain: as `airmass(elevation:)`; below the horizon gives 0.
    /// Source: Beer–Lambert law scaled by airmass, Kasten, Young, Appl. Opt. 28,
    /// 4735 (1989); physics.md §1 (satellite).
    public static func slantTransmittance(zenithTransmittance: Double, elevation: Double) -> Double {
        let mass = airmass(elevation: elevation)
        guard mass.isFinite else { return 0 }
        return pow(zenithTransmittance, mass)
    }
}
