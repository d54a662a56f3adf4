import Foundation

/// Phase-matching QKD, asymptotic with infinitely many decoys (Ma, Zeng, Zhou, PRX 8, 031043, 2018).
///
/// Alice and Bob send coherent states of intensity μ/2 each whose common
/// random phase carries the key bit (κπ); the relay announces which detector
/// clicked, the users announce their phase slices and keep the pairs whose
/// slices match (or differ by π): 2/M of them. Key per pulse pair (their Eq. 4):
/// R = (2/M)·Q_μ·[1 − f·h(E_μ^Z) − h(E_μ^X)], with the phase error bounded by
/// the photon-number parity: an even photon number k errs in phase where it
/// does not err in bit (1 − e_k), odd ones err like their bits (e_k).
public enum PhaseMatching {
    /// Total intensities μ searched.
    private static let intensityRange = (lower: 1e-4, upper: 6.0)
    /// Width in ln μ at which the golden-section search stops.
    private static let logTolerance = 1e-5
    /// Points of the coarse grid in ln μ (the clipped error rates make the rate flat at small μ).
    private static let gridPoints = 16
    /// Odd photon numbers summed in the phase-error bound: k = 1, 3, …, up to this.
    private static let maxOddPhotonNumber = 41

    /// Key per pulse pair and observables at each user's intensity μ/2 = `signalIntensity`.
    ///
    /// Channel model: with η̄ the mean arm transmittance and e the optical
    /// error, the pair reaches the relay as one coherent state of intensity
    /// I = η̄μ split I(1 − e) to the right detector and I·e to the wrong one;
    /// e = e_d + (1 − 2e_d)(1 − V⟨cos δ⟩)/2 with δ the phase mismatch left
    /// by matched slices (triangular on ±2π/M: ⟨cos δ⟩ = (M/π)²·sin²(π/M)) and
    /// V the visibility of unequal arms. Exactly one click:
    /// Q_μ = Σ over the two detectors of (1 − p_d)e^(−I_other)[1 − (1 − p_d)e^(−I_this)],
    /// E_μ^Z·Q_μ the wrong detector's share. Photon-number yields (k photons,
    /// each right with η̄(1 − e), wrong with η̄e):
    /// e_k·Y_k = (1 − p_d)[(1 − η̄(1 − e))^k − (1 − p_d)(1 − η̄)^k], Y_k adds the
    /// right detector's term; q_k = e^(−μ)μ^k/k!·Y_k/Q_μ and
    /// E_μ^X = Σ_{k odd} q_k·e_k + q_0·(1 − e_0) + (1 − Σ_{k odd} q_k − q_0), the vacuum's clicks
    /// (Y_0 = 2p_d(1 − p_d), dark counts only) erring at random, e_0 = 1/2, and the other even
    /// photon numbers counted as phase errors in full. E above 1/2 counts as 1/2.
    /// Units: R in secret bits per pulse pair. Never NaN or negative.
    /// Source: Ma, Zeng, Zhou, PRX 8, 031043 (2018), Eq. 4 and Appendix B (simulation model; phase-error
    /// bound from the photon-number parity). The vacuum at e_0 = 1/2 follows their bound as two independent
    /// transcriptions of it have it (photonstrust, qkdx); the paper's appendix itself was not available to check.
    public static func evaluate(_ p: TwinFieldParameters, signalIntensity: Double) -> TwinFieldResult {
        evaluateWithRawRate(p, totalIntensity: 2 * signalIntensity).result
    }

    /// The rate at the total intensity μ that maximises it (or at a fixed per-user intensity).
    ///
    /// A 16-point grid on ln μ over [1e-4, 6] refined by golden section to 1e-5
    /// (about 40 evaluations) on the rate before clipping. Formulas as `evaluate`.
    /// Source: Ma, Zeng, Zhou, PRX 8, 031043 (2018) (μ optimised per distance); Kiefer (1953).
    public static func optimise(_ p: TwinFieldParameters, signalIntensity fixed: Double? = nil) -> TwinFieldResult {
        optimise({ _ in p }, signalIntensity: fixed)
    }

    /// The rate at the best total intensity μ (or a fixed per-user one) when the parameters depend on it.
    ///
    /// `parameters(μ/2)`, of the per-user intensity, gives the arms' η and p_d
    /// at each μ tried (a relay whose dead time and afterpulsing follow its
    /// click rate). Search and units as `optimise(_:signalIntensity:)`.
    /// Source: Ma, Zeng, Zhou, PRX 8, 031043 (2018) (μ optimised for the
    /// system's own η and p_d); Knoll, Radiation Detection and Measurement,
    /// 4th ed. (2010), Ch. 4, Sec. VII (dead time follows the click rate).
    public static func optimise(_ parameters: (Double) -> TwinFieldParameters, signalIntensity fixed: Double? = nil)
        -> TwinFieldResult {
        if let fixed { return evaluate(parameters(fixed), signalIntensity: fixed) }
        let best = Optimise.gridThenGoldenMaximum(
            lower: log(intensityRange.lower), upper: log(intensityRange.upper), gridPoints: gridPoints, tolerance: logTolerance
        ) { evaluateWithRawRate(parameters(exp($0) / 2), totalIntensity: exp($0)).raw }
        return evaluateWithRawRate(parameters(exp(best.x) / 2), totalIntensity: exp(best.x)).result
    }

