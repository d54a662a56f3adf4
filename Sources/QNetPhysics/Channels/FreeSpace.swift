import Foundation

/// Gaussian-beam diffraction, aperture collection and pointing loss.
public enum GaussianBeam {
    /// Rayleigh range zR = π·w0²/λ of a Gaussian beam.
    ///
    /// Units: waist radius w0 (1/e² intensity) and wavelength λ in metres,
    /// result in metres. Domain: w0 ≥ 0, λ > 0.
    /// Source: Siegman, Lasers (1986), Ch. 17 (Gaussian beam propagation); Andrews & Phillips,
    /// Laser Beam Propagation through Random Media, 2nd ed. (2005), Ch. 4.
    public static func rayleighRange(waist: Double, wavelength: Double) -> Double {
        Double.pi * waist * waist / wavelength
    }

    /// Beam radius w(L) = w0·sqrt(1 + (L/zR)²) at a distance from the waist.
    ///
    /// Units: metres throughout (w0 and w are 1/e² intensity radii).
    /// Domain: w0 > 0, λ > 0, L ≥ 0; w0 = 0 returns 0 (no beam).
    /// Source: Siegman, Lasers (1986), Ch. 17 (Gaussian beam propagation).
    public static func radius(waist: Double, wavelength: Double, distance: Double) -> Double {
        guard waist > 0 else { return 0 }
        let ratio = distance / rayleighRange(waist: waist, wavelength: wavelength)
        return waist * sqrt(1 + ratio * ratio)
    }

    /// Fraction of a centred Gaussian beam collected by a circular aperture: 1 − exp(−2a²/w²).
    ///
    /// Units: aperture RADIUS a and beam radius w (1/e² intensity) in metres,
    /// result dimensionless. Domain: a ≥ 0; w ≤ 0 (a point beam) gives 1 for a > 0.
    /// Source: Siegman, Lasers (1986), Ch. 17, power through a circular
    /// aperture; physics.md §1.
    public static func apertureCollection(apertureRadius: Double, beamRadius: Double) -> Double {
        guard apertureRadius > 0 else { return 0 }
        guard beamRadius > 0 else { return 1 }
        let x = apertureRadius / beamRadius
        return -expm1(-2 * x * x)
    }

    /// Mean pointing transmittance under Gaussian jitter: 1/(1 + 4σ²L²/w²).
    ///
    /// The on-axis intensity exp(−2r²/w²) averaged over a Rayleigh-distributed
    /// offset r whose per-axis rms is σ·L. Units: σ the per-axis rms pointing
    /// error in rad, L and the beam radius w (1/e², at the receiver) in m.
    /// Valid for an aperture much smaller than w. Domain: σ ≥ 0, w > 0;
    /// w ≤ 0 gives 1 when σ·L = 0, else 0.
    /// Source: the Rayleigh average of the Gaussian profile, as in Vasylyev,
    /// Semenov, Vogel, PRL 108, 220501 (2012) (beam wandering); physics.md §1.
    public static func pointingTransmittance(jitter: Double, distance: Double, beamRadius: Double) -> Double {
        let offset = jitter * distance
        guard beamRadius > 0 else { return offset == 0 ? 1 : 0 }
        let ratio = offset / beamRadius
        return 1 / (1 + 4 * ratio * ratio)
    }
}
