import Foundation

/// Conversions between a transmittance (0...1) and a loss in decibels.
///
/// Loss in dB = −10·log10 η, η = 10^(−dB/10) (the usual optical-power
/// decibel; physics.md, notation).
public enum Decibel {
    /// Loss in dB of a transmittance: −10·log10 η.
    ///
    /// Domain: η ≥ 0; η ≤ 0 (nothing gets through) gives `+infinity`, η > 1
    /// (gain) a negative loss. Units: η dimensionless, result dB.
    /// Source: definition of the decibel for optical power (physics.md, notation).
    public static func loss(transmittance: Double) -> Double {
        guard transmittance > 0 else { return .infinity }
        return -10 * log10(transmittance)
    }

    /// Transmittance of a loss given in dB: 10^(−dB/10).
    ///
    /// Domain: any dB; `+infinity` gives 0, negative dB a gain above 1.
    /// Source: definition of the decibel for optical power (physics.md, notation).
    public static func transmittance(loss dB: Double) -> Double {
        pow(10, -dB / 10)
    }
}
