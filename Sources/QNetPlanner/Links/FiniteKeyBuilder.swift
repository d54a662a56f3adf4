import Foundation
import QNetModel
import QNetPhysics

/// A link's `finite_key:` record and the source's finite-key settings after defaults, each with its basis.
struct ResolvedFiniteKey {
    let blockSize: Sourced<Double>
    let epsilonSec: Sourced<Double>
    let epsilonCor: Sourced<Double>
    let decoyIntensity: Sourced<Tunable>
    let secondDecoyIntensity: Sourced<Tunable>
    let basisBias: Sourced<Tunable>

    init(_ link: ResolvedLink, _ settings: FiniteKeySettings) {
        let path = "\(link.path).finite_key"
        blockSize = Sourced.quantity([(settings.blockSize, "\(path).block_size")], else: PlanningDefaults.finiteKeyBlockSize)
        epsilonSec = Sourced.quantity([(settings.epsilonSec, "\(path).epsilon_sec")], else: PlanningDefaults.epsilonSec)
        epsilonCor = Sourced.quantity([(settings.epsilonCor, "\(path).epsilon_cor")], else: PlanningDefaults.epsilonCor)
        let record = link.inputs.source
        let source = link.source
        decoyIntensity = Sourced.first([(record?.decoyIntensity, source.path("decoy_intensity"))],
                                       else: PlanningDefaults.finiteKeyDecoyIntensity)
        secondDecoyIntensity = Sourced.first([(record?.secondDecoyIntensity, source.path("second_decoy_intensity"))],
                                             else: PlanningDefaults.secondDecoyIntensity)
        basisBias = Sourced.first([(record?.basisBias, source.path("basis_bias"))], else: PlanningDefaults.basisBias)
    }

    /// What the optimiser may choose: `auto` settings are free; an `auto` μ3 is vacuum, its optimum.
    func choices(signal: Tunable) -> FiniteKeyDecoyChoices {
        FiniteKeyDecoyChoices(signalIntensity: signal.fixedValue, decoyIntensity: decoyIntensity.value.fixedValue,
                              secondDecoyIntensity: secondDecoyIntensity.value.fixedValue ?? 0,
                              basisBias: basisBias.value.fixedValue)
    }
}

/// The key of a finite-key decoy BB84 link and the finite-key figures the reports show.
struct FiniteKey {
    var key: DecoyKey
    var plan: FiniteKeyPlan?
}

