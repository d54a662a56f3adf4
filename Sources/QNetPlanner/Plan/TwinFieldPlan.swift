import QNetModel

/// How a twin-field segment's key comes about: the operating point, the relay's detectors and the errors.
public struct TwinFieldPlan: Sendable, Hashable {
    /// sns or pm.
    public var variant: TwinFieldVariant
    /// The untrusted relay in the middle.
    public var relay: Identifier
    /// Each user's mean photon number (given, or optimised when `auto`).
    public var signalIntensity: Double
    /// SNS: probability that a user sends in a signal window (optimised); nil for PM.
    public var sendingProbability: Double?
    /// Phase slices M of the phase post-selection.
    public var phaseSlices: Int
    /// Each arm's transmittance to a click: channel × relay detection efficiency × window fraction × dead-time factor,
    /// first link first.
    public var armTransmittance: [Double]
    /// Dark and background click probability per detector per window (the relay's figure over its 2 detectors).
    public var darkCountPerDetector: Double
    /// Probability that a pulse (pair) gives a single click (SNS S_Z, PM Q_μ).
    public var gain: Double
    /// Bit error rate of the key.
    public var bitErrorRate: Double
    /// Phase error rate bound.
    public var phaseErrorRate: Double
    /// Optical error of the interference: misalignment, phase-slice mismatch, arm imbalance.
    public var opticalError: Double
    /// Secret key per pulse (pair).
    public var keyPerPulse: Double
    /// The users' pulse rate, Hz.
    public var repetitionRateHz: Double
    /// The relay's detection budget on each arm at the operating point, first link first: its detectors counted
    /// together (click rate before dead time, afterpulses), the dead-time factor each detector's.
    public var relayDetectors: [DetectorBudget]
    /// What the key assumed, with sources.
    public var assumptions: [Assumption]
    /// What the segment would key with its arms balanced, where they lose more than 1 dB apart and that raises the
    /// key (the what-ifs' relay and attenuator changes read it); nil otherwise.
    var armBalance: TwinFieldArmBalance?

    public init(variant: TwinFieldVariant, relay: Identifier, signalIntensity: Double, sendingProbability: Double?,
                phaseSlices: Int, armTransmittance: [Double], darkCountPerDetector: Double, gain: Double,
                bitErrorRate: Double, phaseErrorRate: Double, opticalError: Double, keyPerPulse: Double,
                repetitionRateHz: Double, relayDetectors: [DetectorBudget], assumptions: [Assumption]) {
        self.variant = variant
        self.relay = relay
        self.signalIntensity = signalIntensity
        self.sendingProbability = sendingProbability
        self.phaseSlices = phaseSlices
        self.armTransmittance = armTransmittance
        self.darkCountPerDetector = darkCountPerDetector
        self.gain = gain
        self.bitErrorRate = bitErrorRate
        self.phaseErrorRate = phaseErrorRate
        self.opticalError = opticalError
        self.keyPerPulse = keyPerPulse
        self.repetitionRateHz = repetitionRateHz
        self.relayDetectors = relayDetectors
        self.assumptions = assumptions
    }
}
