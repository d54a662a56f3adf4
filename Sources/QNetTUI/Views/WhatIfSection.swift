import QNetFormats
import QNetModel
import QNetPlanner

/// The inspector's what-if rows for the selected demand: the limiting link and
/// its largest loss, the rate's sensitivities, the single failures that break
/// the demand and the suggestions with their rates, the marked one with its edits.
enum WhatIfSection {
    /// The rows for demand `id` of `topology`, from `whatIf` when it answers them.
    static func rows(_ whatIf: SelectedWhatIf?, for id: Identifier, in topology: Topology, glyphs: GlyphSet) -> [TextRow] {
        var rows: [TextRow] = [.blank, .heading("What if")]
        guard let whatIf, whatIf.answers(id, in: topology) else { return rows + [TextRow("  computing…", role: .dim)] }
        guard let result = whatIf.result else { return rows + [TextRow("  no such demand", role: .dim)] }
        if let limit = result.trustedNodeLimit {
            rows += [TextRow("  max_trusted_nodes", "\(limit.limit)"),
                     TextRow("  key needs", limit.needed.counted("trusted node"), valueRole: .bad)]
        }
        if let barrier = result.endpointBarrier { rows.append(TextRow("  no key: " + barrier.reason, role: .bad)) }
        if result.limiting != nil || (result.trustedNodeLimit == nil && result.endpointBarrier == nil) {
            rows += limitingRows(result.limiting, unlinked: result.unlinkedReason)
        }
        if let sensitivity = result.sensitivity { rows += sensitivityRows(sensitivity) }
        rows += [.blank, .heading("Breaks on (N−1)")]
        if result.rateBps <= 0 {
            rows.append(TextRow("  no key to lose", role: .dim))
        } else {
            if result.isShort { rows.append(TextRow("  " + DemandWhatIf.shortfallRule, role: .dim)) }
            if result.breaksOn.isEmpty { rows.append(TextRow("  no single failure", role: .good)) }
        }
        rows += result.breaksOn.map {
            TextRow("  \($0.failure.kind) \($0.failure.id)", EngineeringFormat.rate($0.remainingBps), valueRole: .bad)
        }
        if let nothing = result.costliestSurvivedCostsNothing {
            rows.append(TextRow("  failures it survives: " + nothing, role: .good))
        } else if let survived = result.costliestSurvived {
            rows.append(TextRow("  survives worst: \(survived.failure.kind) \(survived.failure.id)",
                                EngineeringFormat.rate(survived.remainingBps)))
            if let cost = EngineeringFormat.hiddenCost(survived.remainingBps, of: result.rateBps) {
                rows.append(TextRow("    it costs", cost))
            }
        }
        rows += [.blank, .heading("Suggestions")]
        if let link = result.newLinkWithoutKey { rows.append(TextRow("  no new link: " + link.reason, role: .warning)) }
        if result.suggestions.isEmpty { rows.append(TextRow("  none raises the rate by 1 % or more", role: .dim)) }
        if result.suggestions.count > 1 { rows.append(TextRow("  [ ] mark another, a applies the one marked >", role: .dim)) }
        if result.suggestions.count == 1 { rows.append(TextRow("  a applies it", role: .dim)) }
        let marked = whatIf.markedSuggestion
        for suggestion in result.suggestions {
            let isMarked = suggestion == marked
            rows.append(TextRow((isMarked && result.suggestions.count > 1 ? "> " : "  ") + suggestion.summary))
            let mark = suggestion.satisfied ? "\(glyphs.met) met" : "\(glyphs.unmet) not met"
            rows.append(TextRow("    → " + EngineeringFormat.rate(suggestion.rateBps), mark,
                                valueRole: suggestion.satisfied ? .good : .warning))
            if let raise = suggestion.requires { rows.append(TextRow("    requires " + raise.text, role: .warning)) }
            rows += suggestion.lowers.map { TextRow("    also lowers " + $0.summary, role: .warning) }
            if isMarked { rows += suggestion.changes.map { TextRow("    · " + $0, role: .dim) } }
        }
        rows += overdrawRows(result.overdrawn, glyphs: glyphs)
        return rows
    }

    /// For each segment every path of the demand crosses and every routing overdraws, the change that gives it the
    /// most key, with that key and whether it covers what the demands must take.
    private static func overdrawRows(_ remedies: [OverdrawRemedy], glyphs: GlyphSet) -> [TextRow] {
        guard !remedies.isEmpty else { return [] }
        return [.blank, .heading("Shared segments: changes")] + remedies.flatMap { remedy -> [TextRow] in
            let need = TextRow("  \(remedy.segment) must carry", EngineeringFormat.rate(remedy.neededBps), valueRole: .bad)
            guard let best = remedy.changes.first else { return [need, TextRow("    no change tried raises its key", role: .dim)] }
            let mark = best.coversNeed ? "\(glyphs.met) enough" : "\(glyphs.unmet) short"
            return [need, TextRow("    " + best.summary),
                    TextRow("    → " + EngineeringFormat.rate(best.keyRateBps), mark, valueRole: best.coversNeed ? .good : .warning)]
                + best.lowers.map { TextRow("    also lowers " + $0.summary, role: .warning) }
        }
    }

    private static func limitingRows(_ limiting: LimitingLink?, unlinked: String?) -> [TextRow] {
        if limiting == nil, let unlinked { return [TextRow("  limiting link: none: " + unlinked, role: .bad)] }
        guard let limiting else { return [TextRow("  limiting link: none (\(LimitingLink.noneReason))", role: .dim)] }
        var rows = [TextRow("  limiting link", limiting.link.rawValue), TextRow("  segment", limiting.segment)]
        if let line = limiting.largestLoss {
            rows.append(TextRow("  largest loss", EngineeringFormat.decibels(line.db)))
            rows.append(TextRow("    " + line.item, role: .dim))
        }
        if let reason = limiting.noKeyReason { rows.append(TextRow("  no key: " + reason, role: .error)) }
        return rows
    }

    private static func sensitivityRows(_ sensitivity: Sensitivity) -> [TextRow] {
        let derivatives = [("  per dB of loss", sensitivity.perDB), ("  per km", sensitivity.perKm),
                           ("  per % det. eff.", sensitivity.perPercentEfficiency)]
        return [.blank, .heading("Rate change on \(sensitivity.link)")] + derivatives.flatMap { label, derivative -> [TextRow] in
            guard let derivative else { return [] }
            let row = TextRow(label, EngineeringFormat.signedRate(derivative.bpsPerUnit))
            // At a kink the slope is the worsening side's; one step the other way, another link limits.
            guard let other = derivative.otherWay else { return [row] }
            return [row, TextRow("    kink, other way", EngineeringFormat.signedRate(other), role: .dim)]
        }
    }
}
