import QNetFormats
import QNetModel
import QNetPlanner

/// The inspector's N−1 rows for the selected node or link: the demands its failure breaks, with the rate each keeps,
/// the met demands it costs key, and the demands that end at a failed node (QA: "what if this node dies?" needed
/// every demand opened in turn).
enum FailureSection {
    /// At most this many demands are listed under each heading; the rest are counted.
    static let listed = 8

    /// The rows for `element` of `topology`, from `failure` when it answers them; none before the network is planned.
    static func rows(_ failure: SelectedFailure?, for element: NetworkElement, in topology: Topology, planned: Bool) -> [TextRow] {
        guard planned else { return [] }
        var rows: [TextRow] = [.blank, .heading("If it fails (N−1)")]
        guard let failure, failure.answers(element, in: topology) else { return rows + [TextRow("  computing…", role: .dim)] }
        guard let result = failure.result else { return rows + [TextRow("  not in the plan", role: .dim)] }
        if result.breaks.isEmpty && result.lowers.isEmpty {
            // Besides the demands that end at it, which lose all their key (second reader: "no demand loses key" sat
            // above them).
            let other = result.endsHere.isEmpty ? "" : " other"
            let routed = result.demandsRouted
            rows.append(routed == 0 ? TextRow("  no\(other) demand with key runs through it", role: .dim)
                        : TextRow("  no\(other) demand loses key", routed.counted("demand") + " routed", role: .good))
        }
        rows += listedRows(result.breaks, heading: "breaks") { loss in
            TextRow("    \(loss.demand)", EngineeringFormat.rate(loss.afterBps) + " left", valueRole: .bad)
        }
        rows += listedRows(result.lowers, heading: "lowers, still met") { loss in
            TextRow("    \(loss.demand)", EngineeringFormat.rate(loss.beforeBps) + " → " + EngineeringFormat.rate(loss.afterBps),
                    valueRole: .warning)
        }
        if !result.endsHere.isEmpty {
            let names = result.endsHere.prefix(listed).map(\.rawValue).joined(separator: ", ")
                + (result.endsHere.count > listed ? " and \(result.endsHere.count - listed) more" : "")
            rows.append(TextRow("  ends here (all their key): " + names, role: .dim))
        }
        return rows
    }

    /// `heading` and a row per item of `items` (`row`), at most `listed`, then how many more; none when empty.
    private static func listedRows(_ items: [SideEffect], heading: String, row: (SideEffect) -> TextRow) -> [TextRow] {
        guard !items.isEmpty else { return [] }
        var rows = [TextRow("  \(heading)", items.count.counted("demand"))]
        rows += items.prefix(listed).map(row)
        if items.count > listed { rows.append(TextRow("    and \(items.count - listed) more", role: .dim)) }
        return rows
    }
}
