import QNetModel
import QNetPlanner

/// One figure of a plan as a reader sees it: a short label, the value with its unit, and the basis when the plan
/// gives one. The Markdown and CSV reports and the workbench's inspector show the same figures from the same lists.
public struct PlanFigure: Sendable, Hashable {
    /// What the figure is (`gain`, `I_AB`, `key per pass`).
    public var label: String
    /// The value formatted for a reader (`9.732e-07`, `1.064 bit/symbol`, `1.37 Mbit`).
    public var value: String
    /// The formula, file key or optimiser behind the value, when the plan records one.
    public var basis: String?

    public init(_ label: String, _ value: String, basis: String? = nil) {
        self.label = label
        self.value = value
        self.basis = basis
    }

    /// The figures as one line of prose: `gain: 9.732e-07; bit error: 3.98 %`.
    public static func sentence(_ figures: [PlanFigure]) -> String {
        figures.map { "\($0.label): \($0.value)" }.joined(separator: "; ")
    }
}

extension SegmentPlan {
    /// Whether the segment has figures of its own beyond its single link's budget: several links through untrusted
    /// nodes, a repeater chain, or a BBM92/MDI-QKD operating point.
    public var hasSegmentDetail: Bool { links.count > 1 || repeater != nil || keyBudget != nil }
}
