import Foundation

/// Waiting time of a repeater chain whose links are generated in parallel.
public enum RepeaterWaiting {
    /// Expected number of rounds until every link has succeeded: E[max of N geometric variables].
    ///
    /// Link i succeeds in each round with probability p_i, independently, and
    /// keeps its state once made (deterministic swaps, no decoherence).
    /// Equal p, N ≤ 16: the exact inclusion–exclusion sum
    /// Σ_k (−1)^(k+1)·C(N,k)/(1 − (1 − p)^k) (its alternating terms lose
    /// about N·log10 2 digits, ≤ 5 here). Otherwise the exact series
    /// Σ_{t≥0} [1 − Π_i (1 − (1 − p_i)^t)], summed until a term is below
    /// 1e-16 of the total. Units: rounds (multiply by L0/c for seconds).
    /// Domain: p_i in (0, 1]; an empty list gives 0, any p_i ≤ 0 `+infinity`.
    /// - Complexity: O(N) for equal p and N ≤ 16, else
    ///   O(N·ln(1e16)/p_min) (about 37·N/p_min terms).
    /// Source: physics.md §4; the (3/2)^n/p0 rule of Sangouard, Simon,
    /// de Riedmatten, Gisin, RMP 83, 33 (2011) is its small-p approximation
    /// (22.5 against the exact 20.27 for 4 links at p = 0.1).
    public static func expectedRounds(successProbabilities: [Double]) -> Double {
        guard let first = successProbabilities.first else { return 0 }
        var smallest = first
        var allEqual = true
        for p in successProbabilities {
            smallest = min(smallest, p)
            allEqual = allEqual && p == first
        }
        guard smallest > 0 else { return .infinity }
        let count = successProbabilities.count
        if allEqual && count <= 16 {
            return inclusionExclusion(probability: min(1, first), links: count)
        }
        return series(successProbabilities)
    }

    /// Σ_k (−1)^(k+1)·C(N,k)/(1 − (1 − p)^k) for N links of equal success probability p.
    private static func inclusionExclusion(probability p: Double, links n: Int) -> Double {
        var total = 0.0
        var binomial = 1.0
        var sign = 1.0
        for k in 1...n {
            binomial = binomial * Double(n - k + 1) / Double(k)
            total += sign * binomial / -expm1(Double(k) * log1p(-p))
            sign = -sign
        }
        return total
    }

    /// Σ_{t≥0} P(max > t) = Σ_t [1 − Π_i (1 − (1 − p_i)^t)], in log space for accuracy in the tail.
    private static func series(_ probabilities: [Double]) -> Double {
        var total = 0.0
        var t = 0.0
        while true {
            var logAllDone = 0.0
            for p in probabilities {
                let failing = p >= 1 ? (t == 0 ? 1 : 0) : exp(t * log1p(-p))
                logAllDone += log1p(-failing)
            }
            let term = -expm1(logAllDone)
            total += term
            if term < 1e-16 * total { return total }
            t += 1
        }
    }
}
