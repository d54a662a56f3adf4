import QNetModel
import QNetPlanner

/// The formats a plan can be exported in.
public enum ReportFormat: String, Sendable, CaseIterable {
    case json
    case markdown = "md"
    case csv

    /// The format a file name's extension asks for (`report.md`), if any.
    public init?(fileExtension: String) {
        switch fileExtension.lowercased() {
        case "json": self = .json
        case "md", "markdown": self = .markdown
        case "csv": self = .csv
        default: return nil
        }
    }

    /// The report of `plan` (computed from `topology`) in this format, with the what-ifs of `whatIf` when given.
    public func render(_ plan: Plan, of topology: Topology, whatIf: WhatIfAnalysis? = nil) -> String {
        switch self {
        case .json: return JSONReport.render(plan, of: topology, whatIf: whatIf)
        case .markdown: return MarkdownReport.render(plan, of: topology, whatIf: whatIf)
        case .csv: return CSVReport.render(plan, whatIf: whatIf)
        }
    }
}
