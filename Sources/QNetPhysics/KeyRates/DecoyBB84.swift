import Foundation

/// How the single-photon yield and error are estimated from decoy intensities.
public enum DecoyMethod: Sendable, Hashable {
    /// Infinitely many decoys: Y1 and e1 known exactly (Lo, Ma, Chen 2005).
    case infinite
    /// One weak decoy of mean photon number ν plus vacuum (Ma, Qi, Zhao, Lo 2005); needs μ > ν.
    case vacuumWeak(decoyIntensity: Double)
}

/// Inputs of the asymptotic decoy-state BB84 key rate; all probabilities per pulse.
public struct DecoyBB84Parameters: Sendable, Hashable {
    /// System transmittance η: channel × receiver (optics, detector, window fraction, …).
    public var transmittance: Double
    /// Y0, background click probability per pulse of the whole receiver.
    public var darkYield: Double
    /// e_d, probability that a signal photon hits the wrong detector.
    public var misalignment: Double
    /// f ≥ 1, error-correction inefficiency relative to the Shannon limit.
    public var ecEfficiency: Double
    /// q, sifting factor: 0.5 standard BB84, → 1 efficient (biased-basis) BB84.
    public var siftingFactor: Double
    /// How Y1 and e1 are estimated.
    public var decoy: DecoyMethod

    /// Creates the parameters; see each property for its meaning.
    public init(
        transmittance: Double, darkYield: Double, misalignment: Double,
        ecEfficiency: Double, siftingFactor: Double, decoy: DecoyMethod
    ) {
        self.transmittance = transmittance
        self.darkYield = darkYield
        self.misalignment = misalignment
        self.ecEfficiency = ecEfficiency
        self.siftingFactor = siftingFactor
        self.decoy = decoy
    }
}

/// The rate and the observables behind it at one signal intensity.
public struct DecoyBB84Result: Sendable, Hashable {
    /// μ, mean photon number of the signal state.
    public var signalIntensity: Double
    /// Q_μ, probability that a signal pulse gives a click.
    public var gain: Double
    /// E_μ, error rate of the signal clicks (1/2 when there are none).
    public var qber: Double
    /// Y1, single-photon yield (a lower bound for vacuum + weak).
    public var singlePhotonYield: Double
    /// e1, single-photon error rate (an upper bound for vacuum + weak, at most 1/2).
    public var singlePhotonError: Double
    /// R ≥ 0, secret bits per signal pulse (0 below threshold, never NaN).
    public var keyPerPulse: Double

    /// Creates a result; normally produced by `DecoyBB84.evaluate` or `optimise`.
    public init(
        signalIntensity: Double, gain: Double, qber: Double,
        singlePhotonYield: Double, singlePhotonError: Double, keyPerPulse: Double
    ) {
        self.signalIntensity = signalIntensity
        self.gain = gain
        self.qber = qber
        self.singlePhotonYield = singlePhotonYield
        self.singlePhotonError = singlePhotonError
        self.keyPerPulse = keyPerPulse
    }
}

/// Asymptotic decoy-state BB84 with weak coherent pulses (GLLP key rate).
public enum DecoyBB84 {
    /// e0, error rate of a click that carries no signal (a random bit).
    private static let randomError = 0.5
    /// Signal intensities searched by `optimise`: μ in [1e-3, 2] (vacuum+weak: above ν).
    public static let intensityRange = (lower: 1e-3, upper: 2.0)
    /// Width in ln μ at which the golden-section search stops (≈ 30 evaluations).
    private static let logIntensityTolerance = 1e-5
    /// Largest loss in dB searched for a threshold (η = 1e-40).
    private static let thresholdSearchLossDB = 400.0
    /// Resolution in dB of the threshold search.
    private static let thresholdToleranceDB = 1e-6

