import Foundation

/// Gaussian timing jitter: windows, inter-symbol leakage, repetition rate.
public enum Timing {
    /// FWHM of a Gaussian per unit standard deviation: 2·sqrt(2·ln 2) ≈ 2.35482.
    public static let fwhmPerSigma: Double = 2 * (2 * M_LN2).squareRoot()

    /// Combined standard deviation of independent Gaussian spreads given as FWHMs: sqrt(Σ FWHM_i²)/2.35482.
    ///
    /// Source, detector, dispersion and synchronisation jitters add in
    /// quadrature. Units: seconds in, seconds (σ) out. Domain: any FWHMs
    /// (signs ignored); an empty list gives 0.
    /// Source: variance of a sum of independent Gaussian variables; physics.md §2.
    public static func totalSigma(fwhms: [Double]) -> Double {
        var sumOfSquares = 0.0
        for fwhm in fwhms { sumOfSquares += fwhm * fwhm }
        return sumOfSquares.squareRoot() / fwhmPerSigma
    }

    /// Fraction of a Gaussian pulse inside a window centred on it: erf(τ_w/(2·√2·σ)).
    ///
    /// Units: window τ_w and σ in seconds. Domain: τ_w ≤ 0 gives 0; σ ≤ 0 (no
    /// jitter) with τ_w > 0 gives 1.
    /// Source: integral of the normal density over [−τ_w/2, τ_w/2]
    /// (Abramowitz, Stegun (1964), Eq. 7.1.1 and 26.2.2); physics.md §2.
    public static func windowFraction(window: Double, sigma: Double) -> Double {
        guard window > 0 else { return 0 }
        guard sigma > 0 else { return 1 }
        return erf(window / (2 * 2.0.squareRoot() * sigma))
    }

    /// Fraction of the neighbouring slots' pulses leaking into the window: 1 − erf((T − τ_w/2)/(√2·σ)), clamped to 0...1.
    ///
    /// T = 1/f_rep is the slot width. erfc((T − τ_w/2)/(√2σ)) is the two tails
    /// (one from each neighbour) beyond the near window edge; it overcounts
    /// slightly as it ignores the far edge. Computed with `erfc` for accuracy in
    /// the tail. Units: seconds. Domain: σ ≤ 0 gives 0 when the window fits in
    /// the slot (T > τ_w/2), else 1.
    /// Source: physics.md §2 (time-bin encoding inter-symbol interference),
    /// Gaussian tail as in Abramowitz, Stegun (1964), Eq. 7.1.2.
    public static func interSymbolFraction(slot: Double, window: Double, sigma: Double) -> Double {
        let gap = slot - window / 2
        guard sigma > 0 else { return gap > 0 ? 0 : 1 }
        return min(1, max(0, erfc(gap / (2.0.squareRoot() * sigma))))
    }

    /// Highest useful repetition rate: 1/max(τ_w, 2·FWHM_tot).
    ///
    /// A slot must hold the detection window and the spread pulse. Units:
    /// window and FWHM in seconds, result in hertz. Domain: both ≤ 0 gives
    /// `+infinity` (no timing limit).
    /// Source: physics.md §2 (design rule of this project, not a published bound).
    public static func maxRepetitionRate(window: Double, totalFWHM: Double) -> Double {
        let slot = max(window, 2 * totalFWHM)
        guard slot > 0 else { return .infinity }
        return 1 / slot
    }
}
