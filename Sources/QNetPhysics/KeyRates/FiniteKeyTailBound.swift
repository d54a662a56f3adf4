import Foundation

/// The tail bound that turns each intensity's observed counts n_k into bounds n±_k on their expectations
/// (Lim et al., PRA 89, 022307 (2014), after Eq. (2); Yin et al., Sci. Rep. 10, 14312 (2020)).
///
/// Either way n−_k = e^k/p_k·(n_k − δ−_k) and n+_k = e^k/p_k·(n_k + δ+_k), each failing with ε_sec/21; only
/// δ±_k differ. Eqs. (2)–(4) of Lim et al. then use them unchanged.
public enum FiniteKeyTailBound: String, Sendable, Hashable, CaseIterable {
    /// Hoeffding's inequality on the basis total n = Σ n_k: δ±_k = √(n/2·ln(21/ε_sec)) for every intensity
    /// (Lim et al. 2014, after Eq. (2); Hoeffding, J. Am. Stat. Assoc. 58, 13 (1963)).
    case hoeffding
    /// Chernoff bounds on each intensity's own count: δ−_k = L/2 + √(2·n_k·L + L²/4), δ+_k = L + √(2·n_k·L + L²),
    /// L = ln(21/ε_sec) (Yin et al., Sci. Rep. 10, 14312 (2020); Sidhu et al., npj Quantum Inf. 8, 18 (2022),
    /// cnqo-qcomms/SatQuMA nXZpm and mXZpm).
    case chernoff

    /// δ−_k and δ+_k of each intensity's count in `counts`, with `logFailure` = ln(21/ε_sec) (Lim et al. 2014;
    /// Yin et al. 2020).
    func deviations(_ counts: PerIntensity, logFailure: Double) -> (lower: PerIntensity, upper: PerIntensity) {
        switch self {
        case .hoeffding:
            let delta = ((counts.0 + counts.1 + counts.2) / 2 * logFailure).squareRoot()
            return ((delta, delta, delta), (delta, delta, delta))
        case .chernoff:
            func lower(_ n: Double) -> Double { logFailure / 2 + (2 * n * logFailure + logFailure * logFailure / 4).squareRoot() }
            func upper(_ n: Double) -> Double { logFailure + (2 * n * logFailure + logFailure * logFailure).squareRoot() }
            return ((lower(counts.0), lower(counts.1), lower(counts.2)), (upper(counts.0), upper(counts.1), upper(counts.2)))
        }
    }
}
