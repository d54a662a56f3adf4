import QNetModel
import QNetPlanner

/// The report an engineer hands a colleague: a summary, each demand's path
/// and who must be trusted, then per link the loss waterfall, the detector and
/// timing budget, the QBER breakdown, key rate, PLOB bound and margin, each
/// line with the assumption and source behind it.
public enum MarkdownReport {
    /// The report as GitHub-flavoured Markdown, with the what-ifs of `whatIf` when given.
    public static func render(_ plan: Plan, of topology: Topology, whatIf: WhatIfAnalysis? = nil) -> String {
        var text = MarkdownText()
        text.line("# \(plan.topologyName): network budget")
        if let description = topology.description { text.paragraph(description) }
        if !topology.sources.isEmpty {
            text.paragraph("Sources: " + topology.sources.joined(separator: "; "))
        }
        demandSection(plan, into: &text)
        sharedCapacitySection(plan, into: &text)
        if let whatIf { overdrawRemediesSection(whatIf.overdrawn, into: &text) }
        if let whatIf { whatIfSection(whatIf, plan: plan, into: &text) }
        linkSummary(plan, into: &text)
        segmentSection(plan, into: &text)
        passSection(plan, into: &text)
        for link in plan.links { linkSection(link, topology: topology, into: &text) }
        diagnosticSection(plan, into: &text)
        termsSection(into: &text)
        return text.string
    }

    private static func demandSection(_ plan: Plan, into text: inout MarkdownText) {
        text.heading("Demands")
        guard !plan.demands.isEmpty else { text.paragraph("No demands are defined."); return }
        text.table(
            // With several demands, each is met or not as if it had the network to itself (shared capacity, below, says
            // whether they fit together): QA read "met: yes" beside "Met together: no" as a contradiction.
            ["demand", "between", "required", "best path", "best path rate", "max flow", "trusted nodes (see the key)",
             plan.demands.count > 1 ? "met alone" : "met"],
            plan.demands.map { demand in
                [demand.id.rawValue, "\(demand.from) – \(demand.to)", EngineeringFormat.rate(demand.requiredBps),
                 demand.bestPath.isEmpty ? "none (PQC only)" : demand.bestPath.map(\.rawValue).joined(separator: " → "),
                 EngineeringFormat.rate(demand.bestPathBps),
                 EngineeringFormat.rate(demand.maxFlowBps) + (demand.maxFlowIsExact ? "" : " (lower bound)"),
                 demand.trustedNodes.isEmpty ? "none" : demand.trustedNodes.map(\.rawValue).joined(separator: ", "),
                 demand.satisfied ? "yes" : (demand.fallback.map { "no: \($0)" } ?? "no")]
            })
        for demand in plan.demands {
            var notes: [String] = []
            if let bottleneck = demand.bottleneckSegment { notes.append("bottleneck \(bottleneck)") }
            let others = demand.flowTrustedNodes.filter { !demand.trustedNodes.contains($0) }
            if !others.isEmpty {
                notes.append("the max flow also trusts " + others.map(\.rawValue).joined(separator: ", "))
            }
            if let note = demand.note { notes.append(note) }
            if !notes.isEmpty { text.line("- **\(demand.id)**: " + notes.joined(separator: "; ")) }
        }
        text.blank()
    }

    private static func linkSummary(_ plan: Plan, into text: inout MarkdownText) {
        text.heading("Links")
        text.table(
            ["link", "medium", "protocol", "loss", "QBER", "key rate", "link PLOB bound", "margin"],
            plan.links.map { link in
                [link.id.rawValue, link.medium.rawValue, link.protocolKind.rawValue,
                 EngineeringFormat.decibels(link.lossDB),
                 link.qber.map { EngineeringFormat.percent($0.total) + (PlanFigures.qberScope(link).map { " (\($0))" } ?? "") } ?? "–",
                 PlanFigures.linkRate(link)
                    + (link.pass.map { pass in
                        let kind = PlanFigures.keyKind(link)
                        return " at culmination (\(PlanFigures.culminationKind(link))); "
                            + "daily average \(EngineeringFormat.rate(pass.keyGraphFigures.dailyAverageBps)) (\(kind))"
                    } ?? ""),
                 EngineeringFormat.plobBound(link.plobBoundBps),
                 link.marginDB.map(EngineeringFormat.decibels) ?? (link.marginUnlimited ? "no limit" : "–")]
            })
    }

