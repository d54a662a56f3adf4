import QNetModel

/// The finite-key figures of a decoy BB84 link: its block, security parameters and settings
/// (Lim, Curty, Walenta, Xu, Zbinden, PRA 89, 022307 (2014)).
public struct FiniteKeyPlan: Sendable, Hashable {
    /// n_X, key-basis detections per post-processing block.
    public var blockSize: Double
    /// ε_sec, how far the key may be from secret.
    public var epsilonSec: Double
    /// ε_cor, the probability that the two keys differ.
    public var epsilonCor: Double
    /// The tail bound of the decoy estimates (Hoeffding, Lim et al. 2014; Chernoff, Yin et al. 2020).
    public var tailBound: TailBoundKind
    /// μ1, μ2, μ3 used (given, or optimised when `auto`).
    public var intensities: [Double]
    /// How often each intensity is sent (optimised).
    public var probabilities: [Double]
    /// q_X, probability of the key basis (given, or optimised).
    public var basisBias: Double
    /// ℓ, secret bits per block.
    public var keyBitsPerBlock: Double
    /// N, pulses sent to fill a block.
    public var pulsesPerBlock: Double
    /// Time to collect a block, N / repetition rate = n_X / (key-basis detection rate), s.
    public var blockTimeSeconds: Double
    /// φ_X, the bound on the single-photon phase-error rate.
    public var phaseErrorRate: Double
    /// The sifting the finite key used (biased bases, q_X) against the asymptotic key's, which explains a finite key
    /// above the asymptotic one.
    public var sifting: Assumption?

    public init(blockSize: Double, epsilonSec: Double, epsilonCor: Double, tailBound: TailBoundKind, intensities: [Double],
                probabilities: [Double],
                basisBias: Double, keyBitsPerBlock: Double, pulsesPerBlock: Double, blockTimeSeconds: Double,
                phaseErrorRate: Double) {
        self.blockSize = blockSize
        self.epsilonSec = epsilonSec
        self.epsilonCor = epsilonCor
        self.tailBound = tailBound
        self.intensities = intensities
        self.probabilities = probabilities
        self.basisBias = basisBias
        self.keyBitsPerBlock = keyBitsPerBlock
        self.pulsesPerBlock = pulsesPerBlock
        self.blockTimeSeconds = blockTimeSeconds
        self.phaseErrorRate = phaseErrorRate
    }
}
