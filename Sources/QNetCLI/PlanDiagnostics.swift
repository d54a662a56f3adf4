import QNetFormats
import QNetModel
import QNetPlanner

/// A plan's diagnostics as the command line prints them: each located at its key
/// in the file that was planned, as the reader locates its own errors.
struct PlanDiagnostics {
    /// The file, as its located diagnostics name it.
    let file: String
    /// The plan's diagnostics, in the planner's order.
    let diagnostics: [Diagnostic]

    /// The diagnostics of `plan`, planned from `input`, followed by `more` (e.g. `PlanOutcomeNotes`), all located.
    init(_ plan: Plan, of input: TopologyFile, adding more: [Diagnostic] = []) {
        file = input.sourceMap.file
        diagnostics = input.sourceMap.locate(plan.diagnostics + more)
    }

    /// Whether any diagnostic is an error (a segment the plan could not build).
    var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// One line per diagnostic at `severity` or worse: `file:line:column: error: key: message`,
    /// or `file: warning: message` for one about no key written in the file.
    func lines(atLeast severity: Diagnostic.Severity = .note) -> String {
        diagnostics.filter { $0.severity <= severity }.map { diagnostic in
            (diagnostic.location == nil ? "\(file): \(diagnostic)" : "\(diagnostic)") + "\n"
        }.joined()
    }
}
