import QNetModel
import QNetPlanner

/// The report as CSV (RFC 4180) for spreadsheets: a table of links, then,
/// after a blank line, a table of demands (with their what-ifs), and with
/// what-ifs a table of the single failures that break demands. Rates in bit/s,
/// losses in dB, ratios in 0...1, as in the JSON report.
public enum CSVReport {
    /// The tables, links first; the what-if columns are empty without `whatIf`.
    public static func render(_ plan: Plan, whatIf: WhatIfAnalysis? = nil) -> String {
        var rows: [[String]] = [[
            "link", "medium", "protocol", "loss_db", "transmittance", "qber", "key_rate_bps", "key_per_pulse",
            "signal_intensity", "plob_bound_bps", "margin_db", "effective_efficiency", "no_key_reason",
        ]]
        for link in plan.links {
            rows.append([
                link.id.rawValue, link.medium.rawValue, link.protocolKind.rawValue, number(link.lossDB),
                number(link.transmittance), link.qber.map { number($0.total) } ?? "", number(link.keyRateBps),
                number(link.keyPerPulse), link.signalIntensity.map(number) ?? "", number(link.plobBoundBps),
                link.marginDB.map(number) ?? "", link.detector.map { number($0.effectiveEfficiency) } ?? "",
                link.noKeyReason ?? "",
            ])
        }
        var demandRows: [[String]] = [[
            "demand", "from", "to", "required_bps", "best_path", "best_path_bps", "max_flow_bps", "trusted_nodes",
            "satisfied", "fallback",
        ] + whatIfColumns]
        for (index, demand) in plan.demands.enumerated() {
            demandRows.append([
                demand.id.rawValue, demand.from.rawValue, demand.to.rawValue, number(demand.requiredBps),
                demand.bestPath.map(\.rawValue).joined(separator: " "), number(demand.bestPathBps),
                number(demand.maxFlowBps), demand.trustedNodes.map(\.rawValue).joined(separator: " "),
                demand.satisfied ? "true" : "false", demand.fallback ?? "",
            ] + whatIfFields(whatIf?.demand(at: index)))
        }
        var text = table(rows) + "\n" + table(demandRows)
        if let whatIf { text += "\n" + table(failureRows(whatIf.survivability)) }
        return text
    }

    static func number(_ value: Double) -> String { "\(value)" }

    private static func table(_ rows: [[String]]) -> String {
        rows.map { $0.map(field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    /// Quotes a field that holds a comma, quote or line break, doubling inner quotes.
    private static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
