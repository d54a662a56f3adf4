import Foundation
import QNetModel
import QNetPhysics

/// The key of a decoy-state BB84 link at its operating point.
struct DecoyKey {
    var detector: DetectorBudget
    var qber: QBERBudget?
    var keyPerPulse: Double
    var signalIntensity: Double?
    var marginDB: Double?
    /// No loss the threshold search reaches removes the key (`LinkPlan.marginUnlimited`).
    var marginUnlimited = false
    var noKeyReason: String?
    var assumptions: [Assumption]
    /// Intensities the decoy bounds cannot use, the cause of no key and an error of the plan at the key to change.
    var invalidIntensities: DecoyIntensityCheck? = nil
}

/// Maps a link's channel and receiver onto `DecoyBB84` and its result onto the plan.
enum DecoyKeyBuilder {
    /// Passes of the dead-time factor at a key's threshold, from f = 1 (`ResolvedDetector.deadTimeFactor(systemTransmittance:passes:clickRate:)`).
    static let thresholdPasses = 3

    /// The key of `link` over a channel of transmittance `channel`.
    static func build(_ link: ResolvedLink, channel: Double, channelLossDB: Double, timing: TimingBudget,
                      memo: ThresholdMemo, strings: AssumptionMemo = AssumptionMemo()) -> DecoyKey {
        let source = link.source
        let detector = link.detector
        let repetitionRate = source.repetitionRate.value
        var assumptions = strings.common(link)

        let sourceFault = sourceProblem(link)
        let invalid = sourceFault == nil ? DecoyIntensityCheck(asymptotic: link) : nil
        if let problem = sourceFault ?? invalid?.reason {
            return DecoyKey(detector: timing.budget(afterpulse: 0, countRate: 0, deadTimeFactor: 1), qber: nil,
                            keyPerPulse: 0, signalIntensity: nil, marginDB: nil, noKeyReason: problem,
                            assumptions: assumptions, invalidIntensities: invalid)
        }

        let noise = timing.noiseProbability
        let misalignment = Sanitise.fraction(link.misalignment.value)
        let errorRate = min(0.5, misalignment + 0.5 * timing.interSymbolFraction)
        let afterpulseProbability = Sanitise.fraction(detector.afterpulseProbability.value)
        let efficiency = Sanitise.fraction(timing.detectorEfficiency.value) * Sanitise.fraction(timing.windowFraction)
        let fixed = source.signalIntensity.value.fixedValue
        let decoy: DecoyMethod = source.decoy.value == .infinite
            ? .infinite : .vacuumWeak(decoyIntensity: source.decoyIntensity.value)

        func parameters(afterpulse: Double, deadTimeFactor: Double) -> DecoyBB84Parameters {
            DecoyBB84Parameters(transmittance: Sanitise.fraction(channel * efficiency * deadTimeFactor),
                                darkYield: Sanitise.fraction(noise + afterpulse), misalignment: errorRate,
                                ecEfficiency: link.ecEfficiency.value, siftingFactor: link.siftingFactor, decoy: decoy)
        }

        // Afterpulsing and dead time follow the click rate, which follows mu: each mu tried (or the fixed one)
        // is evaluated with its own self-consistent load, so the optimum is that of the key with its load.
        func load(intensity: Double) -> DetectorLoad {
            DetectorLoad.settled(arrivals: -expm1(-channel * efficiency * intensity) + noise,
                                 registered: { -expm1(-channel * efficiency * $0 * intensity) + noise },
                                 detector: detector, repetitionRate: repetitionRate)
        }
        func parameters(intensity: Double) -> DecoyBB84Parameters {
            let settled = load(intensity: intensity)
            return parameters(afterpulse: settled.afterpulse, deadTimeFactor: settled.deadTimeFactor)
        }
        let result = strings.evaluation(parameters(afterpulse: 0, deadTimeFactor: 1), detector: detector,
                                        repetitionRate: repetitionRate, fixed: fixed) {
            fixed.map { DecoyBB84.evaluate(parameters(intensity: $0), signalIntensity: $0) }
                ?? DecoyBB84.optimise { parameters(intensity: $0) }
        }
        let operating = load(intensity: result.signalIntensity)
        let afterpulse = operating.afterpulse
        let params = parameters(afterpulse: afterpulse, deadTimeFactor: operating.deadTimeFactor)
        assumptions.append(strings.operatingPoint)

        let detectorBudget = operating.budget(timing)
        let mu = Sanitise.finite(result.signalIntensity)
        let signal = -expm1(-params.transmittance * mu)
        let clicks = signal + noise + afterpulse
        let qber: QBERBudget? = clicks > 0 ? QBERBudget(
            misalignment: Sanitise.fraction(misalignment * signal / clicks),
            darkAndBackground: Sanitise.fraction(0.5 * noise / clicks),
            afterpulsing: Sanitise.fraction(0.5 * afterpulse / clicks),
            timing: Sanitise.fraction(0.5 * timing.interSymbolFraction * signal / clicks)) : nil
        let keyPerPulse = Sanitise.rate(result.keyPerPulse)

        // Margin: the threshold where the key vanishes. There the click rate is far below the operating
        // point's, so afterpulsing and dead time are taken at the threshold's own click rate.
        let limit = thresholdMargin(noise: noise, afterpulseProbability: afterpulseProbability, errorRate: errorRate,
                                     link: link, decoy: decoy, fixed: fixed, efficiency: efficiency,
                                     memo: memo)
        let toleratedDB = limit.toleratedDB
        // Key down to the search's floor: no loss it reaches removes the key, so there is no margin to show.
        let unbounded = keyPerPulse > 0 && (limit.threshold.map { $0 <= thresholdFloor } ?? false)
        assumptions.append(unbounded ? strings.marginUnbounded : fixed == nil ? strings.marginOptimised : strings.marginFixed)
        let margin = unbounded ? nil : reportedMargin(toleratedDB: toleratedDB, channelLossDB: channelLossDB, hasKey: keyPerPulse > 0)
        var reason: String?
        if keyPerPulse <= 0 {
            // Without a threshold: the noise is the cause when the optical error alone (no dark counts) would allow a key.
            let noiseKills = limit.threshold == nil && memo.threshold(
                ThresholdKey(darkYield: 0, misalignment: errorRate, ecEfficiency: link.ecEfficiency.value,
                             siftingFactor: link.siftingFactor, decoy: decoy, signalIntensity: fixed)) != nil
            reason = noKeyReason(qber: qber?.total ?? 0.5, channelLossDB: channelLossDB, toleratedDB: toleratedDB,
                                 hasThreshold: limit.threshold != nil, noisePerWindow: noiseKills ? noise + afterpulse : nil,
                                 efficiency: efficiency,
                                 optical: OpticalError(misalignment: misalignment, interSymbolFraction: timing.interSymbolFraction,
                                                       jitterFWHM: timing.totalFWHM, ecEfficiency: link.ecEfficiency.value))
        }
        return DecoyKey(detector: detectorBudget, qber: qber, keyPerPulse: keyPerPulse, signalIntensity: mu,
                        marginDB: margin, marginUnlimited: unbounded, noKeyReason: reason, assumptions: assumptions)
    }

