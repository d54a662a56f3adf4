import Foundation

/// Werner-state fidelities through swaps and memories, and the key they give.
public enum Werner {
    /// Fidelity after one entanglement swap of two Werner states: F1·F2 + (1 − F1)(1 − F2)/3.
    ///
    /// Equivalent to multiplying the Werner parameters w = (4F − 1)/3.
    /// Perfect Bell-state measurement. Domain: F1, F2 in [1/4, 1].
    /// Source: Briegel, Dür, Cirac, Zoller, PRL 81, 5932 (1998); Sangouard,
    /// Simon, de Riedmatten, Gisin, RMP 83, 33 (2011); physics.md §4.
    public static func swap(_ f1: Double, _ f2: Double) -> Double {
        f1 * f2 + (1 - f1) * (1 - f2) / 3
    }

    /// Fidelity across a chain of `links` equal Werner links swapped together: 1/4 + 3/4·w^links, w = (4F0 − 1)/3.
    ///
    /// Domain: F0 in [1/4, 1], links ≥ 1 (links = 1 returns F0).
    /// Source: Briegel, Dür, Cirac, Zoller, PRL 81, 5932 (1998) (Werner
    /// parameters multiply through swaps); physics.md §4.
    public static func chain(elementaryFidelity: Double, links: Int) -> Double {
        let w = (4 * elementaryFidelity - 1) / 3
        return 0.25 + 0.75 * pow(w, Double(links))
    }

    /// Fidelity after depolarising storage: F(t) = 1/4 + (F − 1/4)·e^(−t/T).
    ///
    /// Units: storage t and coherence time T in seconds. Domain: t ≥ 0, T > 0;
    /// t ≤ 0 returns F unchanged, T ≤ 0 with t > 0 gives 1/4.
    /// Source: depolarising memory model of Sangouard, Simon, de Riedmatten,
    /// Gisin, RMP 83, 33 (2011); physics.md §4.
    public static func decohere(fidelity: Double, storage: Double, coherenceTime: Double) -> Double {
        guard storage > 0 else { return fidelity }
        guard coherenceTime > 0 else { return 0.25 }
        return 0.25 + (fidelity - 0.25) * exp(-storage / coherenceTime)
    }

    /// QBER of a Werner state in any basis: e = 2(1 − F)/3.
    ///
    /// Domain: F in [1/4, 1] (gives e in [0, 1/2]).
    /// Source: physics.md §4; the Werner state's error is basis-independent.
    public static func qber(fidelity: Double) -> Double {
        2 * (1 - fidelity) / 3
    }

    /// Asymptotic BBM92 secret fraction of a Werner state: max(0, 1 − 2·h(e)), e = 2(1 − F)/3.
    ///
    /// Error correction h(e) at the Shannon limit plus privacy amplification
    /// h(e), the same error in both bases. Domain: F in [1/4, 1]; 0 below
    /// F ≈ 0.835 (e ≈ 11 %).
    /// Source: Shor, Preskill, PRL 85, 441 (2000) (rate 1 − 2h(e));
    /// Bennett, Brassard, Mermin, PRL 68, 557 (1992); physics.md §4.
    public static func bbm92SecretFraction(fidelity: Double) -> Double {
        let fraction = 1 - 2 * binaryEntropy(qber(fidelity: fidelity))
        return fraction > 0 ? fraction : 0
    }
}
