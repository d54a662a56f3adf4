import Foundation

/// Inputs of BBM92 with a pulsed parametric down-conversion source (Ma, Fung, Lo, PRA 76, 012307, 2007); probabilities per pulse.
public struct BBM92Parameters: Sendable, Hashable {
    /// η_A, transmittance of arm A: channel × detection (detector efficiency, window, dead time).
    public var transmittanceA: Double
    /// η_B, transmittance of arm B, as `transmittanceA`.
    public var transmittanceB: Double
    /// Y0A, background click probability per window of receiver A (its whole detection system).
    public var darkYieldA: Double
    /// Y0B, background click probability per window of receiver B.
    public var darkYieldB: Double
    /// e_d, probability that a detected pair gives opposite bits in the key basis.
    public var misalignment: Double
    /// f ≥ 1, error-correction inefficiency relative to the Shannon limit.
    public var ecEfficiency: Double
    /// q, sifting factor: 1/2 for random bases (Ma, Fung, Lo), → 1 with biased bases.
    public var siftingFactor: Double

    /// Creates the parameters; see each property for its meaning.
    public init(transmittanceA: Double, transmittanceB: Double, darkYieldA: Double, darkYieldB: Double,
                misalignment: Double, ecEfficiency: Double, siftingFactor: Double) {
        self.transmittanceA = transmittanceA
        self.transmittanceB = transmittanceB
        self.darkYieldA = darkYieldA
        self.darkYieldB = darkYieldB
        self.misalignment = misalignment
        self.ecEfficiency = ecEfficiency
        self.siftingFactor = siftingFactor
    }
}

/// The key and the observables of BBM92 at one mean pair number.
public struct BBM92Result: Sendable, Hashable {
    /// Mean number of pairs per pulse, 2λ.
    public var meanPairNumber: Double
    /// Q_λ, probability of a coincidence per pulse.
    public var gain: Double
    /// E_λ, error rate of the coincidences (1/2 when there are none).
    public var qber: Double
    /// R ≥ 0, secret bits per pulse (0 below threshold, never NaN).
    public var keyPerPulse: Double

    /// Creates a result; normally produced by `BBM92.evaluate` or `optimise`.
    public init(meanPairNumber: Double, gain: Double, qber: Double, keyPerPulse: Double) {
        self.meanPairNumber = meanPairNumber
        self.gain = gain
        self.qber = qber
        self.keyPerPulse = keyPerPulse
    }
}

/// Asymptotic BBM92 with a PDC source, multi-pair emission and dark counts included (Ma, Fung, Lo, PRA 76, 012307, 2007).
public enum BBM92 {
    /// e0, error rate of a coincidence that carries no correlation.
    private static let randomError = 0.5
    /// Mean pair numbers searched by `optimise`.
    private static let pairNumberRange = (lower: 1e-5, upper: 2.0)
    /// Grid points in ln(2λ) before the golden-section refinement (the rate dips below its small-λ value before it rises).
    private static let gridPoints = 24
    /// Width in ln(2λ) at which the search stops.
    private static let logPairTolerance = 1e-5

    /// Key per pulse and observables at mean pair number 2λ (`meanPairNumber`).
    ///
    /// With λ half the mean pair number (thermal pair statistics), e0 = 1/2,
    /// A = η_Aλ, B = η_Bλ, D = A + B − η_Aη_Bλ:
    /// Q_λ = 1 − (1 − Y0A)/(1 + A)² − (1 − Y0B)/(1 + B)² + (1 − Y0A)(1 − Y0B)/(1 + D)²;
    /// E_λ·Q_λ = e0·Q_λ − 2(e0 − e_d)·η_Aη_B·λ(1 + λ)/[(1 + A)(1 + B)(1 + D)];
    /// R = q·Q_λ·[1 − f·h(E_λ) − h(E_λ)] (Koashi–Preskill: the phase error equals the bit error).
    /// Q_λ is summed as (2A + A² + Y0A)/(1 + A)² + (2B + B² + Y0B)/(1 + B)²
    /// + (Y0A·Y0B − Y0A − Y0B − 2D − D²)/(1 + D)², the same expression without
    /// the cancellation of 1 − 1 at small η (as in TNO's qkd_key_rate). Units:
    /// R in secret bits per pump pulse. Domain: η and Y0 clamped to [0, 1],
    /// 2λ ≥ 0. Never NaN or negative.
    /// Source: Ma, Fung, Lo, PRA 76, 012307 (2007): gain and QBER of their PDC
    /// model, one-way key rate under Koashi–Preskill's analysis; physics.md §3.
    public static func evaluate(_ p: BBM92Parameters, meanPairNumber: Double) -> BBM92Result {
        evaluateWithRawRate(p, meanPairNumber: meanPairNumber).result
    }

