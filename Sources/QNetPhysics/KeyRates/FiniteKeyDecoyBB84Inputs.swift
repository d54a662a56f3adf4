/// The secrecy parameter ε_sec of a finite key (Lim, Curty, Walenta, Xu, Zbinden 2014).
public enum SecrecyParameter: Sendable, Hashable {
    /// A fixed ε_sec.
    case fixed(Double)
    /// ε_sec = κ·ℓ: a leakage κ per secret bit (their Sec. IV, κ = 1e-15), so the key length ℓ solves ℓ = ℓ(κ·ℓ).
    case perKeyBit(Double)
}

/// Pulses sent at one system transmittance: one time step of a satellite pass, whose counts add into one block (Sidhu et al. 2022).
public struct FiniteKeyExposure: Sendable, Hashable {
    /// η_sys during the step: channel × receiver.
    public var transmittance: Double
    /// Pulses Alice sends during the step (repetition rate × its share of the pass, s).
    public var pulses: Double

    /// An exposure of `pulses` pulses at system transmittance `transmittance`.
    public init(transmittance: Double, pulses: Double) {
        self.transmittance = transmittance
        self.pulses = pulses
    }
}

/// The channel, receiver and security figures of finite-key decoy BB84, all but the settings Alice and Bob choose (Lim et al. 2014, Sec. IV).
public struct FiniteKeyDecoyBB84Parameters: Sendable, Hashable {
    /// η_sys, system transmittance: channel × receiver (Lim et al.'s η_ch·η_Bob).
    public var transmittance: Double
    /// Y0, background click probability per pulse of the whole receiver (two detectors: Lim et al.'s p_dc = Y0/2).
    public var darkYield: Double
    /// p_ap, afterpulse probability per click.
    public var afterpulseProbability: Double
    /// e_mis, probability that a signal photon hits the wrong detector.
    public var misalignment: Double
    /// f_EC ≥ 1, error-correction inefficiency: λ_EC = f_EC·n_X·h(E_X).
    public var ecEfficiency: Double
    /// n_X, post-processing block size: detections in the key basis per block.
    public var blockSize: Double
    /// ε_sec, how far the key may be from secret.
    public var secrecy: SecrecyParameter
    /// ε_cor, the probability that Alice's and Bob's keys differ.
    public var correctness: Double
    /// How the counts of each intensity are bounded: Hoeffding (Lim et al.) or Chernoff (Yin et al. 2020).
    public var tailBound: FiniteKeyTailBound

    /// Creates the parameters; see each property for its meaning.
    public init(
        transmittance: Double, darkYield: Double, afterpulseProbability: Double, misalignment: Double,
        ecEfficiency: Double, blockSize: Double, secrecy: SecrecyParameter, correctness: Double,
        tailBound: FiniteKeyTailBound = .hoeffding
    ) {
        self.transmittance = transmittance
        self.darkYield = darkYield
        self.afterpulseProbability = afterpulseProbability
        self.misalignment = misalignment
        self.ecEfficiency = ecEfficiency
        self.blockSize = blockSize
        self.secrecy = secrecy
        self.correctness = correctness
        self.tailBound = tailBound
    }
}

/// What Alice and Bob choose: intensities μ1 > μ2 + μ3, μ2 > μ3 ≥ 0, their probabilities, the basis bias (Lim et al. 2014, Sec. II).
public struct FiniteKeyDecoySettings: Sendable, Hashable {
    /// μ1, μ2, μ3: mean photon numbers of the signal and the two decoys.
    public var intensities: [Double]
    /// p_μ1, p_μ2, p_μ3: how often each intensity is sent (they sum to 1).
    public var probabilities: [Double]
    /// q_X, probability that Alice (and Bob) choose the key basis X.
    public var basisBias: Double

    /// Settings with intensities (μ1, μ2, μ3), probabilities (p_μ1, p_μ2; p_μ3 = 1 − p_μ1 − p_μ2) and bias q_X.
    public init(signal: Double, decoy: Double, secondDecoy: Double, signalProbability: Double,
                decoyProbability: Double, basisBias: Double) {
        intensities = [signal, decoy, secondDecoy]
        probabilities = [signalProbability, decoyProbability, 1 - signalProbability - decoyProbability]
        self.basisBias = basisBias
    }

    /// Why Lim et al.'s bounds do not apply to these settings, or nil when they do.
    public var violation: String? {
        let (mu1, mu2, mu3) = (intensities[0], intensities[1], intensities[2])
        let (p1, p2, p3) = (probabilities[0], probabilities[1], probabilities[2])
        // Plain comparisons (NaN fails each): this runs on every evaluation of the optimiser.
        guard p1 > 0, p2 > 0, p3 > 0, p1 < 1, p2 < 1, p3 < 1 else {
            return "every intensity must be sent with a probability between 0 and 1"
        }
        guard mu1 < .infinity else { return "the signal intensity must be finite" }
        guard mu3 >= 0, mu2 > mu3 else { return "the decoys need mu2 > mu3 >= 0" }
        guard mu1 > mu2 + mu3 else { return "the signal needs mu1 > mu2 + mu3" }
        guard basisBias > 0, basisBias < 1 else { return "the basis bias q_X must lie strictly between 0 and 1" }
        return nil
    }
}

/// The key of one block and the estimates behind it (Lim et al. 2014, Eqs. (1)-(5)).
public struct FiniteKeyDecoyBB84Result: Sendable, Hashable {
    /// The settings evaluated.
    public var settings: FiniteKeyDecoySettings
    /// ℓ ≥ 0, secret bits per block (⌊·⌋ of Eq. (1); 0 when there is no key); for a pass, per pass.
    public var keyLength: Double
    /// N, pulses Alice sends to fill a block: n_X / (q_X²·Σ p_k R_k); for a pass, every pulse of the pass.
    public var pulsesPerBlock: Double
    /// ℓ/N ≥ 0, secret bits per pulse (Lim et al.'s R); never NaN.
    public var keyPerPulse: Double
    /// q_X²·Σ p_k R_k, key-basis detections per pulse (n_X over this is N).
    public var keyBasisDetectionsPerPulse: Double
    /// Σ p_k R_k, detections per pulse in either basis (the receiver's click probability).
    public var detectionsPerPulse: Double
    /// E_X = m_X / n_X, the error rate of the key basis.
    public var qber: Double
    /// s_X,0, vacuum events in the block (lower bound, Eq. (2)).
    public var vacuumEvents: Double
    /// s_X,1, single-photon events in the block (lower bound, Eq. (3)).
    public var singlePhotonEvents: Double
    /// φ_X, phase-error rate of the single-photon events (upper bound, Eq. (5), at most 1/2).
    public var phaseErrorRate: Double
    /// ε_sec the key was computed for (κ·ℓ for `SecrecyParameter.perKeyBit`).
    public var epsilonSec: Double
}
