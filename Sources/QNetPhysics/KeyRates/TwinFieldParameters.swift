import Foundation

/// Inputs of an asymptotic twin-field key rate: two arms meeting at an untrusted relay.
///
/// Each arm's transmittance includes the relay's detection (efficiency ×
/// window fraction); the dark-count probability is per detector of the
/// relay's two, as physics.md reads it. Whether the p_d of the simulations
/// of Wang, Yu, Hu (2018) and of Ma, Zeng, Zhou (2018) is per detector could
/// not be checked against their text: their quoted reaches fit p_d for both
/// detectors together (Tests/validation/twin-field-cv.yaml, known issues).
public struct TwinFieldParameters: Sendable, Hashable {
    /// η_A: Alice's arm, channel × relay detection, 0...1.
    public var transmittanceA: Double
    /// η_B: Bob's arm, channel × relay detection, 0...1.
    public var transmittanceB: Double
    /// p_d: dark (and background) click probability per detector per window.
    public var darkCountProbability: Double
    /// e_d: probability that the interference sends the light to the wrong detector.
    public var misalignment: Double
    /// M: phase slices of the phase post-selection (PM: 2/M of the pulses are kept).
    public var phaseSlices: Int
    /// f ≥ 1, error-correction inefficiency.
    public var ecEfficiency: Double

    /// Creates the parameters; see each property for its meaning.
    public init(transmittanceA: Double, transmittanceB: Double, darkCountProbability: Double, misalignment: Double,
                phaseSlices: Int, ecEfficiency: Double) {
        self.transmittanceA = transmittanceA
        self.transmittanceB = transmittanceB
        self.darkCountProbability = darkCountProbability
        self.misalignment = misalignment
        self.phaseSlices = phaseSlices
        self.ecEfficiency = ecEfficiency
    }

    /// The parameters with `extraLossDB` added to the channel, split equally between the two arms.
    public func withExtraLoss(_ extraLossDB: Double) -> TwinFieldParameters {
        var copy = self
        let factor = pow(10, -extraLossDB / 20)
        copy.transmittanceA = min(1, max(0, transmittanceA * factor))
        copy.transmittanceB = min(1, max(0, transmittanceB * factor))
        return copy
    }

    /// η̄ = (η_A + η_B)/2, the mean arm transmittance.
    var meanTransmittance: Double { (clamped(transmittanceA) + clamped(transmittanceB)) / 2 }

    /// V = 2√(η_Aη_B)/(η_A + η_B): the fringe visibility of equal intensities sent through unequal arms.
    var armVisibility: Double {
        let a = clamped(transmittanceA), b = clamped(transmittanceB)
        return a + b > 0 ? 2 * sqrt(a * b) / (a + b) : 0
    }

    /// p_d clamped to [0, 1/2].
    var darkCount: Double { min(0.5, max(0, darkCountProbability.isNaN ? 0 : darkCountProbability)) }

    /// The optical error of a fringe with mean cos δ = `meanCosine`: e_d + (1 − 2e_d)·(1 − V·⟨cos δ⟩)/2.
    func opticalError(meanCosine: Double) -> Double {
        let ed = min(0.5, max(0, misalignment.isNaN ? 0.5 : misalignment))
        return ed + (1 - 2 * ed) * (1 - armVisibility * meanCosine) / 2
    }

    private func clamped(_ eta: Double) -> Double { eta.isNaN ? 0 : min(1, max(0, eta)) }
}

/// The key and the observables behind it at one operating point of a twin-field protocol.
public struct TwinFieldResult: Sendable, Hashable {
    /// Each user's mean photon number (SNS: μ_z of a sending window; PM: μ/2 of the total μ).
    public var signalIntensity: Double
    /// SNS: probability ε that a user sends in a signal window; nil for PM.
    public var sendingProbability: Double?
    /// Probability that a pulse (pair) is announced as a single click: SNS S_Z, PM Q_μ.
    public var gain: Double
    /// Bit error rate of the key (SNS E_Z, PM E_μ^Z).
    public var bitErrorRate: Double
    /// Phase error rate bound (SNS e_1^ph of the single-photon bits, PM E_μ^X).
    public var phaseErrorRate: Double
    /// Optical error of the interference: misalignment plus phase-slice mismatch and arm imbalance.
    public var opticalError: Double
    /// R ≥ 0, secret bits per pulse pair (0 below threshold, never NaN).
    public var keyPerPulse: Double

    /// Creates a result; normally produced by `SendingOrNotSending` or `PhaseMatching`.
    public init(signalIntensity: Double, sendingProbability: Double?, gain: Double, bitErrorRate: Double,
                phaseErrorRate: Double, opticalError: Double, keyPerPulse: Double) {
        self.signalIntensity = signalIntensity
        self.sendingProbability = sendingProbability
        self.gain = gain
        self.bitErrorRate = bitErrorRate
        self.phaseErrorRate = phaseErrorRate
        self.opticalError = opticalError
        self.keyPerPulse = keyPerPulse
    }
}