    /// The margin the plan reports from the channel loss the receiver tolerates (`toleratedDB`, system loss at the
    /// key's threshold less the receiver's own loss): the extra channel loss before the key vanishes, at least 0 with
    /// key and at most 0 without (the loss to remove); nil when no loss gives a key: no threshold, or a receiver that
    /// alone loses more than the key tolerates (`toleratedDB` < 0: not even a lossless channel has key).
    static func reportedMargin(toleratedDB: Double?, channelLossDB: Double, hasKey: Bool) -> Double? {
        guard let toleratedDB, hasKey || toleratedDB >= 0 else { return nil }
        let margin = Sanitise.finite(max(-1000, min(1000, toleratedDB - channelLossDB)))
        return hasKey ? max(0, margin) : min(0, margin)
    }

    /// Signal intensity assumed for the afterpulses of the threshold's own clicks when mu is optimised.
    static let thresholdNominalIntensity = 0.5

    /// The lowest system transmittance with key, and the channel loss the receiver then tolerates (dB).
    ///
    /// Y0 holds the dark and background counts plus the afterpulses of the clicks at the threshold
    /// (two passes: first of the noise alone, then of the noise and the signal at the threshold);
    /// the dead-time factor is that of the threshold's click rate before dead time.
    private static func thresholdMargin(noise: Double, afterpulseProbability: Double, errorRate: Double,
                                        link: ResolvedLink, decoy: DecoyMethod, fixed: Double?, efficiency: Double,
                                        memo: ThresholdMemo)
        -> (threshold: Double?, toleratedDB: Double?) {
        func threshold(afterpulse: Double) -> Double? {
            memo.threshold(ThresholdKey(darkYield: Sanitise.fraction(noise + afterpulse), misalignment: errorRate,
                                        ecEfficiency: link.ecEfficiency.value, siftingFactor: link.siftingFactor,
                                        decoy: decoy, signalIntensity: fixed))
        }
        let mu = fixed ?? thresholdNominalIntensity
        var afterpulse = afterpulseProbability * noise
        guard let first = threshold(afterpulse: afterpulse) else { return (nil, nil) }
        afterpulse = afterpulseProbability * (first * mu + noise)
        guard let found = threshold(afterpulse: afterpulse) else { return (nil, nil) }
        let deadFactor = link.detector.deadTimeFactor(systemTransmittance: found, passes: thresholdPasses) { eta in
            Sanitise.rate((eta * mu + noise + afterpulse) * link.source.repetitionRate.value)
        }
        let receiverLossDB = Decibel.loss(transmittance: Sanitise.fraction(efficiency * deadFactor))
        guard receiverLossDB.isFinite else { return (found, nil) }
        // A threshold of 0 means key down to the search's floor (1e-40, 400 dB): the margin is at least that.
        return (found, Decibel.loss(transmittance: max(found, thresholdFloor)) - receiverLossDB)
    }

