import QNetPlanner

extension InspectorContent {
    /// A link's assumptions: each value the plan used, and under it where it came from
    /// (the file's key, or the built-in default and its reference).
    static func assumptionRows(_ assumptions: [Assumption]) -> [TextRow] {
        guard !assumptions.isEmpty else { return [] }
        return [.blank, .heading("Assumptions")] + assumptions.flatMap { assumption in
            [TextRow("  " + assumption.name, assumption.value), TextRow("    " + assumption.basis, role: .dim)]
        }
    }
}
