import Foundation

/// A two-qubit state diagonal in the Bell basis, the target pair being |Φ+⟩.
///
/// The coefficients are named and ordered as in Deutsch, Ekert, Jozsa,
/// Macchiavello, Popescu, Sanpera, PRL 77, 2818 (1996): A on |Φ+⟩, B on |Ψ−⟩,
/// C on |Ψ+⟩, D on |Φ−⟩. Each is a Pauli error on one qubit of |Φ+⟩:
/// none (A), Y (B), X (C), Z (D). Any state that is twirled, or whose
/// off-diagonal Bell elements are ignored, is of this form; ZZ and XX
/// correlations (the QBERs of BBM92) depend on the diagonal only.
public struct BellDiagonalState: Sendable, Hashable {
    /// Weight of |Φ+⟩ (the fidelity with the target).
    public var a: Double
    /// Weight of |Ψ−⟩ (a Y error).
    public var b: Double
    /// Weight of |Ψ+⟩ (an X error: a bit flip).
    public var c: Double
    /// Weight of |Φ−⟩ (a Z error: a phase flip).
    public var d: Double

    /// The state with these weights, renormalised to sum to 1 (negative weights are clamped to 0).
    public init(a: Double, b: Double, c: Double, d: Double) {
        let weights = [a, b, c, d].map { $0.isFinite ? max(0, $0) : 0 }
        let total = weights.reduce(0, +)
        guard total > 0 else {
            (self.a, self.b, self.c, self.d) = (0.25, 0.25, 0.25, 0.25)
            return
        }
        (self.a, self.b, self.c, self.d) = (weights[0] / total, weights[1] / total, weights[2] / total, weights[3] / total)
    }

    /// The Werner state of fidelity F: A = F, B = C = D = (1 − F)/3.
    ///
    /// Source: Werner, PRA 40, 4277 (1989); the isotropic form used by
    /// Briegel, Dür, Cirac, Zoller, PRL 81, 5932 (1998).
    public static func werner(fidelity: Double) -> BellDiagonalState {
        let f = min(1, max(0, fidelity))
        return BellDiagonalState(a: f, b: (1 - f) / 3, c: (1 - f) / 3, d: (1 - f) / 3)
    }

    /// Fidelity with |Φ+⟩.
    public var fidelity: Double { a }

    /// Error rate of Z-basis (bit) measurements on both qubits: the X and Y error weights, C + B.
    public var bitErrorRate: Double { b + c }

    /// Error rate of X-basis (phase) measurements on both qubits: the Z and Y error weights, D + B.
    public var phaseErrorRate: Double { b + d }

    /// Shannon entropy of the four weights, bits.
    public var entropy: Double {
        [a, b, c, d].reduce(0) { total, p in p > 0 ? total - p * log2(p) : total }
    }

    /// The state after one entanglement swap (a perfect Bell-state measurement) with `other`.
    ///
    /// The Pauli errors of the two pairs multiply (up to a phase), so the new
    /// weights are the convolution of the old ones over the Klein group
    /// {I, X, Y, Z}. For two Werner states this is F1·F2 + (1 − F1)(1 − F2)/3.
    /// Source: Briegel, Dür, Cirac, Zoller, PRL 81, 5932 (1998); Dür, Briegel,
    /// Rep. Prog. Phys. 70, 1381 (2007) (swapping Bell-diagonal pairs).
    public func swapped(with other: BellDiagonalState) -> BellDiagonalState {
        // Pauli labels: a = I, c = X, b = Y, d = Z; X·Y = Z, Y·Z = X, Z·X = Y.
        let o = other
        return BellDiagonalState(
            a: a * o.a + b * o.b + c * o.c + d * o.d,
            b: a * o.b + b * o.a + c * o.d + d * o.c,
            c: a * o.c + c * o.a + b * o.d + d * o.b,
            d: a * o.d + d * o.a + b * o.c + c * o.b)
    }

    /// The weighted mean of `parts` (weights need not sum to 1; the first state where they sum to 0).
    static func mixture(_ parts: [(state: BellDiagonalState, weight: Double)]) -> BellDiagonalState {
        let total = parts.reduce(0) { $0 + $1.weight }
        guard total > 0 else { return parts.first?.state ?? .werner(fidelity: 0.25) }
        // Summed apart: `init` renormalises, so a partial sum must not go through it.
        var (a, b, c, d) = (0.0, 0.0, 0.0, 0.0)
        for part in parts {
            let u = part.weight / total
            (a, b, c, d) = (a + u * part.state.a, b + u * part.state.b, c + u * part.state.c, d + u * part.state.d)
        }
        return BellDiagonalState(a: a, b: b, c: c, d: d)
    }

    /// The state after a depolarising channel that keeps it with weight `w` (else the maximally mixed state).
    ///
    /// Each weight becomes w·p + (1 − w)/4. A memory of coherence time T holding
    /// the pair for a time t gives w = e^(−t/T), the memory model of
    /// Sangouard, Simon, de Riedmatten, Gisin, RMP 83, 33 (2011); physics.md §4.
    /// Domain: w in [0, 1] (clamped).
    public func depolarised(keeping w: Double) -> BellDiagonalState {
        let keep = w.isFinite ? min(1, max(0, w)) : 0
        let mixed = (1 - keep) / 4
        return BellDiagonalState(a: keep * a + mixed, b: keep * b + mixed, c: keep * c + mixed, d: keep * d + mixed)
    }
}
