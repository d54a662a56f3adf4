import QNetModel
import QNetPhysics

/// The parts of a receiver's detection budget that do not depend on the
/// operating point: efficiency, window, jitter, window and inter-symbol
/// fractions, dark and background probabilities, the highest repetition rate.
struct TimingBudget {
    var detectorEfficiency: Sourced<Double>
    var window: Sourced<Double>
    var jitterTerms: [JitterTerm]
    /// σ of the combined jitter, s.
    var sigma: Double
    var totalFWHM: Double
    var windowFraction: Double
    var interSymbolFraction: Double
    var darkProbability: Sourced<Double>
    /// Stray-light counts per second at the receiver.
    var backgroundRate: Sourced<Double>
    var backgroundProbability: Double
    var maxRepetitionRate: Double
    /// Where the receiver's figures come from, as the budget shows them.
    var bases: DetectorBudgetBases

    /// Dark and background counts per window, D in Y0 = D + A.
    var noiseProbability: Double { darkProbability.value + backgroundProbability }

    /// The full budget at an operating point (afterpulsing, click rate and dead-time factor).
    func budget(afterpulse: Double, countRate: Double, deadTimeFactor: Double) -> DetectorBudget {
        let efficiency = Sanitise.fraction(detectorEfficiency.value)
        return DetectorBudget(
            detectorEfficiency: efficiency, windowSeconds: Sanitise.finite(window.value),
            jitterTerms: jitterTerms, totalJitterFWHM: Sanitise.finite(totalFWHM),
            windowFraction: Sanitise.fraction(windowFraction), interSymbolFraction: Sanitise.fraction(interSymbolFraction),
            darkProbabilityPerWindow: Sanitise.fraction(darkProbability.value),
            backgroundProbabilityPerWindow: Sanitise.fraction(backgroundProbability),
            afterpulseProbabilityPerWindow: Sanitise.fraction(afterpulse), countRateHz: Sanitise.rate(countRate),
            deadTimeFactor: Sanitise.fraction(deadTimeFactor),
            effectiveEfficiency: Sanitise.fraction(efficiency * windowFraction * deadTimeFactor),
            maxRepetitionRateHz: Sanitise.rate(maxRepetitionRate), bases: bases)
    }
}

/// Builds a link's timing budget from its resolved source, detector and channel.
enum DetectionBudgetBuilder {
    /// The timing budget of `link`, whose optical path is `pathLength` m (dispersion counts on fiber only).
    static func build(_ link: ResolvedLink, pathLength: Double) -> TimingBudget {
        let source = link.source
        var terms = [JitterTerm(name: "source", fwhm: source.jitter.value, basis: source.jitter.basis),
                     JitterTerm(name: "detector", fwhm: link.detector.jitter.value, basis: link.detector.jitter.basis)]
        if link.medium == .fiber {
            let dispersion = link.dispersion
            let spread = Fiber.dispersionSpread(dispersion: dispersion.value, length: pathLength,
                                                linewidth: source.linewidth.value)
            terms.append(JitterTerm(name: "dispersion", fwhm: Sanitise.finite(spread),
                                    basis: "|D| x L x linewidth: \(dispersion.basis); \(source.linewidth.basis)"))
        }
        terms.append(JitterTerm(name: "clock sync", fwhm: link.clockSyncJitter.value, basis: link.clockSyncJitter.basis))
        return build(detector: link.detector, source: source, terms: terms, backgroundRate: link.backgroundRate)
    }

    /// The timing budget of `detector` receiving `source`'s pulses spread by `terms`, with stray light at
    /// `backgroundRate` Hz (a detector beside the source has no channel: its terms are the source's and its own).
    static func build(detector: ResolvedDetector, source: ResolvedSource, terms: [JitterTerm],
                      backgroundRate: Sourced<Double>) -> TimingBudget {
        let repetitionRate = max(source.repetitionRate.value, 1e-300)
        let window: Sourced<Double>
        if let gate = detector.gateWidth {
            window = gate
        } else {
            window = Sourced(min(PlanningDefaults.maxWindow.value, 1 / repetitionRate),
                             "\(PlanningDefaults.maxWindow.basis), f_rep from \(source.repetitionRate.basis)")
        }
        let sigma = Timing.totalSigma(fwhms: terms.map(\.fwhm))
        let dark: Sourced<Double>
        if let probability = detector.darkCountProbability {
            dark = probability
        } else {
            dark = Sourced(detector.darkCountRate.value * window.value, "\(detector.darkCountRate.basis) x window")
        }
        return TimingBudget(
            detectorEfficiency: detector.efficiency, window: window, jitterTerms: terms, sigma: sigma,
            totalFWHM: sigma * Timing.fwhmPerSigma,
            windowFraction: Timing.windowFraction(window: window.value, sigma: sigma),
            interSymbolFraction: Timing.interSymbolFraction(slot: 1 / repetitionRate, window: window.value, sigma: sigma),
            darkProbability: dark, backgroundRate: backgroundRate, backgroundProbability: backgroundRate.value * window.value,
            maxRepetitionRate: Timing.maxRepetitionRate(window: window.value, totalFWHM: sigma * Timing.fwhmPerSigma),
            bases: DetectorBudgetBases(
                detectorEfficiency: detector.efficiency.basis, window: window.basis, darkCounts: dark.basis,
                backgroundRate: backgroundRate.basis, afterpulseProbability: detector.afterpulseProbability.basis,
                repetitionRate: source.repetitionRate.basis, deadTime: detector.deadTime.basis,
                deadTimeModel: detector.deadTimeModel.basis))
    }
}