    /// BBM92 at the mean pair number that maximises the key per pulse.
    ///
    /// A grid of 24 points in ln(2λ) over [1e-5, 2], then golden section
    /// between the best point's neighbours to 1e-5 in ln(2λ) (about 50
    /// evaluations): at small λ the unclipped rate first falls (more noise
    /// coincidences) before it rises, which a plain golden section may follow
    /// the wrong way. Maximises the rate before it is clipped at 0, so it also
    /// finds the best 2λ just below threshold. Formulas as `evaluate`.
    /// Source: Ma, Fung, Lo, PRA 76, 012307 (2007) (λ optimised at each loss);
    /// Press et al., Numerical Recipes, 3rd ed. (2007), Secs. 10.1–10.2.
    public static func optimise(_ p: BBM92Parameters) -> BBM92Result {
        optimise { _ in p }
    }

    /// BBM92 at the mean pair number that maximises the key per pulse when the parameters depend on it.
    ///
    /// `parameters(2λ)` gives each arm's η and Y0 at each 2λ tried (receivers
    /// whose dead time and afterpulsing follow their click rates). Search and
    /// units as `optimise(_:)`.
    /// Source: Ma, Fung, Lo, PRA 76, 012307 (2007) (λ optimised for the
    /// system's own η and Y0); Knoll, Radiation Detection and Measurement,
    /// 4th ed. (2010), Ch. 4, Sec. VII (dead time follows the click rate).
    public static func optimise(_ parameters: (Double) -> BBM92Parameters) -> BBM92Result {
        let best = Optimise.gridThenGoldenMaximum(
            lower: log(pairNumberRange.lower), upper: log(pairNumberRange.upper), gridPoints: gridPoints,
            tolerance: logPairTolerance
        ) { logPairs in
            evaluateWithRawRate(parameters(exp(logPairs)), meanPairNumber: exp(logPairs)).rawRate
        }
        let pairs = exp(best.x)
        return evaluate(parameters(pairs), meanPairNumber: pairs)
    }

    /// The result and the key rate before clipping at 0 (which the optimiser needs).
    private static func evaluateWithRawRate(_ p: BBM92Parameters, meanPairNumber: Double)
        -> (result: BBM92Result, rawRate: Double) {
        let e0 = randomError
        let etaA = min(1, max(0, p.transmittanceA))
        let etaB = min(1, max(0, p.transmittanceB))
        let yA = min(1, max(0, p.darkYieldA))
        let yB = min(1, max(0, p.darkYieldB))
        let lambda = max(0, meanPairNumber) / 2
        let a = etaA * lambda
        let b = etaB * lambda
        let d = a + b - etaA * etaB * lambda
        let gain = max(0, (2 * a + a * a + yA) / ((1 + a) * (1 + a)) + (2 * b + b * b + yB) / ((1 + b) * (1 + b))
            + (yA * yB - yA - yB - 2 * d - d * d) / ((1 + d) * (1 + d)))
        let correlated = 2 * (e0 - p.misalignment) * etaA * etaB * lambda * (1 + lambda) / ((1 + a) * (1 + b) * (1 + d))
        let qber = gain > 0 ? min(e0, max(0, e0 - correlated / gain)) : e0
        let entropy = binaryEntropy(qber)
        let raw = p.siftingFactor * gain * (1 - p.ecEfficiency * entropy - entropy)
        let result = BBM92Result(meanPairNumber: max(0, meanPairNumber), gain: gain, qber: qber,
                                 keyPerPulse: raw > 0 ? raw : 0)
        return (result, raw.isNaN ? -.infinity : raw)
    }
}
