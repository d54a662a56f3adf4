import QNetModel
import QNetPlanner

/// The report as CSV (RFC 4180) for spreadsheets: a table of links, then,
/// after a blank line, a table of demands (with their what-ifs, and last whether
/// the demands are met together, `met_together`, on every row), then a table
/// of segments (with the key the demands' scaled max flows take from each, `SharedCapacity`); when a repeater chain has one, a table of its key rate against
/// total length; when satellite links have a pass, a table of passes; with
/// what-ifs, a table of the single failures that break demands (each after a
/// blank line). Rates in bit/s, losses in dB, ratios in 0...1, as in the JSON report.
public enum CSVReport {
    /// The tables, links first; the what-if columns are empty without `whatIf`.
    public static func render(_ plan: Plan, whatIf: WhatIfAnalysis? = nil) -> String {
        var rows: [[String]] = [[
            "link", "medium", "protocol", "loss_db", "transmittance", "qber", "key_rate_bps", "key_per_pulse",
            "signal_intensity", "plob_bound_bps", "margin_db", "effective_efficiency", "no_key_reason", "protocol_detail",
            "diagnostics", "key_only_while_in_view",   // added later, last: the columns before keep their places
        ]]
        let twinField = Dictionary(plan.segments.compactMap { segment in segment.twinField.map { (segment.links, $0) } }
            .flatMap { links, tf in links.map { ($0, (tf, links)) } }, uniquingKeysWith: { first, _ in first })
        for link in plan.links {
            rows.append([
                link.id.rawValue, link.medium.rawValue, link.protocolKind.rawValue, number(link.lossDB),
                number(link.transmittance), link.qber.map { number($0.total) } ?? "", number(link.keyRateBps),
                number(link.keyPerPulse), link.signalIntensity.map(number) ?? "", link.plobBoundBps.map(number) ?? "",
                link.marginDB.map(number) ?? "", link.detector.map { number($0.effectiveEfficiency) } ?? "",
                link.noKeyReason ?? "",
                link.continuousVariable.map { PlanFigure.sentence(PlanFigures.continuousVariable($0)) }
                    ?? twinField[link.id].map { PlanFigure.sentence(PlanFigures.twinField($0.0, links: $0.1)) } ?? link.finiteKey.map { PlanFigure.sentence(PlanFigures.finiteKey($0)) } ?? "",
                diagnostics(link.diagnostics), link.keyOnlyWhileInView ? "true" : "false",
            ])
        }
        // `met_together` (the JSON's `shared_capacity.met_together`) is the network's, the same on every row; it was
        // added after the what-if columns, so it comes after them and they keep their places; what-if columns added
        // after it come last.
        var demandRows: [[String]] = [[
            "demand", "from", "to", "required_bps", "best_path", "best_path_bps", "max_flow_bps", "trusted_nodes",
            "satisfied", "fallback",
        ] + whatIfColumns + ["met_together"] + laterWhatIfColumns]
        let metTogether = plan.demandsMetTogether.rawValue
        for (index, demand) in plan.demands.enumerated() {
            demandRows.append([
                demand.id.rawValue, demand.from.rawValue, demand.to.rawValue, number(demand.requiredBps),
                demand.bestPath.map(\.rawValue).joined(separator: " "), number(demand.bestPathBps),
                number(demand.maxFlowBps), demand.trustedNodes.map(\.rawValue).joined(separator: " "),
                demand.satisfied ? "true" : "false", demand.fallback ?? "",
            ] + whatIfFields(whatIf?.demand(at: index)) + [metTogether] + laterWhatIfFields(whatIf?.demand(at: index)))
        }
        let sweepRows = repeaterSweepRows(plan)
        var text = table(rows) + blankLine + table(demandRows) + blankLine + table(segmentRows(plan, remedies: whatIf?.overdrawn ?? []))
            + (sweepRows.count > 1 ? blankLine + table(sweepRows) : "") + passTable(plan)
        if let whatIf { text += blankLine + table(failureRows(whatIf.survivability)) }
        return text
    }

    /// A table, when a repeater chain has one: its key rate and fidelity against total length.
    private static func repeaterSweepRows(_ plan: Plan) -> [[String]] {
        var rows: [[String]] = [[
            "repeater_segment", "length_km", "planned", "key_rate_bps", "fidelity", "plob_bound_bps", "trusted_chain_bps",
        ]]
        for segment in plan.segments {
            for point in segment.repeater?.sweep ?? [] {
                rows.append([
                    segment.id, number(point.lengthMeters / 1000), point.isPlanned ? "true" : "false", number(point.keyRateBps),
                    number(point.fidelity), point.plobBoundBps.map(number) ?? "", number(point.trustedChainBps),
                ])
            }
        }
        return rows
    }

