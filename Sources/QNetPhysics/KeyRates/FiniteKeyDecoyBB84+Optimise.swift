import Foundation

/// Which settings of finite-key decoy BB84 are given (a value) and which are optimised (nil), as Lim et al. 2014, Sec. IV.
///
/// The intensity probabilities p_μ1, p_μ2 are always optimised; μ3 is always given (the smallest
/// the modulator makes; the bounds of Lim et al. are tightest at μ3 → 0).
public struct FiniteKeyDecoyChoices: Sendable, Hashable {
    /// μ1, or nil to optimise it.
    public var signalIntensity: Double?
    /// μ2, or nil to optimise it.
    public var decoyIntensity: Double?
    /// μ3 ≥ 0.
    public var secondDecoyIntensity: Double
    /// q_X, or nil to optimise it.
    public var basisBias: Double?

    /// Choices with the given values fixed and nil ones optimised.
    public init(signalIntensity: Double?, decoyIntensity: Double?, secondDecoyIntensity: Double, basisBias: Double?) {
        self.signalIntensity = signalIntensity
        self.decoyIntensity = decoyIntensity
        self.secondDecoyIntensity = secondDecoyIntensity
        self.basisBias = basisBias
    }

    /// A setting that may be fixed.
    public enum Setting: Sendable, Hashable {
        /// μ1, the signal intensity.
        case signalIntensity
        /// μ2, the first decoy's intensity.
        case decoyIntensity
        /// μ3, the second decoy's intensity.
        case secondDecoyIntensity
        /// q_X, the probability of the key basis.
        case basisBias
    }

    /// Why no settings with these fixed values satisfy μ1 > μ2 + μ3, μ2 > μ3 ≥ 0, 0 < q_X < 1; nil when some do.
    public var violation: String? { violated?.reason }

    /// The fixed setting that breaks μ1 > μ2 + μ3, μ2 > μ3 ≥ 0, 0 < q_X < 1 (the one to change), and why; nil when
    /// none does.
    public var violated: (setting: Setting, reason: String)? {
        let mu3 = secondDecoyIntensity
        guard mu3 >= 0, mu3.isFinite else { return (.secondDecoyIntensity, "the second decoy needs mu3 >= 0") }
        if let mu2 = decoyIntensity, !(mu2 > mu3) { return (.decoyIntensity, "the decoys need mu2 > mu3 >= 0") }
        if let mu1 = signalIntensity {
            let lowest = (decoyIntensity ?? mu3) + mu3
            if !(mu1 > lowest) { return (.signalIntensity, "the signal needs mu1 > mu2 + mu3") }
        }
        if let q = basisBias, !(q > 0 && q < 1) { return (.basisBias, "the basis bias q_X must lie strictly between 0 and 1") }
        return nil
    }
}

extension FiniteKeyDecoyBB84 {
    /// Evaluations allowed to one Nelder–Mead run.
    static let evaluationsPerRun = 2000
    /// Coordinate and relative value tolerance of a run.
    static let searchTolerance = 1e-7
    /// Starting settings (q_X, p_μ1, p_μ2, μ1, μ2): large, medium and small blocks, and small blocks near
    /// their threshold, where the key lives in a thin sliver (few signals, mostly weak decoys).
    static let starts: [(q: Double, p1: Double, p2: Double, mu1: Double, mu2: Double)] = [
        (0.9, 0.7, 0.2, 0.5, 0.15), (0.6, 0.4, 0.4, 0.4, 0.2), (0.98, 0.9, 0.07, 0.7, 0.05), (0.55, 0.1, 0.5, 0.45, 0.15),
    ]
    /// Largest loss in dB searched for a threshold (η = 1e-40), and the search's resolution.
    static let thresholdSearch = (lossDB: 400.0, toleranceDB: 1e-3)