    /// Extra channel loss (dB, split equally between the arms) the key tolerates; conventions as
    /// `SendingOrNotSending.toleratedExtraLoss`.
    /// Source: the rate of `evaluate` (Ma, Zeng, Zhou 2018).
    public static func toleratedExtraLoss(_ p: TwinFieldParameters, signalIntensity: Double?, removableLossDB: Double)
        -> Double? {
        LossThreshold.extraLoss(removable: removableLossDB) {
            optimise(p.withExtraLoss($0), signalIntensity: signalIntensity).keyPerPulse > 0
        }
    }

    /// ⟨cos δ⟩ of the phase mismatch of two phases drawn uniformly in the same one of M slices.
    static func sliceMeanCosine(_ slices: Int) -> Double {
        let m = Double(max(1, slices))
        let s = sin(Double.pi / m)
        return m * m / (Double.pi * Double.pi) * s * s
    }

    private static func evaluateWithRawRate(_ p: TwinFieldParameters, totalIntensity mu: Double)
        -> (result: TwinFieldResult, raw: Double) {
        let pd = p.darkCount
        let mu = max(0, mu.isNaN ? 0 : mu)
        let eta = p.meanTransmittance
        let e = p.opticalError(meanCosine: sliceMeanCosine(p.phaseSlices))
        let (right, wrong) = (eta * mu * (1 - e), eta * mu * e)
        // (1 - p_d) e^(-x) [1 - (1 - p_d) e^(-y)], with 1 - (1 - p_d) e^(-y) = -expm1(-y) + p_d e^(-y).
        func onlyClick(silent x: Double, lit y: Double) -> Double { (1 - pd) * exp(-x) * (-expm1(-y) + pd * exp(-y)) }
        let correct = onlyClick(silent: wrong, lit: right)
        let errors = onlyClick(silent: right, lit: wrong)
        let gain = correct + errors
        let bitError = gain > 0 ? errors / gain : 0.5

        var oddFraction = 0.0
        var oddErrors = 0.0
        if gain > 0 {
            var poisson = exp(-mu) * mu  // k = 1
            var k = 1
            let logLost = log1p(-min(eta, 1 - 1e-16))
            let logRightMissed = log1p(-min(eta * (1 - e), 1 - 1e-16))
            let logWrongMissed = log1p(-min(eta * e, 1 - 1e-16))
            while k <= maxOddPhotonNumber {
                let lost = exp(Double(k) * logLost)
                // (1 - eta(1-e))^k - (1 - eta)^k = (1 - eta)^k [exp(k (log a - log b)) - 1], without cancellation.
                let rightMissedExcess = lost * expm1(Double(k) * (logRightMissed - logLost))
                let wrongMissedExcess = lost * expm1(Double(k) * (logWrongMissed - logLost))
                let errorYield = (1 - pd) * (rightMissedExcess + pd * lost)
                let yield = errorYield + (1 - pd) * (wrongMissedExcess + pd * lost)
                oddFraction += poisson * yield / gain
                oddErrors += poisson * errorYield / gain
                poisson *= mu * mu / Double((k + 1) * (k + 2))
                k += 2
            }
        }
        // Vacuum: only dark counts, either detector alike, so its clicks carry no phase information
        // beyond a coin toss (1 - e_0 = 1/2).
        let vacuumFraction = gain > 0 ? exp(-mu) * 2 * pd * (1 - pd) / gain : 0
        let otherEvenFraction = max(0, 1 - min(1, oddFraction) - vacuumFraction)
        let phaseError = min(0.5, max(0, oddErrors + vacuumFraction / 2 + otherEvenFraction))
        let sifting = 2 / Double(max(2, p.phaseSlices))
        let raw = sifting * gain * (1 - p.ecEfficiency * binaryEntropy(min(0.5, bitError)) - binaryEntropy(phaseError))
        let result = TwinFieldResult(signalIntensity: mu / 2, sendingProbability: nil, gain: gain, bitErrorRate: bitError,
                                     phaseErrorRate: phaseError, opticalError: e, keyPerPulse: raw > 0 ? raw : 0)
        return (result, raw.isNaN ? -.infinity : raw)
    }
}
