import Foundation

/// Optical fibre: attenuation and chromatic-dispersion broadening.
public enum Fiber {
    /// Loss in dB of a fibre span: α·L.
    ///
    /// Units: `length` in metres, α in dB/km, result in dB; α ≈ 0.2 dB/km for
    /// G.652 fibre at 1550 nm, 0.16–0.17 ultra-low-loss, ≈ 0.35 at 1310 nm.
    /// Domain: length ≥ 0, α ≥ 0. Transmittance: `Decibel.transmittance(loss:)`.
    /// Source: ITU-T G.652 (attenuation coefficient); physics.md §1.
    public static func lossDB(length: Double, attenuationDBPerKm: Double) -> Double {
        attenuationDBPerKm * length / 1000
    }

    /// Pulse spread from chromatic dispersion: Δt = |D|·L·Δλ, a FWHM in seconds.
    ///
    /// Units: dispersion D in s/m² (17 ps/(nm·km) = 17e-6 s/m²), length L in m,
    /// source linewidth Δλ in m (FWHM); the result is the FWHM spread in s and
    /// adds in quadrature to the other jitters (`Timing.totalSigma(fwhms:)`).
    /// Domain: L ≥ 0, Δλ ≥ 0; the sign of D is ignored. First-order
    /// (group-velocity) dispersion of a source whose linewidth dominates its
    /// transform limit.
    /// Source: Agrawal, Fiber-Optic Communication Systems, 4th ed. (2010),
    /// Sec. 2.3 (group-velocity dispersion), ΔT = D·L·Δλ; D ≈ 17 ps/(nm·km) for G.652 at 1550 nm.
    public static func dispersionSpread(dispersion: Double, length: Double, linewidth: Double) -> Double {
        abs(dispersion) * length * linewidth
    }
}