    /// After another blank line, one row per satellite link with a pass; nothing when there is none.
    private static func passTable(_ plan: Plan) -> String {
        let passes = plan.links.compactMap { link in link.pass.map { (link.id.rawValue, $0) } }
        guard !passes.isEmpty else { return "" }
        var rows: [[String]] = [[
            "link", "altitude_m", "max_elevation_deg", "min_elevation_deg", "duration_s", "passes_per_day",
            "key_per_pass_bits", "key_per_day_bits", "pass_average_bps", "daily_average_bps", "no_key_reason",
            "finite_key_per_pass_bits", "finite_key_per_day_bits", "finite_daily_average_bps", "finite_no_key_reason",
        ]]
        for (id, pass) in passes {
            rows.append([
                id, number(pass.altitude), number(JSONReport.degrees(pass.maxElevation)), number(JSONReport.degrees(pass.minElevation)),
                number(pass.durationSeconds), number(pass.passesPerDay), number(pass.keyPerPassBits),
                number(pass.keyPerDayBits), number(pass.passAverageBps), number(pass.dailyAverageBps),
                pass.noKeyReason ?? "", pass.finiteKey.map { number($0.keyPerPassBits) } ?? "",
                pass.finiteKey.map { number($0.keyPerDayBits) } ?? "", pass.finiteKey.map { number($0.dailyAverageBps) } ?? "",
                pass.finiteKey?.noKeyReason ?? "",
            ])
        }
        return blankLine + table(rows)
    }

    /// The segments: key, bound and margin, and for BBM92 and MDI-QKD the operating point, for a repeater chain its
    /// figures under the JSON report's names (`intensities` and `figures` as `key=value` pairs separated by spaces).
    private static func segmentRows(_ plan: Plan, remedies: [OverdrawRemedy]) -> [[String]] {
        // Added after `demand_load_bps`: for a segment every routing overdraws, the change that gives it the most key.
        var rows: [[String]] = [[
            "segment", "protocol", "nodes", "links", "key_rate_bps", "key_per_pulse", "plob_bound_bps", "margin_db",
            "intensities", "figures", "no_key_reason", "demand_load_bps", "overdraw_best_change", "overdraw_best_change_bps",
        ]]
        let best = Dictionary(remedies.compactMap { remedy in remedy.changes.first.map { (remedy.segment, $0) } },
                              uniquingKeysWith: { first, _ in first })
        let loads = plan.sharedCapacity.loadBps
        for (index, segment) in plan.segments.enumerated() {
            let budget = segment.keyBudget
            func pairs(_ figures: [(key: String, value: Double)]) -> String {
                figures.map { "\($0.key)=\(number($0.value))" }.joined(separator: " ")
            }
            let figures: [(key: String, value: Double)] = budget.map { $0.figures.map { ($0.key, $0.value) } }
                ?? segment.repeater.map(repeaterFigures) ?? []
            rows.append([
                segment.id, segment.protocolKind.rawValue, segment.nodes.map(\.rawValue).joined(separator: " "),
                segment.links.map(\.rawValue).joined(separator: " "), number(segment.keyRateBps),
                budget.map { number($0.keyPerPulse) } ?? "", segment.plobBoundBps.map(number) ?? "", segment.marginDB.map(number) ?? "",
                pairs(budget?.intensities.map { ($0.key, $0.value) } ?? []), pairs(figures), segment.noKeyReason ?? "",
                number(index < loads.count ? loads[index] : 0),
                best[segment.id]?.summary ?? "", best[segment.id].map { number($0.keyRateBps) } ?? "",
            ])
        }
        return rows
    }

    /// A repeater chain's figures, named as in the JSON report's `repeater`.
    private static func repeaterFigures(_ chain: RepeaterChainPlan) -> [(key: String, value: Double)] {
        [("swap_success", chain.swapSuccess), ("mean_rounds", chain.meanRounds), ("round_s", chain.roundSeconds),
         ("mean_time_s", chain.meanTimeSeconds), ("storage_s", chain.storageSeconds)]
            + (chain.cutoffSeconds.map { [("cutoff_s", $0)] } ?? [])
            + [("cutoff_survival", chain.cutoffSurvival), ("purification_rounds", Double(chain.purificationRounds)),
               ("bit_error_rate", chain.bitErrorRate), ("phase_error_rate", chain.phaseErrorRate),
               ("secret_fraction", chain.secretFraction)]
    }

    static func number(_ value: Double) -> String { "\(value)" }

    /// A link's own diagnostics in one field: `warning: key: message`, separated by ` | `.
    private static func diagnostics(_ list: [Diagnostic]) -> String { list.map(\.description).joined(separator: " | ") }

    /// The empty line between two tables, ended as every line is (RFC 4180: CRLF).
    private static let blankLine = "\r\n"

    private static func table(_ rows: [[String]]) -> String {
        rows.map { $0.map(field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    /// Quotes a field that holds a comma, quote or line break, doubling inner quotes.
    private static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