/// Maps a bb84-decoy link with `finite_key:` onto `FiniteKeyDecoyBB84` (Lim, Curty, Walenta, Xu, Zbinden 2014).
enum FiniteKeyBuilder {
    /// The finite key of `link` over a channel of transmittance `channel`, or nil when the link has no `finite_key:`.
    static func build(_ link: ResolvedLink, channel: Double, channelLossDB: Double, timing: TimingBudget,
                      memo: ThresholdMemo) -> FiniteKey? {
        guard let record = link.inputs.link.finiteKey else { return nil }
        let settings = ResolvedFiniteKey(link, record)
        let source = link.source
        let choices = settings.choices(signal: source.signalIntensity.value)
        var assumptions = protocolAssumptions(link, settings)
        func noKey(_ reason: String) -> FiniteKey {
            FiniteKey(key: DecoyKey(detector: timing.budget(afterpulse: 0, countRate: 0, deadTimeFactor: 1), qber: nil,
                                    keyPerPulse: 0, signalIntensity: nil, marginDB: nil, noKeyReason: reason,
                                    assumptions: assumptions),
                      plan: nil)
        }
        if let problem = DecoyKeyBuilder.sourceProblem(link) { return noKey(problem) }
        if let problem = choices.violation { return noKey("finite-key settings: \(problem) (Lim et al. 2014)") }

        let receiver = Receiver(link, timing: timing)
        let repetitionRate = source.repetitionRate.value
        func parameters(deadTimeFactor: Double) -> FiniteKeyDecoyBB84Parameters {
            FiniteKeyDecoyBB84Parameters(
                transmittance: Sanitise.fraction(channel * receiver.efficiency * deadTimeFactor),
                darkYield: receiver.noise, afterpulseProbability: receiver.afterpulse, misalignment: receiver.errorRate,
                ecEfficiency: link.ecEfficiency.value, blockSize: settings.blockSize.value,
                secrecy: .fixed(settings.epsilonSec.value), correctness: settings.epsilonCor.value)
        }
        // Dead time depends on the click rate, which depends on the settings: start from mu = 0.5 sent always.
        let start = receiver.clicks(transmittance: channel * receiver.efficiency, intensity: choices.signalIntensity ?? 0.5)
        var deadTime = receiver.deadTimeFactor(countRate: start * repetitionRate)
        var result = FiniteKeyDecoyBB84.optimise(parameters(deadTimeFactor: deadTime), choices: choices)
        for _ in 1..<DecoyKeyBuilder.maxPasses {
            let next = receiver.deadTimeFactor(countRate: result.detectionsPerPulse * repetitionRate)
            if abs(next - deadTime) <= 1e-4 * deadTime { break }
            deadTime = next
            result = FiniteKeyDecoyBB84.optimise(parameters(deadTimeFactor: deadTime), choices: choices, hint: result.settings)
        }
        let used = parameters(deadTimeFactor: deadTime)
        let keyPerPulse = Sanitise.rate(result.keyPerPulse)
        let blockTime = Sanitise.finite(result.pulsesPerBlock / max(repetitionRate, 1e-300))
        assumptions += resultAssumptions(settings, signal: source.signalIntensity, result, blockTime: blockTime,
                                         repetitionRate: repetitionRate)

        let limit = margin(receiver, used, choices: choices, settings: result.settings, repetitionRate: repetitionRate,
                           memo: memo)
        assumptions.append(Assumption(
            name: "margin", value: "extra channel loss until the key vanishes, settings re-optimised at every loss, "
                + "n_X and eps held; dead time at that point's click rate",
            basis: "FiniteKeyDecoyBB84.thresholdTransmittance (Y0, e_mis rounded to 4 digits)"))
        var margin = limit.toleratedDB.map { Sanitise.finite(max(-1000, min(1000, $0 - channelLossDB))) }
        var reason: String?
        if keyPerPulse <= 0 {
            reason = noKeyReason(result, settings, channelLossDB: channelLossDB, toleratedDB: limit.toleratedDB,
                                 hasThreshold: limit.threshold != nil, efficiency: receiver.efficiency)
            margin = margin.map { min(0, $0) }
        } else {
            margin = margin.map { max(0, $0) }
        }
        let detector = timing.budget(afterpulse: receiver.afterpulse * result.detectionsPerPulse / (1 + receiver.afterpulse),
                                     countRate: result.detectionsPerPulse * repetitionRate, deadTimeFactor: deadTime)
        let key = DecoyKey(detector: detector, qber: receiver.qberBudget(result, transmittance: used.transmittance),
                           keyPerPulse: keyPerPulse, signalIntensity: Sanitise.finite(result.settings.intensities[0]),
                           marginDB: margin, noKeyReason: reason, assumptions: assumptions)
        let plan = FiniteKeyPlan(
            blockSize: settings.blockSize.value, epsilonSec: settings.epsilonSec.value, epsilonCor: settings.epsilonCor.value,
            intensities: result.settings.intensities.map { Sanitise.finite($0) },
            probabilities: result.settings.probabilities.map { Sanitise.fraction($0) },
            basisBias: Sanitise.fraction(result.settings.basisBias), keyBitsPerBlock: Sanitise.rate(result.keyLength),
            pulsesPerBlock: Sanitise.rate(result.pulsesPerBlock), blockTimeSeconds: Sanitise.rate(blockTime),
            phaseErrorRate: Sanitise.fraction(result.phaseErrorRate))
        return FiniteKey(key: key, plan: plan)
    }

    /// The lowest system transmittance with key at this block size (settings re-optimised), and the channel
    /// loss the receiver then tolerates, with dead time at the threshold's own click rate.
    private static func margin(_ receiver: Receiver, _ parameters: FiniteKeyDecoyBB84Parameters,
                               choices: FiniteKeyDecoyChoices, settings: FiniteKeyDecoySettings, repetitionRate: Double,
                               memo: ThresholdMemo) -> (threshold: Double?, toleratedDB: Double?) {
        let key = FiniteKeyThresholdKey(parameters, choices: choices)
        guard let threshold = memo.finiteKey.value(key, compute: {
            FiniteKeyDecoyBB84.thresholdTransmittance($0.parameters, choices: $0.choices)
        }) else {
            return (nil, nil)
        }
        let meanIntensity = zip(settings.intensities, settings.probabilities).reduce(0) { $0 + $1.0 * $1.1 }
        let clicks = receiver.clicks(transmittance: threshold, intensity: meanIntensity)
        let receiverLossDB = Decibel.loss(transmittance: Sanitise.fraction(
            receiver.efficiency * receiver.deadTimeFactor(countRate: clicks * repetitionRate)))
        guard receiverLossDB.isFinite else { return (threshold, nil) }
        // A threshold of 0 means key down to the search's floor (1e-40, 400 dB): the margin is at least that.
        return (threshold, Decibel.loss(transmittance: max(threshold, 1e-40)) - receiverLossDB)
    }