    /// The lowest system transmittance the threshold search reaches, 1e-40 (400 dB).
    static let thresholdFloor = 1e-40

    /// Why the link's source cannot run decoy BB84 (it must send weak coherent pulses), or nil.
    static func sourceProblem(_ link: ResolvedLink) -> String? {
        let kind = link.source.kind.value
        guard kind != .weakCoherent else { return nil }
        let what = kind == .spdc ? "SPDC pairs" : "\(kind.rawValue) states"
        return "source emits \(what): bb84-decoy needs a weak-coherent source"
    }

    /// Why a link gets no key, in words a network architect can act on; without a threshold (no transmittance
    /// gives a key, so no margin), why none does; with a negative `toleratedDB` (a receiver that alone loses more
    /// than the key tolerates, so no margin either), by how much.
    /// `noisePerWindow` is set when no loss gives a key because of the noise (dark, background and afterpulse
    /// clicks per window), the optical error alone allowing one.
    static func noKeyReason(qber: Double, channelLossDB: Double, toleratedDB: Double?, hasThreshold: Bool,
                            noisePerWindow: Double? = nil, efficiency: Double, optical: OpticalError) -> String {
        if efficiency <= 0 { return "the receiver detects nothing (detection efficiency x window fraction is 0)" }
        if !hasThreshold, let noise = noisePerWindow {
            return "no loss gives a key, not even a lossless channel: \(Format.number(noise, digits: 3)) noise clicks per window "
                + "(dark counts, background, afterpulses) raise the QBER (\(Format.percent(qber)) here) beyond what error "
                + "correction and privacy amplification leave a key at, at any transmittance; the optical error "
                + "e_d \(Format.percent(optical.total)) alone would allow one"
        }
        if !hasThreshold { return optical.noKeyAtAnyLoss }
        if let toleratedDB, toleratedDB < 0 {
            return "no loss gives a key, not even a lossless channel: the receiver alone (detection efficiency x window "
                + "fraction x dead-time factor) loses \(Format.dB(-toleratedDB)) more than the system loss at which the key "
                + "vanishes, so there is no margin to report"
        }
        if let toleratedDB, channelLossDB > toleratedDB {
            return "loss \(Format.dB(channelLossDB)) exceeds the \(Format.dB(toleratedDB)) the receiver tolerates"
        }
        if qber >= 0.11 {
            return "QBER \(Format.percent(qber)) above the ~11 % limit of BB84"
        }
        return "QBER \(Format.percent(qber)) leaves no key after error correction and privacy amplification"
    }

