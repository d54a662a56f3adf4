import QNetModel

/// The finite key of one satellite pass: every detection of the pass taken as one block, with Lim et al.'s
/// bounds applied once to the counts summed over the pass (Sidhu et al., npj Quantum Inf. 8, 18 (2022)).
public struct PassFiniteKeyPlan: Sendable, Hashable {
    /// ℓ, secret bits of one pass.
    public var keyPerPassBits: Double
    /// Key per pass × passes a day, bits.
    public var keyPerDayBits: Double
    /// Key per pass over the pass's duration, bit/s.
    public var passAverageBps: Double
    /// Key per day / 86 400 s: the rate at which the link enters the key graph, bit/s.
    public var dailyAverageBps: Double
    /// Detections of the pass in both bases, every intensity.
    public var detections: Double
    /// n_X, key-basis detections of the pass: the block.
    public var keyBasisDetections: Double
    /// E_X over the pass.
    public var qber: Double
    /// φ_X, the bound on the single-photon phase-error rate.
    public var phaseErrorRate: Double
    /// s_X,1, the lower bound on single-photon events in the key basis.
    public var singlePhotonEvents: Double
    /// ε_sec of the pass's key.
    public var epsilonSec: Double
    /// ε_cor of the pass's key.
    public var epsilonCor: Double
    /// The tail bound of the decoy estimates (Hoeffding, Lim et al. 2014; Chernoff, Yin et al. 2020).
    public var tailBound: TailBoundKind
    /// μ1, μ2, μ3 used (given, or optimised for the pass).
    public var intensities: [Double]
    /// How often each intensity is sent (optimised for the pass).
    public var probabilities: [Double]
    /// q_X, probability of the key basis (given, or optimised for the pass).
    public var basisBias: Double
    /// Why the pass gives no finite key, when it gives none.
    public var noKeyReason: String?
    /// The sifting the finite key used (biased bases, q_X) against the asymptotic key's, which explains a finite key
    /// above the asymptotic one.
    public var sifting: Assumption?

    public init(keyPerPassBits: Double, keyPerDayBits: Double, passAverageBps: Double, dailyAverageBps: Double,
                detections: Double, keyBasisDetections: Double, qber: Double, phaseErrorRate: Double,
                singlePhotonEvents: Double, epsilonSec: Double, epsilonCor: Double, tailBound: TailBoundKind, intensities: [Double],
                probabilities: [Double], basisBias: Double, noKeyReason: String?) {
        self.keyPerPassBits = keyPerPassBits
        self.keyPerDayBits = keyPerDayBits
        self.passAverageBps = passAverageBps
        self.dailyAverageBps = dailyAverageBps
        self.detections = detections
        self.keyBasisDetections = keyBasisDetections
        self.qber = qber
        self.phaseErrorRate = phaseErrorRate
        self.singlePhotonEvents = singlePhotonEvents
        self.epsilonSec = epsilonSec
        self.epsilonCor = epsilonCor
        self.tailBound = tailBound
        self.intensities = intensities
        self.probabilities = probabilities
        self.basisBias = basisBias
        self.noKeyReason = noKeyReason
    }
}
