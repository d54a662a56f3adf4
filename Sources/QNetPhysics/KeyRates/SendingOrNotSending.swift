import Foundation

/// Sending-or-not-sending twin-field QKD, asymptotic with infinitely many decoys (Wang, Yu, Hu, PRA 98, 062323, 2018).
///
/// In a signal (Z) window each user sends a phase-randomised coherent state
/// of intensity μ with probability ε and nothing otherwise; Alice's bit is
/// "sent", Bob's "not sent", so a window in which exactly one of them sent
/// and the relay reports exactly one click carries a correct bit, and one in
/// which both or neither sent carries an error. The Z windows need no
/// single-photon interference, which is why the protocol tolerates a large
/// interference misalignment: that enters only the phase error of the
/// single-photon bits, measured in the decoy (X) windows that meet the
/// phase-slice condition. Key per window (their Eq. 4, basis-choice
/// probability → 1 asymptotically):
/// R = 2ε(1 − ε)·μe^(−μ)·s1·[1 − h(e1_ph)] − f·S_Z·h(E_Z).
public enum SendingOrNotSending {
    /// Intensities searched, each user's μ.
    private static let intensityRange = (lower: 1e-3, upper: 3.0)
    /// Sending probabilities searched.
    private static let sendingRange = (lower: 1e-7, upper: 0.5)
    /// Width in ln μ and ln ε at which the golden-section searches stop.
    private static let logTolerance = 1e-4
    /// Points of the coarse grid in ln ε (E_Z clipped at 1/2 makes the rate flat, not unimodal, at small ε).
    private static let gridPoints = 24

    /// Key per window and observables at each user's intensity μ and sending probability ε.
    ///
    /// Channel model (exact for the interference of two coherent states at a
    /// 50:50 beam splitter, p_d per detector, "a click" = exactly one of the two
    /// detectors): with a = η_Aμ, b = η_Bμ, s = (a + b)/2, c = √(ab),
    /// neither sends: 2p_d(1 − p_d); one sends (its light splits evenly):
    /// 2(1 − p_d)e^(−x/2)[1 − (1 − p_d)e^(−x/2)], x = a or b; both send with a
    /// random relative phase: 2(1 − p_d)[e^(−s)·I0(c) − (1 − p_d)e^(−2s)].
    /// S_Z = (1 − ε)²·(neither) + ε(1 − ε)·(one_a + one_b) + ε²·(both), and
    /// E_Z·S_Z = (1 − ε)²·(neither) + ε²·(both). Single-photon bits:
    /// n1 = ε(1 − ε)μe^(−μ)·(s1_A + s1_B), s1_X = (1 − p_d)[η_X + 2p_d(1 − η_X)];
    /// their phase error is the error of the single-photon twin state in the
    /// X windows whose phases differ by less than π/M (δ uniform, ⟨cos δ⟩ =
    /// sin(π/M)/(π/M)), with infinitely many decoys known exactly:
    /// e1·s1 = (1 − p_d)[η̄·e_opt + p_d(1 − η̄)], e_opt = e_d + (1 − 2e_d)(1 − V⟨cos δ⟩)/2,
    /// where V is the visibility of unequal arms. E_Z and e1 above 1/2 count
    /// as 1/2 (no key from anti-correlated bits). Units: R in secret bits per
    /// window (× repetition rate for bit/s). Never NaN or negative.
    /// Source: Wang, Yu, Hu, PRA 98, 062323 (2018), Eqs. 2–4 (key rate,
    /// single-photon phase error from the X windows).
    public static func evaluate(_ p: TwinFieldParameters, signalIntensity mu: Double, sendingProbability eps: Double)
        -> TwinFieldResult {
        evaluateWithRawRate(p, signalIntensity: mu, sendingProbability: eps).result
    }

    /// The rate at the best sending probability ε for a fixed μ, or at the best (μ, ε) when `signalIntensity` is nil.
    ///
    /// A 24-point grid on ln ε over [1e-7, 1/2] refined by golden section, each
    /// point with a golden-section search on ln μ over [1e-3, 3], to 1e-4 in the
    /// logarithm (about 45 × 30 evaluations); they
    /// maximise the rate before clipping at 0, so the operating point just
    /// below threshold is found too. Formulas as `evaluate`.
    /// Source: Wang, Yu, Hu, PRA 98, 062323 (2018) (intensities and ε optimised per distance);
    /// Kiefer (1953) for the search.
    public static func optimise(_ p: TwinFieldParameters, signalIntensity fixed: Double? = nil) -> TwinFieldResult {
        optimise({ _, _ in p }, signalIntensity: fixed)
    }