    /// Protocol settings the key rests on.
    static func commonAssumptions(_ link: ResolvedLink) -> [Assumption] {
        let source = link.source
        let intensity: (value: String, basis: String)
        switch source.signalIntensity.value {
        case .auto: intensity = ("auto (optimised)", "\(source.signalIntensity.basis); \(DetectorLoad.optimisedBasis)")
        case .fixed(let mu): intensity = (Format.number(mu), source.signalIntensity.basis)
        }
        let decoy = source.decoy.value == .infinite
            ? "infinite decoys" : "vacuum + weak, nu = \(Format.number(source.decoyIntensity.value))"
        return [
            Assumption(name: "protocol", value: "bb84-decoy, asymptotic key (GLLP)", basis: link.protocolKind.basis),
            Assumption(name: "signal intensity", value: intensity.value, basis: intensity.basis),
            Assumption(name: "decoy", value: decoy, basis: "\(source.decoy.basis); \(source.decoyIntensity.basis)"),
            Assumption(name: "misalignment", value: Format.percent(link.misalignment.value), basis: link.misalignment.basis),
            Assumption(name: "error correction", value: "f = \(Format.number(link.ecEfficiency.value))", basis: link.ecEfficiency.basis),
            Assumption(name: "sifting", value: "\(link.sifting.value.rawValue), q = \(Format.number(link.siftingFactor))",
                       basis: link.sifting.basis),
            Assumption(name: "timing error", value: "e_d = misalignment + 1/2 inter-symbol fraction",
                       basis: "a click in the wrong slot carries a random bit"),
        ]
    }
}

/// Assumptions that many links share, built once per distinct input and then shared (their strings
/// too): less time per link, and one copy of each string instead of one per link; and the decoy-BB84
/// operating points of links whose parameters are bit-identical (equal lengths, same equipment).
/// Not thread-safe: one per worker.
final class AssumptionMemo {
    private struct CommonKey: Hashable {
        var protocolBasis: String
        var intensity: Sourced<Tunable>
        var decoy: Sourced<DecoyKind>
        var decoyIntensity: Sourced<Double>
        var misalignment: Sourced<Double>
        var ecEfficiency: Sourced<Double>
        var sifting: Sourced<Sifting>
    }

    /// Decoy-BB84 parameters before afterpulsing and dead time, the detector's afterpulsing and dead time and the
    /// repetition rate that set them, by their bits (so -0.0 and 0.0 stay apart), and the fixed intensity if any.
    private struct EvaluationKey: Hashable {
        var transmittance, darkYield, misalignment, ecEfficiency, siftingFactor: UInt64
        /// The weak decoy's intensity, nil for infinitely many decoys.
        var decoyIntensity: UInt64?
        var afterpulseProbability, deadTime, repetitionRate: UInt64
        var deadTimeModel: DeadTimeKind
        var fixed: UInt64?