    /// Finite-key decoy BB84 at the settings that maximise the key per pulse ℓ/N.
    ///
    /// Optimises q_X, p_μ1, p_μ2 and whichever of μ1, μ2 `choices` leaves open, in coordinates that
    /// keep every setting valid: logit q_X ∈ [0, 14], so q_X ≥ 1/2 (the key basis is the more frequent one,
    /// as in their asymmetric coding; with n_X fixed, a rarer key basis buys tiny keys near the threshold with
    /// blocks that take years to fill); ln(p_μ1/p_μ3), ln(p_μ2/p_μ3) ∈ [−16, 16];
    /// μ2 = μ3 + e^y (y ∈ [ln 1e-6, ln 2]), or μ3 + (μ1 − 2μ3)·σ(y) when μ1 is given; μ1 = μ2 + μ3 + e^y
    /// (y ∈ [ln 1e-6, ln 3]). Nelder–Mead from four starting points (and `hint`, when given) plus a
    /// restart from the best, on ℓ/N before clipping at 0 (so it also finds the best settings just
    /// below threshold, where the key is 0). Fixed values that break the constraints give no key
    /// (`choices.violation` says why). Units and formulas as `evaluate(_:settings:)`. With `pass`, the
    /// block is every detection of the pass (`evaluate(_:settings:pass:)`) and ℓ/N, N the pass's pulses,
    /// is the key per pass over a fixed N, so the settings maximise the key per pass, as SatQuMA does.
    /// Source: Lim, Curty, Walenta, Xu, Zbinden, PRA 89, 022307 (2014), Sec. IV (they optimise
    /// {q_X, p_μ1, p_μ2, μ1, μ2} numerically with μ3 fixed); Nelder, Mead, Comput. J. 7, 308 (1965);
    /// Sidhu et al., npj Quantum Inf. 8, 18 (2022) for a pass.
    public static func optimise(_ p: FiniteKeyDecoyBB84Parameters, choices: FiniteKeyDecoyChoices,
                                hint: FiniteKeyDecoySettings? = nil, pass: [FiniteKeyExposure]? = nil)
        -> FiniteKeyDecoyBB84Result {
        optimise({ _ in (p, pass) }, choices: choices, hint: hint)
    }

    /// Finite-key decoy BB84 at the settings that maximise ℓ/N when the parameters (or a pass's exposures)
    /// depend on the settings.
    ///
    /// `operatingPoint(settings)` gives η (or each exposure's η) at the settings tried: a receiver whose
    /// dead time follows its click rate loses efficiency as the intensities and their probabilities rise.
    /// Search, coordinates and units as `optimise(_:choices:hint:pass:)`.
    /// Source: Lim, Curty, Walenta, Xu, Zbinden, PRA 89, 022307 (2014), Sec. IV (settings optimised for the
    /// system's own η); Knoll, Radiation Detection and Measurement, 4th ed. (2010), Ch. 4, Sec. VII.
    public static func optimise(
        _ operatingPoint: (FiniteKeyDecoySettings) -> (parameters: FiniteKeyDecoyBB84Parameters, pass: [FiniteKeyExposure]?),
        choices: FiniteKeyDecoyChoices, hint: FiniteKeyDecoySettings? = nil
    ) -> FiniteKeyDecoyBB84Result {
        let space = SettingsSpace(choices)
        func key(_ y: [Double]) -> (result: FiniteKeyDecoyBB84Result, rawRate: Double) {
            let settings = space.settings(y)
            let point = operatingPoint(settings)
            return keyLength(point.parameters, settings: settings, pass: point.pass)
        }
        func evaluated(_ y: [Double]) -> FiniteKeyDecoyBB84Result { key(y).result }
        guard choices.violation == nil else { return evaluated(space.encode(starts[0])) }
        func rate(_ y: [Double]) -> Double { key(y).rawRate }
        var candidates = starts.map { space.encode($0) }
        if let hint { candidates.insert(space.encode(hint), at: 0) }
        var best: (x: [Double], value: Double)?
        for start in candidates {
            let found = Optimise.nelderMeadMaximum(start: start, step: 1, box: space.box, tolerance: searchTolerance,
                                                   maxEvaluations: evaluationsPerRun, rate)
            if best == nil || found.value > best!.value { best = found }
        }
        guard let first = best else { return evaluated(candidates[0]) }
        let polished = Optimise.nelderMeadMaximum(start: first.x, step: 0.1, box: space.box, tolerance: searchTolerance,
                                                  maxEvaluations: evaluationsPerRun, rate)
        return evaluated(polished.value >= first.value ? polished.x : first.x)
    }

    /// Smallest system transmittance that still gives a key, with the free settings re-optimised at every loss.
    ///
    /// Replaces `p.transmittance`; bisection on the loss −10·log10 η over [0, 400] dB to 1e-3 dB,
    /// returning the transmittance just inside (key > 0 there); each step starts its search from the
    /// previous inside point's settings. Returns nil when there is no key even at η = 1, and 0 when
    /// there is key down to η = 1e-40. The margin of a link in dB is
    /// `Decibel.loss(transmittance: threshold) − Decibel.loss(transmittance: η)`.
    /// Source: the key of `optimise(_:choices:hint:)` (Lim, Curty, Walenta, Xu, Zbinden 2014).
    public static func thresholdTransmittance(_ p: FiniteKeyDecoyBB84Parameters, choices: FiniteKeyDecoyChoices)
        -> Double? {
        var hint: FiniteKeyDecoySettings?
        func hasKey(lossDB: Double) -> Bool {
            var atLoss = p
            atLoss.transmittance = Decibel.transmittance(loss: lossDB)
            let result = optimise(atLoss, choices: choices, hint: hint)
            if result.keyPerPulse > 0 { hint = result.settings }
            return result.keyPerPulse > 0
        }
        guard hasKey(lossDB: 0) else { return nil }
        guard !hasKey(lossDB: thresholdSearch.lossDB) else { return 0 }
        let lossDB = Optimise.bisectBoundary(lower: 0, upper: thresholdSearch.lossDB, tolerance: thresholdSearch.toleranceDB) {
            hasKey(lossDB: $0)
        }
        return Decibel.transmittance(loss: lossDB)
    }
}