    /// Key per pulse and observables of decoy BB84 at a fixed signal intensity μ.
    ///
    /// With e0 = 1/2 and η the system transmittance (Lo, Ma, Chen; as in
    /// physics.md §3):
    /// Q_μ = Y0 + 1 − e^(−ημ); E_μ·Q_μ = e0·Y0 + e_d·(1 − e^(−ημ));
    /// R = q·{ −Q_μ·f·h(E_μ) + Q1·[1 − h(e1)] }, Q1 = Y1·μ·e^(−μ).
    /// Infinite decoys: Y1 = Y0 + η − Y0·η, e1 = (e0·Y0 + e_d·η)/Y1.
    /// Vacuum + weak decoy ν < μ (Ma, Qi, Zhao, Lo), Q_ν and E_ν from the same
    /// channel model: Y1 ≥ μ/(μν − ν²)·[Q_ν·e^ν − Q_μ·e^μ·ν²/μ² − (μ² − ν²)/μ²·Y0],
    /// e1 ≤ (E_ν·Q_ν·e^ν − e0·Y0)/(Y1·ν).
    /// Q_μ uses the papers' Y0 + 1 − e^(−ημ) rather than the exact
    /// 1 − (1 − Y0)·e^(−ημ) (they differ by Y0·(1 − e^(−ημ)), < 1e-7 relative
    /// for the GYS set). 1 − e^(−x) is evaluated with `expm1`, so the model
    /// works at η ≈ 1e-20. The Y1 bound is clamped to [0, 1] and e1 to
    /// [0, 1/2]; with μ ≤ ν or ν ≤ 0 the bound is void (Y1 = 0, e1 = 1/2,
    /// no key). Units: R in secret bits per signal pulse (× repetition rate for
    /// bit/s); all other quantities are probabilities per pulse. Domain: η and
    /// Y0 are clamped to [0, 1]; μ > 0. Never NaN or negative. Does not allocate.
    /// Source: Lo, Ma, Chen, PRL 94, 230504 (2005) (infinite decoys, GLLP
    /// rate); Ma, Qi, Zhao, Lo, PRA 72, 012326 (2005) (fibre channel model
    /// and the vacuum + weak decoy bounds on Y1 and e1); Gottesman,
    /// Lo, Lütkenhaus, Preskill, Quantum Inf. Comput. 4, 325 (2004).
    public static func evaluate(_ p: DecoyBB84Parameters, signalIntensity mu: Double) -> DecoyBB84Result {
        evaluateWithRawRate(p, signalIntensity: mu).result
    }

    /// Decoy BB84 at the signal intensity μ that maximises the key per pulse.
    ///
    /// Golden-section search on ln μ over μ in [1e-3, 2] (vacuum + weak:
    /// [max(1e-3, 1.001·ν), 2], since the bound needs μ > ν), to 1e-5 in ln μ:
    /// about 30 evaluations. The search maximises the rate before it is
    /// clipped at 0, so it also finds the best μ just below threshold (where
    /// the reported key is 0). The rate is unimodal in μ for these models.
    /// Units and formulas as `evaluate(_:signalIntensity:)`.
    /// Source: Ma, Qi, Zhao, Lo, PRA 72, 012326 (2005) (optimal μ ≈ 0.48
    /// for the GYS parameter set); Kiefer (1953) for the search.
    public static func optimise(_ p: DecoyBB84Parameters) -> DecoyBB84Result {
        optimise { _ in p }
    }

    /// Decoy BB84 at the signal intensity μ that maximises the key per pulse when the parameters depend on μ.
    ///
    /// `parameters(μ)` gives η and Y0 at each μ tried: a receiver whose dead
    /// time and afterpulsing follow its click rate loses efficiency and gains
    /// noise as μ rises, so the best μ is that of the rate with its own load,
    /// not of a load frozen at another μ. Search, range and units as
    /// `optimise(_:)` (the decoy method is read at μ = 2). The rate of such a
    /// receiver stays unimodal in μ: the saturation lowers the rate more the
    /// higher μ is.
    /// Source: Ma, Qi, Zhao, Lo, PRA 72, 012326 (2005) (μ optimised for the
    /// system's own η and Y0); Knoll, Radiation Detection and Measurement,
    /// 4th ed. (2010), Ch. 4, Sec. VII (dead time follows the click rate).
    public static func optimise(_ parameters: (Double) -> DecoyBB84Parameters) -> DecoyBB84Result {
        var lower = intensityRange.lower
        let upper = intensityRange.upper
        if case .vacuumWeak(let nu) = parameters(upper).decoy { lower = max(lower, 1.001 * nu) }
        guard lower < upper else { return evaluate(parameters(upper), signalIntensity: upper) }
        let best = Optimise.goldenSectionMaximum(
            lower: log(lower), upper: log(upper), tolerance: logIntensityTolerance
        ) { logMu in
            evaluateWithRawRate(parameters(exp(logMu)), signalIntensity: exp(logMu)).rawRate
        }
        let mu = exp(best.x)
        return evaluate(parameters(mu), signalIntensity: mu)
    }

