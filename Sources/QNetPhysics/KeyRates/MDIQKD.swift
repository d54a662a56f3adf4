import Foundation

/// Inputs of asymptotic decoy-state MDI-QKD (Lo, Curty, Qi, PRL 108, 130503, 2012) in the model of Ma, Razavi, PRA 86, 062319 (2012).
public struct MDIParameters: Sendable, Hashable {
    /// η_a, transmittance from Alice to the relay's detectors: channel × detection.
    public var transmittanceA: Double
    /// η_b, transmittance from Bob to the relay's detectors.
    public var transmittanceB: Double
    /// p_d, dark (and background) click probability per window of ONE of the relay's four detectors.
    public var darkCountProbability: Double
    /// e_d, misalignment error of the Bell-state measurement.
    public var misalignment: Double
    /// f ≥ 1, error-correction inefficiency relative to the Shannon limit.
    public var ecEfficiency: Double
    /// q, sifting factor: 1 counts every rectilinear pair (Lo, Curty, Qi's Eq. 1), 1/2 for random bases.
    public var siftingFactor: Double

    /// Creates the parameters; see each property for its meaning.
    public init(transmittanceA: Double, transmittanceB: Double, darkCountProbability: Double, misalignment: Double,
                ecEfficiency: Double, siftingFactor: Double) {
        self.transmittanceA = transmittanceA
        self.transmittanceB = transmittanceB
        self.darkCountProbability = darkCountProbability
        self.misalignment = misalignment
        self.ecEfficiency = ecEfficiency
        self.siftingFactor = siftingFactor
    }
}

/// The key and the observables of MDI-QKD at one pair of signal intensities.
public struct MDIResult: Sendable, Hashable {
    /// μ_a, Alice's signal intensity.
    public var intensityA: Double
    /// μ_b, Bob's signal intensity.
    public var intensityB: Double
    /// Y11, yield of single-photon pairs (known exactly with infinitely many decoys).
    public var singlePhotonYield: Double
    /// e11, error rate of single-photon pairs in the diagonal basis (the phase error).
    public var singlePhotonError: Double
    /// Q11 = μ_aμ_b·e^(−μ_a−μ_b)·Y11, gain of single-photon pairs.
    public var singlePhotonGain: Double
    /// Q_rect, probability of a successful Bell-state announcement per rectilinear pulse pair.
    public var gain: Double
    /// E_rect, error rate of the announced rectilinear pairs (the key's QBER).
    public var qber: Double
    /// R ≥ 0, secret bits per pulse pair (0 below threshold, never NaN).
    public var keyPerPulse: Double

    /// Creates a result; normally produced by `MDIQKD.evaluate` or `optimise`.
    public init(intensityA: Double, intensityB: Double, singlePhotonYield: Double, singlePhotonError: Double,
                singlePhotonGain: Double, gain: Double, qber: Double, keyPerPulse: Double) {
        self.intensityA = intensityA
        self.intensityB = intensityB
        self.singlePhotonYield = singlePhotonYield
        self.singlePhotonError = singlePhotonError
        self.singlePhotonGain = singlePhotonGain
        self.gain = gain
        self.qber = qber
        self.keyPerPulse = keyPerPulse
    }
}

/// Asymptotic MDI-QKD with weak coherent pulses, polarisation encoding and a four-detector relay
/// (Lo, Curty, Qi, PRL 108, 130503, 2012; closed forms of Ma, Razavi, PRA 86, 062319, 2012).
public enum MDIQKD {
    /// e0, error rate of a random announcement.
    private static let randomError = 0.5
    /// Signal intensities searched by `optimise`.
    private static let intensityRange = (lower: 1e-3, upper: 2.0)
    /// Grid points in ln μ before the golden-section refinement.
    private static let gridPoints = 24
    /// Width in ln μ at which each one-dimensional search stops.
    private static let logIntensityTolerance = 1e-5
    /// Rounds of one-at-a-time refinement of μ_a and μ_b after the balanced start.
    private static let refinementRounds = 2

    /// Y11 = (1 − p_d)²·[η_aη_b/2 + (2η_a + 2η_b − 3η_aη_b)·p_d + 4(1 − η_a)(1 − η_b)·p_d²].
    ///
    /// Probability that a single photon from each side gives a successful
    /// Bell-state announcement (ψ±, two of the four Bell states), dark counts
    /// of the four threshold detectors included. Domain: inputs clamped to [0, 1].
    /// Source: Ma, Razavi, PRA 86, 062319 (2012), Appendix A; physics.md §3.
    public static func singlePhotonYield(_ p: MDIParameters) -> Double {
        let (etaA, etaB, pd) = clamped(p)
        return (1 - pd) * (1 - pd) * (etaA * etaB / 2 + (2 * etaA + 2 * etaB - 3 * etaA * etaB) * pd
            + 4 * (1 - etaA) * (1 - etaB) * pd * pd)
    }

