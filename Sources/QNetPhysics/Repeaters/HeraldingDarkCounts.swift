import Foundation

/// Heralding probabilities with detector dark counts, split by the pair each herald leaves: Dhara, Englund, Guha,
/// Phys. Rev. Research 5, 033149 (2023), App. C (two-click: Eqs. (C7)–(C9); single-click: the single-rail swap).
///
/// The station has two threshold detectors behind a beam splitter; p_d is
/// each one's dark-count probability per window, and a herald is a click
/// pattern with every other detector window silent (a true click with no
/// dark count anywhere weighs (1 − p_d)^n over the n windows looked at).
/// Arrivals include the detection efficiency.
public enum HeraldingDarkCounts {
    /// Two-click heralds, summed over the patterns that herald a pair.
    public struct TwoClick: Sendable, Hashable {
        /// Both photons detected, no dark count in the four windows (2 detectors × 2 rounds): (1 − p_d)^4·½·η_A·η_B.
        public var signal: Double
        /// One of the two clicks a dark count: 4·p_d·(1 − p_d)²·[(1 − p_d)(η_A + η_B − 2η_Aη_B) + p_d(1 − η_A)(1 − η_B)].
        /// The pair it leaves is maximally mixed (Dhara et al., Eq. (C7)).
        public var darkCount: Double
    }

    /// Single-click heralds at one of the two detectors (the other detector's are the same).
    public struct SingleClick: Sendable, Hashable {
        /// One memory emitted and its photon was detected, no dark count: α(1 − α)·½(η_A + η_B)·(1 − p_d)².
        /// The pair is the target (for balanced arrivals, as without dark counts).
        public var coherent: Double
        /// One memory emitted, its photon was lost and a dark count clicked: α(1 − α)·(2 − η_A − η_B)·(1 − p_d)·p_d.
        /// The pair is |↑↓⟩ or |↓↑⟩, with no coherence between them.
        public var lostPhoton: Double
        /// Both or neither emitted (|↑↑⟩ or |↓↓⟩): α²·[½(1 − (1 − η_A)(1 − η_B))·(1 − p_d)² + (1 − η_A)(1 − η_B)(1 − p_d)·p_d]
        /// + (1 − α)²·(1 − p_d)·p_d. Two photons bunch into one threshold detector and click once, as without dark counts.
        public var product: Double
    }

    /// The two-click heralds at arrivals `arrivalA`, `arrivalB` and dark-count probability `p` per detector per window.
    public static func twoClick(arrivalA etaA: Double, arrivalB etaB: Double, darkCountProbability p: Double) -> TwoClick {
        let silent = 1 - p
        let oneReal = silent * (etaA + etaB - 2 * etaA * etaB) + p * (1 - etaA) * (1 - etaB)
        return TwoClick(signal: pow(silent, 4) * 0.5 * etaA * etaB, darkCount: 4 * p * silent * silent * oneReal)
    }

    /// The single-click heralds at one detector, bright-state population `alpha`.
    public static func singleClick(arrivalA etaA: Double, arrivalB etaB: Double, brightStatePopulation alpha: Double,
                                   darkCountProbability p: Double) -> SingleClick {
        let silent = 1 - p, darkClick = (1 - p) * p
        let bothLost = (1 - etaA) * (1 - etaB)
        return SingleClick(
            coherent: 0.5 * (alpha * (1 - alpha) * (etaA + etaB)) * silent * silent,
            lostPhoton: alpha * (1 - alpha) * (2 - etaA - etaB) * darkClick,
            product: 0.5 * (alpha * alpha * (1 - bothLost)) * silent * silent
                + alpha * alpha * bothLost * darkClick + (1 - alpha) * (1 - alpha) * darkClick)
    }
}
