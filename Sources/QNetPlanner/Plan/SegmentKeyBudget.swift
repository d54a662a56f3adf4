import QNetModel

/// How the key of a segment whose photons leave a shared source (BBM92) or meet at an untrusted relay
/// (MDI-QKD) comes about: each arm's budget at the operating point, the intensities, the observables
/// and the key per pulse, with the assumptions behind them.
public struct SegmentKeyBudget: Sendable, Hashable {
    /// The arms, in the segment's order.
    public var arms: [ArmBudget]
    /// The intensities used, each given in the file or optimised (`mean pair number`, `mu_a`, `mu_b`).
    public var intensities: [KeyFigure]
    /// Observables at the operating point (gain, QBER, single-photon yield and error, …).
    public var figures: [KeyFigure]
    /// Secret key per pulse (per pulse pair for MDI-QKD), bits.
    public var keyPerPulse: Double
    /// Pulses per second that the key per pulse is counted over, Hz.
    public var repetitionRateHz: Double
    /// What the key rests on, each with its basis.
    public var assumptions: [Assumption]

    public init(arms: [ArmBudget], intensities: [KeyFigure], figures: [KeyFigure], keyPerPulse: Double,
                repetitionRateHz: Double, assumptions: [Assumption]) {
        self.arms = arms
        self.intensities = intensities
        self.figures = figures
        self.keyPerPulse = keyPerPulse
        self.repetitionRateHz = repetitionRateHz
        self.assumptions = assumptions
    }
}

/// One arm of a two-arm segment: a channel (or none, for a source's own detector) ending at a detector.
public struct ArmBudget: Sendable, Hashable {
    /// Where the arm runs (`S → D1`, `A → M`, `S (local detector)`).
    public var name: String
    /// The arm's link; nil for the detector beside a source.
    public var link: Identifier?
    /// Loss of the arm's channel, dB (0 for a detector beside the source).
    public var channelLossDB: Double
    /// η of the arm: channel × detection efficiency × window fraction × dead-time factor.
    public var transmittance: Double
    /// Background click probability per window the arm's receiver adds (dark, stray light, afterpulses).
    public var noiseProbability: Double
    /// Optical error of the arm: misalignment + 1/2 inter-symbol fraction.
    public var errorRate: Double
    /// The receiver's detection and timing budget at the operating point.
    public var detector: DetectorBudget

    public init(name: String, link: Identifier?, channelLossDB: Double, transmittance: Double, noiseProbability: Double,
                errorRate: Double, detector: DetectorBudget) {
        self.name = name
        self.link = link
        self.channelLossDB = channelLossDB
        self.transmittance = transmittance
        self.noiseProbability = noiseProbability
        self.errorRate = errorRate
        self.detector = detector
    }
}

/// A named number of a key budget with the formula or key it comes from.
public struct KeyFigure: Sendable, Hashable {
    /// The name a report's reader sees (`coincidence gain Q_lambda`).
    public var name: String
    /// The report's machine-readable key (`gain`, `mean_pair_number`).
    public var key: String
    public var value: Double
    /// The formula, file key or optimiser behind the value.
    public var basis: String

    public init(name: String, key: String, value: Double, basis: String) {
        self.name = name
        self.key = key
        self.value = value
        self.basis = basis
    }
}
