import QNetModel
import QNetPhysics

/// The finite key of a bb84-decoy satellite link with `finite_key:` over one pass: the expected detections and
/// errors of each intensity are summed over the pass's time steps and Lim et al.'s bounds applied once to the
/// whole-pass block (Sidhu et al., npj Quantum Inf. 8, 18 (2022); cnqo-qcomms/SatQuMA).
enum PassFiniteKeyBuilder {
    /// The pass's finite key and what it assumed, or nil when the link has no `finite_key:`.
    ///
    /// `samples` are the pass's link budgets at `geometry.halfPassTimes`; each stands for its Simpson weight
    /// of the pass (`halfPassWeights`), so its exposure is repetition rate × weight pulses at channel × receiver
    /// efficiency × dead-time factor, the factor of each step's click rate at the settings tried (the settings
    /// maximise the key with their own dead time). Settings that break Lim et al.'s constraints, or a source
    /// without key, give no key and the reason.
    static func build(_ link: ResolvedLink, geometry: SatellitePassGeometry, samples: [PassSample], timing: TimingBudget,
                      passesPerDay: Double) -> (PassFiniteKeyPlan, [Assumption])? {
        guard let record = link.inputs.link.finiteKey else { return nil }
        let settings = ResolvedFiniteKey(link, record)
        let choices = settings.choices(signal: link.source.signalIntensity.value)
        let receiver = FiniteKeyReceiver(link, timing: timing)
        let repetitionRate = Sanitise.rate(link.source.repetitionRate.value)
        let weights = geometry.halfPassWeights(count: samples.count)
        let channels = samples.map { Sanitise.fraction(Decibel.transmittance(loss: $0.lossDB)) }
        // Dead time follows the click rate, which follows the settings: each settings tried get each step's own
        // self-consistent dead-time factor.
        func exposures(_ settings: FiniteKeyDecoySettings) -> [FiniteKeyExposure] {
            channels.indices.map { step in
                let eta = channels[step] * receiver.efficiency
                let load = receiver.load(arriving: eta, settings: settings, repetitionRate: repetitionRate)
                return FiniteKeyExposure(transmittance: Sanitise.fraction(eta * load.deadTimeFactor),
                                         pulses: repetitionRate * weights[step])
            }
        }
        let parameters = FiniteKeyDecoyBB84Parameters(
            transmittance: 0, darkYield: receiver.noise, afterpulseProbability: receiver.afterpulse,
            misalignment: receiver.errorRate, ecEfficiency: link.ecEfficiency.value, blockSize: 0,
            secrecy: .fixed(settings.epsilonSec.value), correctness: settings.epsilonCor.value, tailBound: settings.bound)
        let problem = DecoyKeyBuilder.sourceProblem(link) ?? DecoyIntensityCheck(finite: link, settings)?.reason
        // Settings that break Lim et al.'s constraints: the optimiser evaluates them as given and finds no key.
        let result = FiniteKeyDecoyBB84.optimise({ (parameters, exposures($0)) }, choices: choices)
        let keyPerPass = problem == nil ? Sanitise.rate(result.keyLength) : 0
        let key = SatellitePassPlanner.averages(keyPerPass: keyPerPass, passesPerDay: passesPerDay, duration: geometry.duration)
        let detections = Sanitise.rate(result.detectionsPerPulse * result.pulsesPerBlock)
        let keyBasis = Sanitise.rate(result.keyBasisDetectionsPerPulse * result.pulsesPerBlock)
        var reason = problem
        if reason == nil, keyPerPass <= 0 {
            reason = "the pass's \(Format.number(keyBasis)) key-basis detections at E_X = \(Format.percent(result.qber)) give no "
                + "finite key: the finite-size terms exceed it (Lim et al. 2014)"
        } else if reason == nil, key.perDay <= 0 {
            reason = "no usable passes a day"
        }
        var plan = PassFiniteKeyPlan(
            keyPerPassBits: keyPerPass, keyPerDayBits: key.perDay, passAverageBps: key.passAverage,
            dailyAverageBps: key.dailyAverage, detections: detections,
            keyBasisDetections: keyBasis, qber: Sanitise.fraction(result.qber),
            phaseErrorRate: Sanitise.fraction(result.phaseErrorRate), singlePhotonEvents: Sanitise.rate(result.singlePhotonEvents),
            epsilonSec: settings.epsilonSec.value, epsilonCor: settings.epsilonCor.value, tailBound: settings.tailBound.value,
            intensities: result.settings.intensities.map { Sanitise.finite($0) },
            probabilities: result.settings.probabilities.map { Sanitise.fraction($0) },
            basisBias: Sanitise.fraction(result.settings.basisBias), noKeyReason: reason)
        plan.sifting = SiftingComparison.assumption(basisBias: plan.basisBias, biasBasis: settings.basisBias.basis,
                                                    asymptotic: link.sifting)
        return (plan, assumptions(link, settings, plan: plan, steps: samples.count))
    }

    /// The block, security parameters and settings the pass's finite key rests on.
    private static func assumptions(_ link: ResolvedLink, _ settings: ResolvedFiniteKey, plan: PassFiniteKeyPlan,
                                    steps: Int) -> [Assumption] {
        let intensities = plan.intensities.map { Format.number($0, digits: 3) }.joined(separator: " / ")
        let probabilities = plan.probabilities.map { Format.number($0, digits: 3) }.joined(separator: " / ")
        return [
            Assumption(name: "pass finite key",
                       value: "one block of every detection of the pass: counts per intensity summed over \(2 * steps - 1) "
                           + "time steps, Lim et al.'s bounds applied once (n_X = \(Format.number(plan.keyBasisDetections)))",
                       basis: "\(link.path).finite_key; Lim, Curty, Walenta, Xu, Zbinden, PRA 89, 022307 (2014) on the "
                           + "whole pass as Sidhu et al., npj Quantum Inf. 8, 18 (2022) (SatQuMA)"),
            Assumption(name: "pass security", value: "eps_sec = \(Format.number(plan.epsilonSec)), eps_cor = \(Format.number(plan.epsilonCor))",
                       basis: "\(settings.epsilonSec.basis); \(settings.epsilonCor.basis)"),
            FiniteKeyBuilder.tailBound(settings, name: "pass tail bound"),
            Assumption(name: "pass settings",
                       value: "mu = \(intensities), p = \(probabilities), q_X = \(Format.number(plan.basisBias, digits: 3))",
                       basis: "auto settings optimised for the key per pass (Nelder-Mead), \(DetectorLoad.optimisedBasis); fixed ones from the source"),
        ]
    }
}
