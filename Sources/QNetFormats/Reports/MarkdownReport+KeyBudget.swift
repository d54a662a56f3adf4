import QNetModel
import QNetPlanner

extension MarkdownReport {
    /// A BBM92 or MDI-QKD segment's operating point: intensities and observables, each arm's budget, assumptions.
    static func keyBudgetSection(_ budget: SegmentKeyBudget, of segment: SegmentPlan, into text: inout MarkdownText) {
        text.line("**\(segment.id)** \(segment.protocolKind.rawValue): \(EngineeringFormat.rate(segment.keyRateBps))"
            + (segment.marginDB.map { "; margin \(EngineeringFormat.decibels($0))" } ?? "") + ".")
        text.blank()
        text.table(["operating point", "value", "basis"], PlanFigures.keyBudget(budget).map { [$0.label, $0.value, $0.basis ?? ""] })
        let columns = budget.arms.first.map { PlanFigures.arm($0).map(\.label) } ?? []
        text.table(["arm"] + columns, budget.arms.map { arm in [arm.name] + PlanFigures.arm(arm).map(\.value) })
        assumptionList(budget.assumptions, into: &text)
    }
}