/// The box of coordinates in which `FiniteKeyDecoyBB84.optimise` searches, and its map onto valid settings (Lim et al.'s constraints).
private struct SettingsSpace {
    let choices: FiniteKeyDecoyChoices
    let box: Optimise.Box
    /// Coordinate index of q_X, μ2 and μ1 when they are free (p_μ1, p_μ2 are always 0 and 1 after q_X).
    let basisIndex: Int?
    let probabilityIndex: Int
    let decoyIndex: Int?
    let signalIndex: Int?

    static let logitRange = (0.0, 14.0)
    static let probabilityRange = (-16.0, 16.0)
    static let decoyRange = (log(1e-6), log(2.0))
    static let signalRange = (log(1e-6), log(3.0))

    init(_ choices: FiniteKeyDecoyChoices) {
        self.choices = choices
        var ranges: [(Double, Double)] = []
        basisIndex = choices.basisBias == nil ? 0 : nil
        if basisIndex != nil { ranges.append(Self.logitRange) }
        probabilityIndex = ranges.count
        ranges += [Self.probabilityRange, Self.probabilityRange]
        decoyIndex = choices.decoyIntensity == nil ? ranges.count : nil
        if decoyIndex != nil { ranges.append(choices.signalIntensity == nil ? Self.decoyRange : Self.probabilityRange) }
        signalIndex = choices.signalIntensity == nil ? ranges.count : nil
        if signalIndex != nil { ranges.append(Self.signalRange) }
        box = Optimise.Box(lower: ranges.map(\.0), upper: ranges.map(\.1))
    }

    private static func sigmoid(_ y: Double) -> Double { 1 / (1 + exp(-y)) }
    private static func logit(_ x: Double) -> Double { log(x / (1 - x)) }

    /// The settings at coordinates `y`.
    func settings(_ y: [Double]) -> FiniteKeyDecoySettings {
        let mu3 = choices.secondDecoyIntensity
        let q = basisIndex.map { Self.sigmoid(y[$0]) } ?? choices.basisBias ?? 0.5
        let (a, b) = (exp(y[probabilityIndex]), exp(y[probabilityIndex + 1]))
        let mu2: Double
        if let index = decoyIndex {
            if let mu1 = choices.signalIntensity {
                mu2 = mu3 + (mu1 - 2 * mu3) * Self.sigmoid(y[index])
            } else {
                mu2 = mu3 + exp(y[index])
            }
        } else {
            mu2 = choices.decoyIntensity ?? mu3
        }
        let mu1 = signalIndex.map { mu2 + mu3 + exp(y[$0]) } ?? choices.signalIntensity ?? mu2 + mu3
        return FiniteKeyDecoySettings(signal: mu1, decoy: mu2, secondDecoy: mu3, signalProbability: a / (1 + a + b),
                                      decoyProbability: b / (1 + a + b), basisBias: q)
    }

    /// Coordinates near `settings` (clamped into the box).
    func encode(_ settings: FiniteKeyDecoySettings) -> [Double] {
        encode((settings.basisBias, settings.probabilities[0], settings.probabilities[1], settings.intensities[0],
                settings.intensities[1]))
    }

    /// Coordinates near the settings (q_X, p_μ1, p_μ2, μ1, μ2), fixed choices taking precedence.
    func encode(_ s: (q: Double, p1: Double, p2: Double, mu1: Double, mu2: Double)) -> [Double] {
        let mu3 = choices.secondDecoyIntensity
        var y: [Double] = []
        if basisIndex != nil { y.append(Self.logit(s.q)) }
        let p3 = max(1e-12, 1 - s.p1 - s.p2)
        y += [log(s.p1 / p3), log(s.p2 / p3)]
        let mu1 = choices.signalIntensity ?? s.mu1
        if decoyIndex != nil {
            if choices.signalIntensity != nil {
                let fraction = (s.mu2 - mu3) / (mu1 - 2 * mu3)
                y.append(Self.logit(min(0.9, max(0.1, fraction.isFinite ? fraction : 0.5))))
            } else {
                y.append(log(max(1e-6, s.mu2 - mu3)))
            }
        }
        let mu2 = choices.decoyIntensity ?? s.mu2
        if signalIndex != nil { y.append(log(max(1e-6, s.mu1 - mu2 - mu3))) }
        return box.clamp(y)
    }
}