    /// e11 = [e0·Y11 − (e0 − e_d)·(1 − p_d)²·η_aη_b/2] / Y11, the diagonal-basis single-photon error.
    ///
    /// Equals e_d without dark counts and tends to 1/2 when dark counts
    /// dominate. Returns 1/2 when Y11 = 0. Domain: inputs clamped to [0, 1].
    /// Source: Ma, Razavi, PRA 86, 062319 (2012), Appendix A; physics.md §3.
    public static func singlePhotonError(_ p: MDIParameters) -> Double {
        let (etaA, etaB, pd) = clamped(p)
        let yield = singlePhotonYield(p)
        guard yield > 0 else { return randomError }
        let correlated = (randomError - p.misalignment) * (1 - pd) * (1 - pd) * etaA * etaB / 2
        return min(randomError, max(0, randomError - correlated / yield))
    }

    /// Q_rect and E_rect, the gain and error rate of the rectilinear (key) basis at intensities μ_a, μ_b.
    ///
    /// With μ' = η_aμ_a + η_bμ_b and x = √(η_aμ_aη_bμ_b)/2:
    /// Q_C = 2(1 − p_d)²·e^(−μ'/2)·[1 − (1 − p_d)e^(−η_aμ_a/2)]·[1 − (1 − p_d)e^(−η_bμ_b/2)],
    /// Q_E = 2p_d(1 − p_d)²·e^(−μ'/2)·[I0(2x) − (1 − p_d)e^(−μ'/2)],
    /// Q_rect = Q_C + Q_E, E_rect·Q_rect = e_d·Q_C + (1 − e_d)·Q_E (I0 the
    /// modified Bessel function). Each bracket is summed from expm1 and
    /// I0 − 1, so the gains stay accurate at η ≈ 1e-20. E_rect is 1/2 when
    /// Q_rect = 0. Domain: inputs clamped to [0, 1], μ ≥ 0.
    /// Source: Ma, Razavi, PRA 86, 062319 (2012), Appendix B (polarisation encoding).
    public static func rectilinear(_ p: MDIParameters, intensityA: Double, intensityB: Double)
        -> (gain: Double, qber: Double) {
        let (etaA, etaB, pd) = clamped(p)
        let arrivalA = etaA * max(0, intensityA)
        let arrivalB = etaB * max(0, intensityB)
        let total = arrivalA + arrivalB
        let x = (arrivalA * arrivalB).squareRoot() / 2
        let envelope = 2 * (1 - pd) * (1 - pd) * exp(-total / 2)
        let clickA = pd - (1 - pd) * expm1(-arrivalA / 2)
        let clickB = pd - (1 - pd) * expm1(-arrivalB / 2)
        let correct = envelope * clickA * clickB
        let wrong = envelope * pd * (Bessel.i0Minus1(2 * x) + pd - (1 - pd) * expm1(-total / 2))
        let gain = correct + wrong
        guard gain > 0 else { return (0, randomError) }
        let errors = p.misalignment * correct + (1 - p.misalignment) * wrong
        return (gain, min(randomError, max(0, errors / gain)))
    }

    /// Key per pulse pair at intensities μ_a, μ_b, with infinitely many decoys (Y11 and e11 exact).
    ///
    /// R = q·{Q11·[1 − h(e11)] − Q_rect·f·h(E_rect)}, Q11 = μ_aμ_b·e^(−μ_a−μ_b)·Y11:
    /// the key from the rectilinear basis, its phase error from the diagonal
    /// basis. Units: secret bits per pulse pair (× repetition rate for bit/s).
    /// Never NaN or negative.
    /// Source: Lo, Curty, Qi, PRL 108, 130503 (2012), Eq. (1); Ma, Razavi,
    /// PRA 86, 062319 (2012) for Y11, e11, Q_rect, E_rect.
    public static func evaluate(_ p: MDIParameters, intensityA: Double, intensityB: Double) -> MDIResult {
        evaluateWithRawRate(p, intensityA: intensityA, intensityB: intensityB).result
    }

