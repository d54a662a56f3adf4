import Foundation

/// Asymptotic secret fractions of entanglement-based QKD on a delivered Bell-diagonal pair.
public enum EntanglementKeyFraction {
    /// BBM92 with a Z-basis key and X-basis phase estimation: max(0, 1 − h(e_Z) − h(e_X)).
    ///
    /// Error correction at the Shannon limit. For a Werner state e_Z = e_X =
    /// 2(1 − F)/3 and this is 1 − 2h(e), which is 0 above e ≈ 11.0 %.
    /// Source: Shor, Preskill, PRL 85, 441 (2000); Bennett, Brassard, Mermin,
    /// PRL 68, 557 (1992); physics.md §4.
    public static func bbm92(_ state: BellDiagonalState) -> Double {
        let fraction = 1 - binaryEntropy(state.bitErrorRate) - binaryEntropy(state.phaseErrorRate)
        return fraction > 0 ? fraction : 0
    }

    /// Six-state protocol with one-way post-processing: max(0, 1 − H(A, B, C, D)).
    ///
    /// Measuring in three bases gives the whole Bell diagonal, so Eve's
    /// information is bounded by the entropy of the four weights (the hashing
    /// bound of the state). For a Werner state (depolarising noise, QBER e) the
    /// fraction vanishes at e ≈ 12.6 %.
    /// Source: Lo, Quantum Inf. Comput. 1, 81 (2001); Bruß, PRL 81, 3018 (1998);
    /// Bennett, DiVincenzo, Smolin, Wootters, PRA 54, 3824 (1996) (hashing).
    public static func sixState(_ state: BellDiagonalState) -> Double {
        let fraction = 1 - state.entropy
        return fraction > 0 ? fraction : 0
    }
}