    private static func segmentSection(_ plan: Plan, into text: inout MarkdownText) {
        let multiLink = plan.segments.filter(\.hasSegmentDetail)
        guard !multiLink.isEmpty else { return }
        text.heading("Segments planned as a whole (through untrusted nodes, or from a BBM92 pair source)")
        text.table(
            ["segment", "links", "protocol", "key rate", "PLOB bound (whole channel)", "fidelity", "note"],
            multiLink.map { segment in
                [segment.id, segment.links.map(\.rawValue).joined(separator: ", "), segment.protocolKind.rawValue,
                 EngineeringFormat.rate(segment.keyRateBps), EngineeringFormat.plobBound(segment.plobBoundBps),
                 segment.fidelity.map(EngineeringFormat.number) ?? "–", segment.noKeyReason ?? ""]
            })
        for segment in multiLink {
            if !segment.diagnostics.isEmpty {
                text.line("**\(segment.id)**:")
                diagnosticLines(segment.diagnostics, into: &text)
                text.blank()
            }
            if let tf = segment.twinField {
                text.line("**\(segment.id)** twin-field: \(PlanFigure.sentence(PlanFigures.twinField(tf, links: segment.links))).")
                text.blank()
                assumptionList(tf.assumptions, into: &text)
            }
            if let budget = segment.keyBudget { keyBudgetSection(budget, of: segment, into: &text) }
            guard let chain = segment.repeater else { continue }
            text.line("**\(segment.id)** repeater chain: \(PlanFigure.sentence(PlanFigures.repeaterChain(chain))).")
            text.blank()
            repeaterDetails(chain, into: &text)
            assumptionList(chain.assumptions, into: &text)
        }
    }

    /// The chain's rate against distance, and where it beats the PLOB bound and a trusted-node chain.
    private static func repeaterDetails(_ chain: RepeaterChainPlan, into text: inout MarkdownText) {
        guard !chain.sweep.isEmpty else { return }
        text.table(
            ["total length", "chain key rate", "fidelity", "PLOB bound (whole channel)", "trusted-node chain, same links (decoy-BB84 senders)"],
            chain.sweep.map { point in
                let length = EngineeringFormat.number(point.lengthMeters / 1000) + " km" + (point.isPlanned ? " (this chain)" : "")
                return [length, EngineeringFormat.rate(point.keyRateBps), EngineeringFormat.number(point.fidelity),
                        EngineeringFormat.plobBound(point.plobBoundBps), EngineeringFormat.rate(point.trustedChainBps)]
            })
        text.line(PlanFigures.repeaterReach(chain))
        text.blank()
    }

    private static func linkSection(_ link: LinkPlan, topology: Topology, into text: inout MarkdownText) {
        let ends = topology.link(link.id).map { " (\($0.from) → \($0.to))" } ?? ""
        text.heading("Link \(link.id)\(ends): \(link.medium.rawValue), \(link.protocolKind.rawValue)", level: 3)
        text.line("Loss budget (channel):")
        text.blank()
        var rows = link.lossBudget.map { [$0.item, EngineeringFormat.decibels($0.db), $0.basis] }
        rows.append(["**total**", "**\(EngineeringFormat.decibels(link.lossDB))**",
                     "transmittance \(EngineeringFormat.number(link.transmittance))"])
        text.table(["item", "loss", "basis"], rows)
        if let detector = link.detector {
            detectorTable(detector, operatingPoint: link.protocolKind != .entanglement, into: &text)
        }
        if let qber = link.qber {
            let scope = PlanFigures.qberScope(link).map { " (key basis, \($0), as the finite key counts its errors)" } ?? ""
            text.line("QBER \(EngineeringFormat.percent(qber.total))\(scope): misalignment \(EngineeringFormat.percent(qber.misalignment)),"
                + " dark and background \(EngineeringFormat.percent(qber.darkAndBackground)),"
                + " afterpulsing \(EngineeringFormat.percent(qber.afterpulsing)),"
                + " timing \(EngineeringFormat.percent(qber.timing)).")
            text.blank()
        }
        var key = "Key: **\(PlanFigures.linkRate(link))**"
        key += " (\(EngineeringFormat.number(link.keyPerPulse)) bit per pulse at \(EngineeringFormat.frequency(link.repetitionRateHz))"
        if let mu = link.signalIntensity { key += ", μ = \(EngineeringFormat.number(mu))" }
        key += "); PLOB bound \(EngineeringFormat.plobBound(link.plobBoundBps))"
        if let margin = link.marginDB { key += "; margin \(EngineeringFormat.decibels(margin))" }
        if link.marginUnlimited { key += "; margin: no limit (no loss the search reaches removes the key; see the assumptions)" }
        text.line(key + ".")
        if let cv = link.continuousVariable { text.line("CV-QKD GG02: \(PlanFigure.sentence(PlanFigures.continuousVariable(cv))).") }
        if let finite = link.finiteKey {
            text.line("Key of one block (finite key, Lim et al. 2014): \(PlanFigure.sentence(PlanFigures.finiteKey(finite))).")
            siftingLine(finite.sifting, into: &text)
        }
        if let reason = link.noKeyReason { text.line("No key: \(reason).") }
        diagnosticLines(link.diagnostics, into: &text)
        text.blank()
        assumptionList(link.assumptions, into: &text)
        if let pass = link.pass { passDetail(pass, into: &text) }
    }

