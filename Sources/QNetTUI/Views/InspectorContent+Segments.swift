import Foundation
import QNetFormats
import QNetModel
import QNetPlanner

/// The inspector on the segments of the key graph that have figures of their own (through an untrusted relay, a
/// source or repeaters, or keyed by BBM92 or MDI-QKD): under a link, each such segment it belongs to; under a
/// demand, the protocol of each segment of its best path.
extension InspectorContent {
    /// The segments with figures of their own that run over link `id`, in the plan's order.
    static func detailedSegments(through id: Identifier, in plan: Plan?) -> [SegmentPlan] {
        plan?.segments.filter { $0.hasSegmentDetail && $0.links.contains(id) } ?? []
    }

    /// One row per segment, its key rate in its state's colour: for a link's Key section and a demand's best path.
    static func segmentListRows(_ segments: [SegmentPlan], indent: String, showProtocol: Bool) -> [TextRow] {
        segments.map { segment in
            let rate = EngineeringFormat.rate(segment.keyRateBps)
            return TextRow(indent + segment.id, showProtocol ? "\(segment.protocolKind.rawValue), \(rate)" : rate,
                           valueRole: LinkState(segment).role)
        }
    }

    /// The segments of a demand's best path with their protocols, so that an MDI-QKD or twin-field hop shows.
    static func pathSegmentRows(_ demand: DemandPlan, segments: [SegmentPlan]) -> [TextRow] {
        guard !demand.bestPathSegments.isEmpty else { return [] }
        let wanted = Set(demand.bestPathSegments)
        let found = Dictionary(segments.filter { wanted.contains($0.id) }.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        return [TextRow("  segments")] + segmentListRows(demand.bestPathSegments.compactMap { found[$0] }, indent: "    ",
                                                       showProtocol: true)
    }

    /// A segment: its key, the bound of its whole channel and its margin; when `detailed`, then its protocol's
    /// figures and the assumptions they rest on (otherwise a pointer to the report, which has them all).
    static func segmentRows(_ segment: SegmentPlan, detailed: Bool = true) -> [TextRow] {
        let state = LinkState(segment)
        var rows: [TextRow] = [.blank, .heading("Segment \(segment.id)")]
        rows.append(TextRow("  protocol", segment.protocolKind.rawValue))
        rows.append(TextRow("  links", segment.links.map(\.rawValue).joined(separator: ", ")))
        rows.append(TextRow("  key rate", EngineeringFormat.rate(segment.keyRateBps), valueRole: state.role))
        rows.append(TextRow("  PLOB bound (whole channel)", EngineeringFormat.plobBound(segment.plobBoundBps)))
        if let fidelity = segment.fidelity { rows.append(TextRow("  fidelity", EngineeringFormat.number(fidelity))) }
        if let margin = segment.marginDB {
            rows.append(TextRow("  margin", EngineeringFormat.decibels(margin), valueRole: state.role))
        }
        if let reason = segment.noKeyReason { rows.append(TextRow("  no key: " + reason, role: .error)) }
        rows += diagnosticRows(segment.diagnostics)
        guard detailed else {
            rows.append(TextRow("  its figures and assumptions: :export FILE.md", role: .dim))
            return rows
        }
        if let budget = segment.keyBudget {
            rows += [.blank, .heading("Operating point")] + figureRows(PlanFigures.keyBudget(budget))
            for arm in budget.arms {
                rows += [.blank, .heading("Arm \(arm.name)")] + figureRows(PlanFigures.arm(arm))
            }
            rows += assumptionRows(budget.assumptions, title: "Segment assumptions")
        }
        if let tf = segment.twinField {
            rows += [.blank, .heading("Twin field")] + figureRows(PlanFigures.twinField(tf, links: segment.links))
            rows += assumptionRows(tf.assumptions, title: "Segment assumptions")
        }
        if let chain = segment.repeater {
            rows += [.blank, .heading("Repeater chain")] + figureRows(PlanFigures.repeaterChain(chain))
            rows += sweepRows(chain)
            rows += assumptionRows(chain.assumptions, title: "Segment assumptions")
        }
        return rows
    }

    /// The chain's distance table in 30 columns: total length, the chain's key rate and fidelity, the PLOB bound of
    /// the whole channel and a trusted-node chain of the same links; then where the chain beats them.
    private static func sweepRows(_ chain: RepeaterChainPlan) -> [TextRow] {
        guard !chain.sweep.isEmpty else { return [] }
        func line(_ mark: String, _ cells: [String]) -> String {
            mark + zip(cells, [4, 5, 5, 5, 5]).map { cell, width in
                String(repeating: " ", count: max(0, width - DisplayWidth.of(cell))) + cell
            }.joined(separator: " ")
        }
        var rows: [TextRow] = [.blank, .heading("Against total length (bit/s)")]
        rows.append(TextRow(line("  ", ["km", "key", "F", "PLOB", "trust"]), role: .dim))
        rows += chain.sweep.map { point in
            let kilometres = point.lengthMeters / 1000
            let length = kilometres >= 100 ? String(format: "%.0f", kilometres) : String(format: "%.3g", kilometres)
            return TextRow(line(point.isPlanned ? "* " : "  ", [length, compactRate(point.keyRateBps),
                                                               String(format: "%.3f", point.fidelity),
                                                               point.plobBoundBps.map(compactRate) ?? "unlim",
                                                               compactRate(point.trustedChainBps)]))
        }
        rows.append(TextRow("  * this chain; trust: a trusted-node chain of the same links", role: .dim))
        rows.append(TextRow("  " + PlanFigures.repeaterReach(chain)))
        return rows
    }

    /// A rate in bit/s in at most 5 columns: `14.5k`, `400`, `9.03`, `0.014`, `1e-06`.
    static func compactRate(_ bitsPerSecond: Double) -> String {
        guard bitsPerSecond >= 0.01 else { return bitsPerSecond == 0 ? "0" : String(format: "%.0e", bitsPerSecond) }
        guard bitsPerSecond >= 1 else { return String(format: "%.2g", bitsPerSecond) }
        let value = Double(String(format: "%.3g", bitsPerSecond)) ?? bitsPerSecond
        for (factor, prefix) in [(1e12, "T"), (1e9, "G"), (1e6, "M"), (1e3, "k")] where value >= factor {
            return String(format: "%.3g", value / factor) + prefix
        }
        return String(format: "%.3g", value)
    }
}
