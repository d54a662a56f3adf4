import Foundation
import QNetModel
import QNetPhysics

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
        func noKey(_ reason: String, invalid: DecoyIntensityCheck? = nil) -> FiniteKey {
            FiniteKey(key: DecoyKey(detector: timing.budget(afterpulse: 0, countRate: 0, deadTimeFactor: 1), qber: nil,
                                    keyPerPulse: 0, signalIntensity: nil, marginDB: nil, noKeyReason: reason,
                                    assumptions: assumptions, invalidIntensities: invalid),
                      plan: nil)
        }
        if let problem = DecoyKeyBuilder.sourceProblem(link) { return noKey(problem) }
        if let problem = DecoyIntensityCheck(finite: link, settings) { return noKey(problem.reason, invalid: problem) }

        let receiver = FiniteKeyReceiver(link, timing: timing)
        let repetitionRate = source.repetitionRate.value
        func parameters(deadTimeFactor: Double) -> FiniteKeyDecoyBB84Parameters {
            FiniteKeyDecoyBB84Parameters(
                transmittance: Sanitise.fraction(channel * receiver.efficiency * deadTimeFactor),
                darkYield: receiver.noise, afterpulseProbability: receiver.afterpulse, misalignment: receiver.errorRate,
                ecEfficiency: link.ecEfficiency.value, blockSize: settings.blockSize.value,
                secrecy: .fixed(settings.epsilonSec.value), correctness: settings.epsilonCor.value,
                tailBound: settings.bound)
        }
        // Dead time follows the click rate, which follows the settings: each settings tried get their own
        // self-consistent dead-time factor, at channel x efficiency without it.
        let arriving = channel * receiver.efficiency
        func load(_ settings: FiniteKeyDecoySettings) -> DetectorLoad {
            receiver.load(arriving: arriving, settings: settings, repetitionRate: repetitionRate)
        }
        let result = FiniteKeyDecoyBB84.optimise({ (parameters(deadTimeFactor: load($0).deadTimeFactor), nil) },
                                                 choices: choices)
        let operating = load(result.settings)
        let (countRate, deadTime) = (operating.countRate, operating.deadTimeFactor)
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
        let margin = DecoyKeyBuilder.reportedMargin(toleratedDB: limit.toleratedDB, channelLossDB: channelLossDB,
                                                    hasKey: keyPerPulse > 0)
        var reason: String?
        if keyPerPulse <= 0 {
            reason = noKeyReason(settings, link, receiver, timing: timing, qber: result.qber, channelLossDB: channelLossDB,
                                 toleratedDB: limit.toleratedDB, hasThreshold: limit.threshold != nil, memo: memo)
        }
        let detector = timing.budget(afterpulse: receiver.afterpulse * result.detectionsPerPulse / (1 + receiver.afterpulse),
                                     countRate: countRate, deadTimeFactor: deadTime)
        let key = DecoyKey(detector: detector, qber: receiver.qberBudget(result, transmittance: used.transmittance),
                           keyPerPulse: keyPerPulse, signalIntensity: Sanitise.finite(result.settings.intensities[0]),
                           marginDB: margin, noKeyReason: reason, assumptions: assumptions)
        var plan = FiniteKeyPlan(
            blockSize: settings.blockSize.value, epsilonSec: settings.epsilonSec.value, epsilonCor: settings.epsilonCor.value,
            tailBound: settings.tailBound.value, intensities: result.settings.intensities.map { Sanitise.finite($0) },
            probabilities: result.settings.probabilities.map { Sanitise.fraction($0) },
            basisBias: Sanitise.fraction(result.settings.basisBias), keyBitsPerBlock: Sanitise.rate(result.keyLength),
            pulsesPerBlock: Sanitise.rate(result.pulsesPerBlock), blockTimeSeconds: Sanitise.rate(blockTime),
            phaseErrorRate: Sanitise.fraction(result.phaseErrorRate))
        plan.sifting = SiftingComparison.assumption(basisBias: plan.basisBias, biasBasis: settings.basisBias.basis,
                                                    asymptotic: link.sifting)
        return FiniteKey(key: key, plan: plan)
    }

    /// The lowest system transmittance with key at this block size (settings re-optimised), and the channel
    /// loss the receiver then tolerates, with dead time at the threshold's own click rate before dead time.
    private static func margin(_ receiver: FiniteKeyReceiver, _ parameters: FiniteKeyDecoyBB84Parameters,
                               choices: FiniteKeyDecoyChoices, settings: FiniteKeyDecoySettings, repetitionRate: Double,
                               memo: ThresholdMemo) -> (threshold: Double?, toleratedDB: Double?) {
        let key = FiniteKeyThresholdKey(parameters, choices: choices)
        guard let threshold = memo.finiteKey.value(key, compute: {
            FiniteKeyDecoyBB84.thresholdTransmittance($0.parameters, choices: $0.choices)
        }) else {
            return (nil, nil)
        }
        let meanIntensity = zip(settings.intensities, settings.probabilities).reduce(0) { $0 + $1.0 * $1.1 }
        let deadFactor = receiver.detector.deadTimeFactor(systemTransmittance: threshold, passes: DecoyKeyBuilder.thresholdPasses) {
            Sanitise.rate(receiver.clicks(transmittance: $0, intensity: meanIntensity) * repetitionRate)
        }
        let receiverLossDB = Decibel.loss(transmittance: Sanitise.fraction(receiver.efficiency * deadFactor))
        guard receiverLossDB.isFinite else { return (threshold, nil) }
        // A threshold of 0 means key down to the search's floor (1e-40, 400 dB): the margin is at least that.
        return (threshold, Decibel.loss(transmittance: max(threshold, 1e-40)) - receiverLossDB)
    }

    /// Why the link has no key: the asymptotic reasons; without a threshold, a block too small for any key when
    /// the asymptotic limit of the same receiver (infinitely many decoys) has one, else its optical error.
    private static func noKeyReason(_ settings: ResolvedFiniteKey, _ link: ResolvedLink, _ receiver: FiniteKeyReceiver,
                                    timing: TimingBudget, qber: Double, channelLossDB: Double, toleratedDB: Double?, hasThreshold: Bool,
                                    memo: ThresholdMemo) -> String {
        let optical = OpticalError(misalignment: receiver.misalignment, interSymbolFraction: timing.interSymbolFraction,
                                   jitterFWHM: timing.totalFWHM, ecEfficiency: link.ecEfficiency.value)
        if !hasThreshold, receiver.efficiency > 0,
           memo.threshold(ThresholdKey(darkYield: receiver.noise, misalignment: receiver.errorRate,
                                       ecEfficiency: link.ecEfficiency.value, siftingFactor: link.siftingFactor, decoy: .infinite,
                                       signalIntensity: nil)) != nil {
            return "blocks of n_X = \(Format.number(settings.blockSize.value)) detections are too small for a key at any "
                + "loss: the finite-size terms exceed it (Lim et al. 2014; raise finite_key.block_size)"
        }
        let noiseKills = !hasThreshold && memo.threshold(
            ThresholdKey(darkYield: 0, misalignment: receiver.errorRate, ecEfficiency: link.ecEfficiency.value,
                         siftingFactor: link.siftingFactor, decoy: .infinite, signalIntensity: nil)) != nil
        return DecoyKeyBuilder.noKeyReason(qber: qber, channelLossDB: channelLossDB, toleratedDB: toleratedDB,
                                           hasThreshold: hasThreshold,
                                           noisePerWindow: noiseKills ? receiver.noise * (1 + receiver.afterpulse) : nil,
                                           efficiency: receiver.efficiency, optical: optical)
    }

    /// A duration in s, min, h or days (`40 s`, `3.2 h`).
    static func longDuration(_ seconds: Double) -> String {
        if seconds >= 86_400 { return "\(Format.number(seconds / 86_400, digits: 3)) days" }
        if seconds >= 3600 { return "\(Format.number(seconds / 3600, digits: 3)) h" }
        if seconds >= 60 { return "\(Format.number(seconds / 60, digits: 3)) min" }
        return Format.duration(seconds)
    }
}
