import QNetFormats
import QNetPlanner

extension InspectorContent {
    /// A link's assumptions (or a segment's, a pass's, under `title`): each value the plan used, and under it where it
    /// came from (the file's key, or the built-in default and its reference).
    static func assumptionRows(_ assumptions: [Assumption], title: String = "Assumptions") -> [TextRow] {
        guard !assumptions.isEmpty else { return [] }
        return [.blank, .heading(title)] + assumptions.flatMap { assumption in
            [TextRow("  " + assumption.name, assumption.value), TextRow("    " + assumption.basis, role: .dim)]
        }
    }

    /// Figures as label/value rows, each with its basis under it when the plan records one.
    static func figureRows(_ figures: [PlanFigure]) -> [TextRow] {
        figures.flatMap { figure in
            [TextRow("  " + figure.label, figure.value)] + (figure.basis.map { [TextRow("    " + $0, role: .dim)] } ?? [])
        }
    }
}