    /// MDI-QKD at the intensities that maximise the key per pulse pair; a fixed intensity is kept.
    ///
    /// Both free: a one-dimensional search along balanced arrivals
    /// (η_aμ_a = η_bμ_b, μ_a = s·√(η_b/η_a), μ_b = s·√(η_a/η_b), each clamped
    /// to [1e-3, 2]), then two rounds of refining μ_a and μ_b one at a time.
    /// Each search is a 24-point grid in ln μ over [1e-3, 2] refined by golden
    /// section to 1e-5 (about 50 evaluations). One free: that search alone.
    /// Maximises the rate before it is clipped at 0. Formulas as `evaluate`.
    /// Source: Lo, Curty, Qi, PRL 108, 130503 (2012) (intensities optimised per
    /// distance); Xu, Curty, Qi, Lo, New J. Phys. 15, 113007 (2013) (asymmetric
    /// channels call for unequal intensities).
    public static func optimise(_ p: MDIParameters, fixedA: Double? = nil, fixedB: Double? = nil) -> MDIResult {
        optimise({ _, _ in p }, fixedA: fixedA, fixedB: fixedB)
    }

    /// MDI-QKD at the intensities that maximise the key per pulse pair when the parameters depend on them.
    ///
    /// `parameters(μ_a, μ_b)` gives η_a, η_b and p_d at each pair tried (a
    /// relay whose dead time and afterpulsing follow its click rate); the
    /// balanced-arrivals search reads η_b/η_a at the lowest intensities (a
    /// dead-time factor shared by the relay's detectors leaves it unchanged).
    /// Search and units as `optimise(_:fixedA:fixedB:)`.
    /// Source: Lo, Curty, Qi, PRL 108, 130503 (2012) (intensities optimised
    /// for the system's own η and p_d); Knoll, Radiation Detection and
    /// Measurement, 4th ed. (2010), Ch. 4, Sec. VII (dead time follows the click rate).
    public static func optimise(_ parameters: (Double, Double) -> MDIParameters, fixedA: Double? = nil,
                                fixedB: Double? = nil) -> MDIResult {
        func rate(_ a: Double, _ b: Double) -> Double {
            evaluateWithRawRate(parameters(a, b), intensityA: a, intensityB: b).rawRate
        }
        func evaluate(intensityA a: Double, intensityB b: Double) -> MDIResult {
            Self.evaluate(parameters(a, b), intensityA: a, intensityB: b)
        }
        func search(_ f: (Double) -> Double) -> Double {
            exp(Optimise.gridThenGoldenMaximum(lower: log(intensityRange.lower), upper: log(intensityRange.upper),
                                               gridPoints: gridPoints, tolerance: logIntensityTolerance) { f(exp($0)) }.x)
        }
        switch (fixedA, fixedB) {
        case let (a?, b?):
            return evaluate(intensityA: a, intensityB: b)
        case let (a?, nil):
            return evaluate(intensityA: a, intensityB: search { rate(a, $0) })
        case let (nil, b?):
            return evaluate(intensityA: search { rate($0, b) }, intensityB: b)
        case (nil, nil):
            let (etaA, etaB, _) = clamped(parameters(intensityRange.lower, intensityRange.lower))
            let ratio = etaA > 0 && etaB > 0 ? (etaB / etaA).squareRoot() : 1
            func clamp(_ mu: Double) -> Double { min(intensityRange.upper, max(intensityRange.lower, mu)) }
            let scale = search { rate(clamp($0 * ratio), clamp($0 / ratio)) }
            var a = clamp(scale * ratio)
            var b = clamp(scale / ratio)
            for _ in 0..<refinementRounds {
                a = search { rate($0, b) }
                b = search { rate(a, $0) }
            }
            return evaluate(intensityA: a, intensityB: b)
        }
    }

    /// η_a, η_b and p_d clamped to [0, 1].
    private static func clamped(_ p: MDIParameters) -> (Double, Double, Double) {
        (min(1, max(0, p.transmittanceA)), min(1, max(0, p.transmittanceB)), min(1, max(0, p.darkCountProbability)))
    }

    /// The result and the key rate before clipping at 0 (which the optimiser needs).
    private static func evaluateWithRawRate(_ p: MDIParameters, intensityA: Double, intensityB: Double)
        -> (result: MDIResult, rawRate: Double) {
        let muA = max(0, intensityA)
        let muB = max(0, intensityB)
        let yield = singlePhotonYield(p)
        let error = singlePhotonError(p)
        let singleGain = muA * muB * exp(-muA - muB) * yield
        let (gain, qber) = rectilinear(p, intensityA: muA, intensityB: muB)
        let raw = p.siftingFactor
            * (singleGain * (1 - binaryEntropy(error)) - gain * p.ecEfficiency * binaryEntropy(qber))
        let result = MDIResult(intensityA: muA, intensityB: muB, singlePhotonYield: yield, singlePhotonError: error,
                               singlePhotonGain: singleGain, gain: gain, qber: qber, keyPerPulse: raw > 0 ? raw : 0)
        return (result, raw.isNaN ? -.infinity : raw)
    }
}