    /// Why the link has no key: the asymptotic reasons, or a block too small for any key.
    private static func noKeyReason(_ result: FiniteKeyDecoyBB84Result, _ settings: ResolvedFiniteKey,
                                    channelLossDB: Double, toleratedDB: Double?, hasThreshold: Bool,
                                    efficiency: Double) -> String {
        if !hasThreshold, efficiency > 0, result.qber < 0.11 {
            return "blocks of n_X = \(Format.number(settings.blockSize.value)) detections are too small for a key at any "
                + "loss: the finite-size terms exceed it (Lim et al. 2014; raise finite_key.block_size)"
        }
        return DecoyKeyBuilder.noKeyReason(qber: result.qber, channelLossDB: channelLossDB, toleratedDB: toleratedDB,
                                           hasThreshold: hasThreshold, efficiency: efficiency)
    }

    /// The protocol, block and security settings the key rests on.
    private static func protocolAssumptions(_ link: ResolvedLink, _ settings: ResolvedFiniteKey) -> [Assumption] {
        [
            Assumption(name: "protocol", value: "bb84-decoy, finite key: three intensities, biased bases",
                       basis: "\(link.protocolKind.basis); Lim, Curty, Walenta, Xu, Zbinden, PRA 89, 022307 (2014)"),
            Assumption(name: "block size", value: "n_X = \(Format.number(settings.blockSize.value)) key-basis detections",
                       basis: settings.blockSize.basis),
            Assumption(name: "security", value: "eps_sec = \(Format.number(settings.epsilonSec.value)), "
                + "eps_cor = \(Format.number(settings.epsilonCor.value))",
                       basis: "\(settings.epsilonSec.basis); \(settings.epsilonCor.basis)"),
            Assumption(name: "misalignment", value: Format.percent(link.misalignment.value), basis: link.misalignment.basis),
            Assumption(name: "error correction", value: "f = \(Format.number(link.ecEfficiency.value)), "
                + "lambda_EC = f n_X h(E_X)", basis: link.ecEfficiency.basis),
            Assumption(name: "sifting", value: "replaced by the basis bias q_X (key from X-basis detections only)",
                       basis: "Lim et al. 2014; \(link.sifting.basis) is not used by the finite key"),
            Assumption(name: "afterpulsing", value: "each intensity's detections x (1 + p_ap), half of them errors",
                       basis: "Lim et al. 2014, Sec. IV: R_k = D_k (1 + p_ap)"),
            Assumption(name: "timing error", value: "e_mis = misalignment + 1/2 inter-symbol fraction",
                       basis: "a click in the wrong slot carries a random bit"),
        ] + (link.inputs.link.pass == nil ? [] : [
            Assumption(name: "satellite pass", value: "the key per pass is integrated with the asymptotic key; "
                + "finite_key sets the link's key at its single geometry", basis: "\(link.path).pass"),
        ])
    }

    /// The settings used, the key per block and the time to collect a block.
    private static func resultAssumptions(_ settings: ResolvedFiniteKey, signal: Sourced<Tunable>,
                                          _ result: FiniteKeyDecoyBB84Result, blockTime: Double,
                                          repetitionRate: Double) -> [Assumption] {
        let s = result.settings
        func chosen(_ value: Double, _ tunable: Sourced<Tunable>) -> (String, String) {
            tunable.value.fixedValue == nil
                ? ("\(Format.number(value)) (optimised)", "\(tunable.basis); Nelder-Mead on l/N") : (Format.number(value), tunable.basis)
        }
        let basis = chosen(s.basisBias, settings.basisBias)
        let mu3 = settings.secondDecoyIntensity.value.fixedValue == nil
            ? ("0 (vacuum)", "\(settings.secondDecoyIntensity.basis): auto is vacuum, the optimum (Lim et al. 2014, App. A)")
            : (Format.number(s.intensities[2]), settings.secondDecoyIntensity.basis)
        let (mu1, mu2) = (chosen(s.intensities[0], signal), chosen(s.intensities[1], settings.decoyIntensity))
        let rate = result.keyBasisDetectionsPerPulse * repetitionRate
        return [
            Assumption(name: "signal intensity", value: "mu1 = \(mu1.0)", basis: mu1.1),
            Assumption(name: "decoy intensity", value: "mu2 = \(mu2.0)", basis: mu2.1),
            Assumption(name: "second decoy intensity", value: "mu3 = \(mu3.0)", basis: mu3.1),
            Assumption(name: "intensity probabilities",
                       value: s.probabilities.map { Format.number($0, digits: 3) }.joined(separator: " / ") + " (optimised)",
                       basis: "optimised by the planner with the intensities, Lim et al. 2014, Sec. IV"),
            Assumption(name: "basis bias", value: "q_X = \(basis.0)", basis: basis.1),
            Assumption(name: "block collection time",
                       value: "\(longDuration(blockTime)) = n_X / \(Format.frequency(rate)) key-basis detections",
                       basis: "N = n_X / (q_X^2 sum_k p_k R_k) = \(Format.number(result.pulsesPerBlock)) pulses at "
                           + Format.frequency(repetitionRate)),
            Assumption(name: "key per block", value: "l = \(Format.number(result.keyLength)) bits, phase error <= "
                + Format.percent(result.phaseErrorRate), basis: "Lim et al. 2014, Eqs. (1)-(5)"),
        ]
    }