    /// Smallest system transmittance that still gives key, at the optimal μ (nil) or a fixed μ.
    ///
    /// Replaces `p.transmittance`; bisection on the loss −10·log10 η over
    /// [0, 400] dB to 1e-6 dB, returning the transmittance just inside (key > 0
    /// there). Returns nil when there is no key even at η = 1, and 0 when there
    /// is key down to η = 1e-40 (e.g. Y0 = 0: no threshold). The link margin in
    /// dB is `Decibel.loss(transmittance: threshold) − Decibel.loss(transmittance: η)`.
    /// Key > 0 is monotone in η for these models, so the boundary is unique.
    /// Source: the rate of `evaluate(_:signalIntensity:)` (Lo, Ma, Chen 2005;
    /// Ma, Qi, Zhao, Lo 2005).
    public static func thresholdTransmittance(_ p: DecoyBB84Parameters, signalIntensity: Double?) -> Double? {
        func hasKey(lossDB: Double) -> Bool {
            var atLoss = p
            atLoss.transmittance = Decibel.transmittance(loss: lossDB)
            let result = signalIntensity.map { evaluate(atLoss, signalIntensity: $0) } ?? optimise(atLoss)
            return result.keyPerPulse > 0
        }
        guard hasKey(lossDB: 0) else { return nil }
        guard !hasKey(lossDB: thresholdSearchLossDB) else { return 0 }
        let lossDB = Optimise.bisectBoundary(
            lower: 0, upper: thresholdSearchLossDB, tolerance: thresholdToleranceDB
        ) { hasKey(lossDB: $0) }
        return Decibel.transmittance(loss: lossDB)
    }

    /// Longest fibre (m) over which decoy BB84 still gives key: η = 10^(−αL/10)·η_Bob.
    ///
    /// L_max = [loss(η_threshold) − loss(η_Bob)]/α, with η_threshold from
    /// `thresholdTransmittance(_:signalIntensity:)` (so `p.transmittance` is
    /// ignored); optimal μ at every length when `signalIntensity` is nil.
    /// Units: α in dB/km, result in metres (to ≈ 1e-6 dB/α). Returns 0 when
    /// there is no key at zero length, and `+infinity` when the key never
    /// vanishes (α ≤ 0, or no threshold above η = 1e-40).
    /// Source: Ma, Qi, Zhao, Lo, PRA 72, 012326 (2005) (≈ 142 km for the GYS
    /// set with infinite decoys).
    public static func maxDistance(
        _ p: DecoyBB84Parameters, attenuationDBPerKm: Double, receiverEfficiency: Double, signalIntensity: Double?
    ) -> Double {
        guard let threshold = thresholdTransmittance(p, signalIntensity: signalIntensity),
            threshold <= receiverEfficiency, receiverEfficiency > 0
        else { return 0 }
        guard threshold > 0, attenuationDBPerKm > 0 else { return .infinity }
        let marginDB = Decibel.loss(transmittance: threshold) - Decibel.loss(transmittance: receiverEfficiency)
        return marginDB / attenuationDBPerKm * 1000
    }

    /// The result and the key rate before clipping at 0 (which the optimiser needs).
    private static func evaluateWithRawRate(
        _ p: DecoyBB84Parameters, signalIntensity mu: Double
    ) -> (result: DecoyBB84Result, rawRate: Double) {
        let e0 = randomError
        let eta = min(1, max(0, p.transmittance))
        let y0 = min(1, max(0, p.darkYield))
        let signalClicks = -expm1(-eta * mu)
        let gain = y0 + signalClicks
        let qber = gain > 0 ? (e0 * y0 + p.misalignment * signalClicks) / gain : e0

        var y1: Double
        var e1: Double
        switch p.decoy {
        case .infinite:
            y1 = y0 + eta - y0 * eta
            e1 = y1 > 0 ? (e0 * y0 + p.misalignment * eta) / y1 : e0
        case .vacuumWeak(let nu):
            if nu > 0, mu > nu {
                let decoyClicks = -expm1(-eta * nu)
                let decoyGain = y0 + decoyClicks
                let decoyErrors = e0 * y0 + p.misalignment * decoyClicks
                let nuOverMu = nu / mu
                let bound = decoyGain * exp(nu) - gain * exp(mu) * nuOverMu * nuOverMu
                    - (1 - nuOverMu * nuOverMu) * y0
                y1 = min(1, max(0, mu / (mu * nu - nu * nu) * bound))
                e1 = y1 > 0 ? (decoyErrors * exp(nu) - e0 * y0) / (y1 * nu) : e0
            } else {
                y1 = 0
                e1 = e0
            }
        }
        e1 = min(e0, max(0, e1))
        let singlePhotonGain = y1 * mu * exp(-mu)
        let raw = p.siftingFactor
            * (-gain * p.ecEfficiency * binaryEntropy(qber) + singlePhotonGain * (1 - binaryEntropy(e1)))
        let result = DecoyBB84Result(
            signalIntensity: mu, gain: gain, qber: qber,
            singlePhotonYield: y1, singlePhotonError: e1,
            keyPerPulse: raw > 0 ? raw : 0)
        return (result, raw.isNaN ? -.infinity : raw)
    }
}