    /// The detector and timing rows; without an `operatingPoint` (a repeater chain's links, whose heralding model
    /// has no detector dead time or afterpulsing) one row says so instead of a click rate of 0 Hz and a factor of 1.
    private static func detectorTable(_ detector: DetectorBudget, operatingPoint: Bool, into text: inout MarkdownText) {
        text.line("Detector and timing budget:")
        text.blank()
        let rows = PlanFigures.detector(detector, operatingPoint: operatingPoint).map { [$0.figure.label, $0.figure.value, $0.figure.basis ?? ""] }
        text.table(["item", "value", "basis"], rows)
    }

    static func assumptionList(_ assumptions: [Assumption], into text: inout MarkdownText) {
        guard !assumptions.isEmpty else { return }
        text.line("Assumptions:")
        text.blank()
        for assumption in assumptions {
            text.line("- \(assumption.name): \(assumption.value) (\(assumption.basis))")
        }
        text.blank()
    }

    /// The sifting a finite key used against the asymptotic key's (`Sifting: finite key: biased bases, … (basis).`).
    static func siftingLine(_ sifting: Assumption?, into text: inout MarkdownText) {
        guard let sifting else { return }
        text.line("Sifting: \(sifting.value) (\(sifting.basis)).")
    }

    /// A link's or segment's own errors, warnings and notes, each on a line (`Warning: key: message.`), where its figures are.
    private static func diagnosticLines(_ diagnostics: [Diagnostic], into text: inout MarkdownText) {
        for diagnostic in diagnostics {
            let severity = diagnostic.severity.rawValue.prefix(1).uppercased() + diagnostic.severity.rawValue.dropFirst()
            text.line("\(severity): " + ([diagnostic.keyPath, diagnostic.message].compactMap { $0 }).joined(separator: ": ") + ".")
        }
    }

    private static func diagnosticSection(_ plan: Plan, into text: inout MarkdownText) {
        guard !plan.diagnostics.isEmpty else { return }
        text.heading("Notes")
        for diagnostic in plan.diagnostics { text.line("- \(diagnostic.description)") }
        text.blank()
    }
}

/// Accumulates Markdown: headings, paragraphs and tables with escaped cells.
struct MarkdownText {
    private(set) var string = ""

    mutating func line(_ text: String) { string += text + "\n" }
    mutating func blank() { string += "\n" }

    mutating func paragraph(_ text: String) {
        if !string.hasSuffix("\n\n") { blank() }
        line(text)
        blank()
    }

    mutating func heading(_ title: String, level: Int = 2) {
        if !string.hasSuffix("\n\n") { blank() }
        line(String(repeating: "#", count: level) + " " + title)
        blank()
    }

    mutating func table(_ header: [String], _ rows: [[String]]) {
        line("| " + header.map(Self.escape).joined(separator: " | ") + " |")
        line("|" + header.map { _ in " --- |" }.joined())
        for row in rows { line("| " + row.map(Self.escape).joined(separator: " | ") + " |") }
        blank()
    }

    private static func escape(_ cell: String) -> String {
        cell.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}
