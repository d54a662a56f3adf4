import Foundation

/// One heralded entanglement attempt between two memories: its success probability and the pair it leaves.
public struct HeraldedPair: Sendable, Hashable {
    /// Probability that one attempt (one mode, one round) is heralded.
    public var successProbability: Double
    /// The heralded pair (Bell-diagonal, target |Φ+⟩ after the local correction the herald names).
    public var state: BellDiagonalState
}

/// Heralded entanglement between two memories by photon detection at a station midway.
///
/// `arrivalA` and `arrivalB` are the probabilities that a photon emitted by
/// each memory is detected at the station: emission/retrieval efficiency ×
/// half the link's transmittance (√η for a midway station) × detection
/// efficiency. `opticalError` e_d (misalignment, imperfect two-photon
/// interference) depolarises the heralded pair to Werner weight 1 − 2e_d, so
/// that a pair heralded without it keeps F0 = 1 − 3/2·e_d. `darkCountProbability`
/// p_d is the click probability of each of the station's two detectors per
/// window without light: a herald needs its click pattern with every other
/// detector window silent, so a dark count either spoils a true herald or
/// makes a false one, whose pair is noise (`HeraldingDarkCounts`; Dhara,
/// Englund, Guha, Phys. Rev. Research 5, 033149 (2023)). At p_d = 0 both
/// schemes are exactly the dark-count-free models below.
public enum EntanglementHeralding {
    /// Two-click (two-photon) heralding: p = ½·η_A·η_B, ideally a perfect Bell pair.
    ///
    /// Each memory emits one photon entangled with it; a linear-optics Bell
    /// measurement of the two photons identifies two of the four Bell states,
    /// hence ½. Insensitive to the fibre's phase. Source: Barrett, Kok, PRA 71,
    /// 060310(R) (2005); Sangouard, Simon, de Riedmatten, Gisin, RMP 83, 33
    /// (2011) (entanglement generation by two-photon detection).
    public static func twoClick(arrivalA: Double, arrivalB: Double, opticalError: Double,
                                darkCountProbability: Double = 0) -> HeraldedPair {
        let (etaA, etaB) = (clamp(arrivalA), clamp(arrivalB))
        let heralds = HeraldingDarkCounts.twoClick(arrivalA: etaA, arrivalB: etaB, darkCountProbability: clamp(darkCountProbability))
        let success = heralds.signal + heralds.darkCount
        // A false herald leaves a maximally mixed pair: a quarter of it on each Bell state.
        let noise = success > 0 ? heralds.darkCount / 4 / success : 0
        let pair = BellDiagonalState(a: 1 - 3 * noise, b: noise, c: noise, d: noise).depolarised(keeping: 1 - 2 * clamp(opticalError))
        return HeraldedPair(successProbability: success, state: pair)
    }

    /// Single-click heralding with bright-state population α: p = α(1−α)(η_A + η_B) + α²[1 − (1−η_A)(1−η_B)].
    ///
    /// Each memory is left in its bright state with probability α and emits a
    /// photon; one click behind a beam splitter heralds |Ψ±⟩, but with
    /// probability α² both emitted and one was lost (or both bunched into one
    /// threshold detector), leaving |↑↑⟩. The heralded pair has fidelity
    /// F = α(1−α)(η_A + η_B)/p ≈ 1 − α, so the rate (≈ 2αη, with η ∝ √η_link)
    /// is traded against fidelity. The |↑↑⟩ part, written in the Bell basis after the
    /// correction to |Φ+⟩, weighs equally on |Ψ+⟩ and |Ψ−⟩: e_Z = 1 − F, e_X = (1 − F)/2.
    /// Needs a phase-stable link. Source: Cabrillo, Cirac, García-Fernández,
    /// Zoller, PRA 59, 1025 (1999); Sangouard et al., RMP 83, 33 (2011),
    /// (generation by single-photon detection, P0 = 2pη); Humphreys et al.,
    /// Nature 558, 268 (2018) (F = 1 − α, p = 2αη).
    public static func singleClick(arrivalA: Double, arrivalB: Double, brightStatePopulation alpha: Double,
                                   opticalError: Double, darkCountProbability: Double = 0) -> HeraldedPair {
        let (etaA, etaB, a) = (clamp(arrivalA), clamp(arrivalB), clamp(alpha))
        let heralds = HeraldingDarkCounts.singleClick(arrivalA: etaA, arrivalB: etaB, brightStatePopulation: a,
                                                      darkCountProbability: clamp(darkCountProbability))
        let total = heralds.coherent + heralds.lostPhoton + heralds.product
        guard total > 0 else {
            return HeraldedPair(successProbability: 0, state: BellDiagonalState(a: 0.25, b: 0.25, c: 0.25, d: 0.25))
        }
        // A lost photon's false herald leaves |↑↓⟩ or |↓↑⟩: half on the target, half on its phase flip.
        let phaseFlip = heralds.lostPhoton / 2 / total
        let fidelity = (heralds.coherent + heralds.lostPhoton / 2) / total
        let pair = BellDiagonalState(a: fidelity, b: (1 - fidelity - phaseFlip) / 2, c: (1 - fidelity - phaseFlip) / 2, d: phaseFlip)
            .depolarised(keeping: 1 - 2 * clamp(opticalError))
        return HeraldedPair(successProbability: 2 * total, state: pair)
    }

    /// Success per round of M modes tried in parallel, keeping the first heralded: 1 − (1 − p)^M.
    ///
    /// Source: Collins, Jenkins, Kuzmich, PRL 98, 060502 (2007); Simon et al.,
    /// PRL 98, 190503 (2007) (temporal multiplexing, ≈ M·p for small p).
    public static func multiplexed(_ p: Double, modes: Int) -> Double {
        let probability = clamp(p)
        guard probability < 1 else { return 1 }
        return -expm1(Double(max(1, modes)) * log1p(-probability))
    }

    /// Probability that at least two of M modes tried in a round are heralded: 1 − (1 − p)^M − M·p·(1 − p)^(M−1).
    ///
    /// The heralds of a round are binomial (M independent modes, Collins, Jenkins, Kuzmich, Kennedy, PRL 98, 060502
    /// (2007)). Where M·p < 1 the difference loses its digits (it is about M²p²/2 of about M·p), so it is summed
    /// instead as Σ_{j≥2} C(M, j)·p^j·(1 − p)^(M−j), each of whose terms is then at most a third of the one before.
    public static func multiplexedAtLeastTwo(_ p: Double, modes: Int) -> Double {
        let (probability, count) = (clamp(p), Double(max(1, modes)))
        guard count >= 2, probability > 0 else { return 0 }
        guard count * probability < 1 else {
            let one = count * probability * exp((count - 1) * log1p(-probability))
            return max(0, multiplexed(probability, modes: modes) - one)
        }
        var term = count * (count - 1) / 2 * probability * probability * exp((count - 2) * log1p(-probability))
        var total = 0.0, heralds = 2.0
        while term > 1e-17 * total || total == 0 {
            total += term
            guard heralds < count, term > 0 else { break }
            term *= (count - heralds) / (heralds + 1) * probability / (1 - probability)
            heralds += 1
        }
        return total
    }

    private static func clamp(_ x: Double) -> Double { x.isFinite ? min(1, max(0, x)) : 0 }
}