        init(_ parameters: DecoyBB84Parameters, detector: ResolvedDetector, repetitionRate: Double, fixed: Double?) {
            transmittance = parameters.transmittance.bitPattern
            darkYield = parameters.darkYield.bitPattern
            misalignment = parameters.misalignment.bitPattern
            ecEfficiency = parameters.ecEfficiency.bitPattern
            siftingFactor = parameters.siftingFactor.bitPattern
            switch parameters.decoy {
            case .infinite: decoyIntensity = nil
            case .vacuumWeak(let nu): decoyIntensity = nu.bitPattern
            }
            afterpulseProbability = detector.afterpulseProbability.value.bitPattern
            deadTime = detector.deadTime.value.bitPattern
            deadTimeModel = detector.deadTimeModel.value
            self.repetitionRate = repetitionRate.bitPattern
            self.fixed = fixed?.bitPattern
        }
    }

    private var common: [CommonKey: [Assumption]] = [:]
    /// Strings of `equipment(_:timing:)` (AssumptionMemo+Equipment.swift): per source and detector records,
    /// per records and the key path that names them, and the window assumptions per window.
    var sourceValues: [RecordKey: String] = [:]
    var sourceBases: [RecordKey: String] = [:]
    var detectorValues: [RecordKey: String] = [:]
    var detectorBases: [RecordKey: String] = [:]
    var windows: [WindowKey: [Assumption]] = [:]
    private var evaluations: [EvaluationKey: DecoyBB84Result] = [:]
    private var budgetBases: Set<DetectorBudgetBases> = []

    /// One instance per distinct detector-budget bases: the links of a receiver share it, and its strings (a window's
    /// basis is built per link) are kept once, not per link (tens of MB on 10,000-node networks).
    func shared(_ bases: DetectorBudgetBases) -> DetectorBudgetBases {
        budgetBases.insert(bases).memberAfterInsert
    }

    let marginOptimised = Assumption(
        name: "margin", value: "extra channel loss until the key vanishes; afterpulsing and dead time at that point's click rate",
        basis: "DecoyBB84.thresholdTransmittance, mu re-optimised (Y0, e_d rounded to 4 digits)")
    let marginUnbounded = Assumption(
        name: "margin", value: "no limit",
        basis: "DecoyBB84.thresholdTransmittance: key at every system transmittance down to the search's floor, 1e-40 "
            + "(400 dB); without dark counts or background (Y0 = 0) the decoy key stays proportional to the transmittance")
    let marginFixed = Assumption(
        name: "margin", value: "extra channel loss until the key vanishes; afterpulsing and dead time at that point's click rate",
        basis: "DecoyBB84.thresholdTransmittance, mu fixed (Y0, e_d rounded to 4 digits)")

    /// `DecoyKeyBuilder.commonAssumptions(link)`.
    func common(_ link: ResolvedLink) -> [Assumption] {
        let key = CommonKey(protocolBasis: link.protocolKind.basis, intensity: link.source.signalIntensity,
                            decoy: link.source.decoy, decoyIntensity: link.source.decoyIntensity,
                            misalignment: link.misalignment, ecEfficiency: link.ecEfficiency, sifting: link.sifting)
        if let found = common[key] { return found }
        let built = DecoyKeyBuilder.commonAssumptions(link)
        common[key] = built
        return built
    }

    /// The result of `compute`, the evaluation (at `fixed`, else optimised) of `bare`, the parameters before afterpulsing
    /// and dead time, with `detector`'s load at `repetitionRate` pulses per second; once per distinct bits.
    func evaluation(_ bare: DecoyBB84Parameters, detector: ResolvedDetector, repetitionRate: Double, fixed: Double?,
                    _ compute: () -> DecoyBB84Result) -> DecoyBB84Result {
        let key = EvaluationKey(bare, detector: detector, repetitionRate: repetitionRate, fixed: fixed)
        if let found = evaluations[key] { return found }
        let result = compute()
        evaluations[key] = result
        return result
    }

    let operatingPoint = DetectorLoad.operatingPoint("the click rate")
}
