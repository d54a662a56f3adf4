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
    /// efficiency × dead-time factor: a first optimisation takes the dead time at the signal intensity's click
    /// rate (0.5 when auto), the second at its optimised settings' mean intensity. Settings that break Lim et
    /// al.'s constraints, or a source without key, keep the first result, with no key and the reason.
    static func build(_ link: ResolvedLink, geometry: SatellitePassGeometry, samples: [PassSample], timing: TimingBudget,
                      passesPerDay: Double) -> (PassFiniteKeyPlan, [Assumption])? {
        guard let record = link.inputs.link.finiteKey else { return nil }
        let settings = ResolvedFiniteKey(link, record)
        let choices = settings.choices(signal: link.source.signalIntensity.value)
        let receiver = FiniteKeyReceiver(link, timing: timing)
        let repetitionRate = Sanitise.rate(link.source.repetitionRate.value)
        let weights = geometry.halfPassWeights(count: samples.count)
        let channels = samples.map { Sanitise.fraction(Decibel.transmittance(loss: $0.lossDB)) }
        func exposures(meanIntensity: Double) -> [FiniteKeyExposure] {
            zip(channels, weights).map { channel, seconds in
                let eta = channel * receiver.efficiency
                let clicks = receiver.clicks(transmittance: eta, intensity: meanIntensity) * repetitionRate
                return FiniteKeyExposure(transmittance: Sanitise.fraction(eta * receiver.detector.deadTimeFactor(countRate: clicks)),
                                         pulses: repetitionRate * seconds)
            }
        }
        let parameters = FiniteKeyDecoyBB84Parameters(
            transmittance: 0, darkYield: receiver.noise, afterpulseProbability: receiver.afterpulse,
            misalignment: receiver.errorRate, ecEfficiency: link.ecEfficiency.value, blockSize: 0,
            secrecy: .fixed(settings.epsilonSec.value), correctness: settings.epsilonCor.value)
        let problem = DecoyKeyBuilder.sourceProblem(link) ?? choices.violation.map { "finite-key settings: \($0) (Lim et al. 2014)" }
        // Settings that break Lim et al.'s constraints: the optimiser evaluates them as given and finds no key.
        var result = FiniteKeyDecoyBB84.optimise(parameters, choices: choices, pass: exposures(meanIntensity: choices.startingSignalIntensity))
        if problem == nil {
            // Dead time at the optimised settings' own mean intensity (it moves the optimum only at high click rates).
            let mean = zip(result.settings.intensities, result.settings.probabilities).reduce(0) { $0 + $1.0 * $1.1 }
            result = FiniteKeyDecoyBB84.optimise(parameters, choices: choices, hint: result.settings,
                                                 pass: exposures(meanIntensity: mean))
        }
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
            epsilonSec: settings.epsilonSec.value, epsilonCor: settings.epsilonCor.value,
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
            Assumption(name: "pass settings",
                       value: "mu = \(intensities), p = \(probabilities), q_X = \(Format.number(plan.basisBias, digits: 3))",
                       basis: "auto settings optimised for the key per pass (Nelder-Mead), fixed ones from the source"),
        ]
    }
}
