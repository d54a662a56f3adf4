import Foundation

/// One round of entanglement purification and its chance of success.
public struct PurificationOutcome: Sendable, Hashable {
    /// The kept pair when the round succeeds.
    public var state: BellDiagonalState
    /// Probability that the two parties' measurement outcomes agree (the pair is kept).
    public var successProbability: Double
}

/// DEJMPS recurrence purification of Bell-diagonal pairs.
///
/// Both parties rotate their qubits (Alice by π/2 about x, Bob by −π/2),
/// apply a bilateral CNOT from one pair onto the other, measure the target
/// pair in Z and keep the source pair when the outcomes agree. Source:
/// Deutsch, Ekert, Jozsa, Macchiavello, Popescu, Sanpera, PRL 77, 2818 (1996)
/// (the recurrence map of the Bell-diagonal weights); the two-input form as
/// in Dür, Briegel, Rep. Prog. Phys. 70, 1381 (2007).
public enum DEJMPS {
    /// One round on pairs `first` and `second`: A' = (A1A2 + B1B2)/N, B' = (C1D2 + D1C2)/N,
    /// C' = (C1C2 + D1D2)/N, D' = (A1B2 + B1A2)/N, with N = (A1+B1)(A2+B2) + (C1+D1)(C2+D2) the success probability.
    ///
    /// Coefficients in Deutsch et al.'s order (Φ+, Ψ−, Ψ+, Φ−). Perfect local
    /// operations. Source: Deutsch et al., PRL 77, 2818 (1996).
    public static func round(_ first: BellDiagonalState, _ second: BellDiagonalState) -> PurificationOutcome {
        let (s, t) = (first, second)
        let success = (s.a + s.b) * (t.a + t.b) + (s.c + s.d) * (t.c + t.d)
        let state = BellDiagonalState(a: s.a * t.a + s.b * t.b, b: s.c * t.d + s.d * t.c,
                                      c: s.c * t.c + s.d * t.d, d: s.a * t.b + s.b * t.a)
        return PurificationOutcome(state: state, successProbability: min(1, max(0, success)))
    }

    /// `rounds` recurrence rounds on identical copies of `state`: the state kept after them and the
    /// chance that every round succeeds (2^rounds input pairs in all).
    ///
    /// Source: Deutsch et al., PRL 77, 2818 (1996) (the map iterated).
    public static func iterate(_ state: BellDiagonalState, rounds: Int) -> PurificationOutcome {
        var current = PurificationOutcome(state: state, successProbability: 1)
        for _ in 0..<max(0, rounds) {
            let next = round(current.state, current.state)
            current = PurificationOutcome(state: next.state, successProbability: current.successProbability * next.successProbability)
        }
        return current
    }
}
