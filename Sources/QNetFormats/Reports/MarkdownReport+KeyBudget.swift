import QNetModel
import QNetPlanner

extension MarkdownReport {
    /// A BBM92 or MDI-QKD segment's operating point: intensities and observables, each arm's budget, assumptions.
    static func keyBudgetSection(_ budget: SegmentKeyBudget, of segment: SegmentPlan, into text: inout MarkdownText) {
        text.line("**\(segment.id)** \(segment.protocolKind.rawValue): "
            + "\(EngineeringFormat.number(budget.keyPerPulse)) bit per pulse at \(EngineeringFormat.frequency(budget.repetitionRateHz))"
            + " = \(EngineeringFormat.rate(segment.keyRateBps))"
            + (segment.marginDB.map { "; margin \(EngineeringFormat.decibels($0))" } ?? "") + ".")
        text.blank()
        text.table(["operating point", "value", "basis"],
                   (budget.intensities + budget.figures).map { [$0.name, EngineeringFormat.number($0.value), $0.basis] })
        text.table(
            ["arm", "channel loss", "η (channel × detection)", "noise per window", "optical error", "window", "in window",
             "dark per window", "click rate", "dead-time factor"],
            budget.arms.map { arm in
                [arm.name, EngineeringFormat.decibels(arm.channelLossDB), EngineeringFormat.number(arm.transmittance),
                 EngineeringFormat.number(arm.noiseProbability), EngineeringFormat.percent(arm.errorRate),
                 EngineeringFormat.time(arm.detector.windowSeconds), EngineeringFormat.percent(arm.detector.windowFraction),
                 EngineeringFormat.number(arm.detector.darkProbabilityPerWindow),
                 EngineeringFormat.frequency(arm.detector.countRateHz), EngineeringFormat.number(arm.detector.deadTimeFactor)]
            })
        assumptionList(budget.assumptions, into: &text)
    }
}