    /// A duration in s, min, h or days (`40 s`, `3.2 h`).
    static func longDuration(_ seconds: Double) -> String {
        if seconds >= 86_400 { return "\(Format.number(seconds / 86_400, digits: 3)) days" }
        if seconds >= 3600 { return "\(Format.number(seconds / 3600, digits: 3)) h" }
        if seconds >= 60 { return "\(Format.number(seconds / 60, digits: 3)) min" }
        return Format.duration(seconds)
    }
}

/// What the receiver adds to the channel: efficiency, background, afterpulsing, optical error and dead time.
private struct Receiver {
    /// Detector efficiency × window fraction.
    let efficiency: Double
    /// Y0, dark and background clicks per window.
    let noise: Double
    let afterpulse: Double
    /// e_mis: misalignment plus half the inter-symbol fraction.
    let errorRate: Double
    let misalignment: Double
    let timingError: Double
    let detector: ResolvedDetector

    init(_ link: ResolvedLink, timing: TimingBudget) {
        efficiency = Sanitise.fraction(timing.detectorEfficiency.value) * Sanitise.fraction(timing.windowFraction)
        noise = Sanitise.fraction(timing.noiseProbability)
        afterpulse = Sanitise.fraction(link.detector.afterpulseProbability.value)
        misalignment = Sanitise.fraction(link.misalignment.value)
        timingError = 0.5 * Sanitise.fraction(timing.interSymbolFraction)
        errorRate = min(0.5, misalignment + timingError)
        detector = link.detector
    }

    /// Clicks per pulse, afterpulses included, of pulses of mean photon number `intensity` at system transmittance η.
    func clicks(transmittance: Double, intensity: Double) -> Double {
        (noise + (1 - noise) * -expm1(-transmittance * intensity)) * (1 + afterpulse)
    }

    /// Observed over true count rate at `countRate` clicks per second.
    func deadTimeFactor(countRate: Double) -> Double {
        let model: DeadTimeModel = detector.deadTimeModel.value == .paralysable ? .paralysable : .nonParalysable
        return Sanitise.fraction(DeadTime.efficiencyFactor(trueRate: countRate, deadTime: detector.deadTime.value, model: model))
    }

    /// E_X and its parts, averaged over the intensities as the key basis sees them (Lim et al.'s e_k / R_k).
    func qberBudget(_ result: FiniteKeyDecoyBB84Result, transmittance: Double) -> QBERBudget? {
        let clicks = result.detectionsPerPulse
        guard clicks > 0 else { return nil }
        let s = result.settings
        let signal = (0..<3).reduce(0.0) { $0 + s.probabilities[$1] * -expm1(-transmittance * s.intensities[$1]) }
        return QBERBudget(misalignment: Sanitise.fraction(misalignment * signal / clicks),
                          darkAndBackground: Sanitise.fraction(0.5 * noise / clicks),
                          afterpulsing: Sanitise.fraction(0.5 * afterpulse / (1 + afterpulse)),
                          timing: Sanitise.fraction(timingError * signal / clicks))
    }
}

/// The inputs that decide a finite-key receiver's threshold (Y0 and e_mis rounded like `ThresholdKey`).
struct FiniteKeyThresholdKey: Hashable, Sendable {
    var darkYield: Double
    var misalignment: Double
    var afterpulse: Double
    var ecEfficiency: Double
    var blockSize: Double
    var secrecy: SecrecyParameter
    var correctness: Double
    var choices: FiniteKeyDecoyChoices

    init(_ p: FiniteKeyDecoyBB84Parameters, choices: FiniteKeyDecoyChoices) {
        darkYield = ThresholdKey.round(p.darkYield)
        misalignment = ThresholdKey.round(p.misalignment)
        afterpulse = p.afterpulseProbability
        ecEfficiency = p.ecEfficiency
        blockSize = p.blockSize
        secrecy = p.secrecy
        correctness = p.correctness
        self.choices = choices
    }

    /// The parameters at η = 1 (the threshold search replaces it).
    var parameters: FiniteKeyDecoyBB84Parameters {
        FiniteKeyDecoyBB84Parameters(transmittance: 1, darkYield: darkYield, afterpulseProbability: afterpulse,
                                     misalignment: misalignment, ecEfficiency: ecEfficiency, blockSize: blockSize,
                                     secrecy: secrecy, correctness: correctness)
    }
}