    /// The rate at the best (μ, ε), or ε for a fixed μ, when the parameters depend on them.
    ///
    /// `parameters(μ, ε)` gives the arms' η and p_d at each pair tried (a
    /// relay whose dead time and afterpulsing follow its click rate). Search
    /// and units as `optimise(_:signalIntensity:)`.
    /// Source: Wang, Yu, Hu, PRA 98, 062323 (2018) (μ and ε optimised for the
    /// system's own η and p_d); Knoll, Radiation Detection and Measurement,
    /// 4th ed. (2010), Ch. 4, Sec. VII (dead time follows the click rate).
    public static func optimise(_ parameters: (Double, Double) -> TwinFieldParameters, signalIntensity fixed: Double? = nil)
        -> TwinFieldResult {
        func raw(_ mu: Double, _ eps: Double) -> Double {
            evaluateWithRawRate(parameters(mu, eps), signalIntensity: mu, sendingProbability: eps).raw
        }
        func bestIntensity(eps: Double) -> (mu: Double, rate: Double) {
            if let fixed { return (fixed, raw(fixed, eps)) }
            let best = Optimise.goldenSectionMaximum(
                lower: log(intensityRange.lower), upper: log(intensityRange.upper), tolerance: logTolerance
            ) { raw(exp($0), eps) }
            return (exp(best.x), best.value)
        }
        let best = Optimise.gridThenGoldenMaximum(
            lower: log(sendingRange.lower), upper: log(sendingRange.upper), gridPoints: gridPoints, tolerance: logTolerance
        ) { bestIntensity(eps: exp($0)).rate }
        let eps = exp(best.x)
        let mu = bestIntensity(eps: eps).mu
        return evaluate(parameters(mu, eps), signalIntensity: mu, sendingProbability: eps)
    }

    /// Extra channel loss (dB, split equally between the arms) the key tolerates at the optimal (μ, ε) or a fixed μ.
    ///
    /// Negative: the loss to remove before a key appears; nil: no key even
    /// with `removableLossDB` removed; 400 when there is key at 400 dB.
    /// Bisection to 1e-4 dB on `optimise` (key > 0 is monotone in the loss).
    /// Source: the rate of `evaluate` (Wang, Yu, Hu 2018).
    public static func toleratedExtraLoss(_ p: TwinFieldParameters, signalIntensity: Double?, removableLossDB: Double)
        -> Double? {
        LossThreshold.extraLoss(removable: removableLossDB) {
            optimise(p.withExtraLoss($0), signalIntensity: signalIntensity).keyPerPulse > 0
        }
    }

    private static func evaluateWithRawRate(_ p: TwinFieldParameters, signalIntensity mu: Double,
                                            sendingProbability eps: Double) -> (result: TwinFieldResult, raw: Double) {
        let pd = p.darkCount
        let etaA = min(1, max(0, p.transmittanceA)), etaB = min(1, max(0, p.transmittanceB))
        let mu = max(0, mu.isNaN ? 0 : mu)
        let eps = min(1, max(0, eps.isNaN ? 0 : eps))
        let (a, b) = (etaA * mu, etaB * mu)
        let neither = 2 * pd * (1 - pd)
        func one(_ x: Double) -> Double {
            let half = exp(-x / 2)
            return 2 * (1 - pd) * half * (-expm1(-x / 2) + pd * half)
        }
        let s = (a + b) / 2
        // e^(-s) I0(c) - (1 - p_d) e^(-2s), written without cancellation.
        let both = 2 * (1 - pd) * exp(-s) * (Bessel.i0Minus1(sqrt(a * b)) - expm1(-s) + pd * exp(-s))
        let gain = (1 - eps) * (1 - eps) * neither + eps * (1 - eps) * (one(a) + one(b)) + eps * eps * both
        let errors = (1 - eps) * (1 - eps) * neither + eps * eps * both
        let bitError = gain > 0 ? errors / gain : 0.5

        let sliceWidth = Double.pi / Double(max(1, p.phaseSlices))
        let opticalError = p.opticalError(meanCosine: sin(sliceWidth) / sliceWidth)
        let etaMean = p.meanTransmittance
        let twinYield = (1 - pd) * (etaMean + 2 * pd * (1 - etaMean))
        let phaseError = twinYield > 0 ? (1 - pd) * (etaMean * opticalError + pd * (1 - etaMean)) / twinYield : 0.5
        let yieldA = (1 - pd) * (etaA + 2 * pd * (1 - etaA))
        let yieldB = (1 - pd) * (etaB + 2 * pd * (1 - etaB))
        let singlePhotonBits = eps * (1 - eps) * mu * exp(-mu) * (yieldA + yieldB)
        let raw = singlePhotonBits * (1 - binaryEntropy(min(0.5, phaseError)))
            - p.ecEfficiency * gain * binaryEntropy(min(0.5, bitError))
        let result = TwinFieldResult(signalIntensity: mu, sendingProbability: eps, gain: gain, bitErrorRate: bitError,
                                     phaseErrorRate: min(0.5, phaseError), opticalError: opticalError,
                                     keyPerPulse: raw > 0 ? raw : 0)
        return (result, raw.isNaN ? -.infinity : raw)
    }
}
