import QNetModel
import QNetPlanner

/// The what-if sections of the Markdown report: per demand the limiting link,
/// the sensitivities, the failures that break it and the suggestions; then the
/// network's N−1 survivability.
extension MarkdownReport {
    static func whatIfSection(_ analysis: WhatIfAnalysis, plan: Plan, into text: inout MarkdownText) {
        guard !analysis.demands.isEmpty else { return }
        text.heading("What-ifs")
        for (index, demand) in plan.demands.enumerated() {
            guard let whatIf = analysis.demand(at: index) else { continue }
            text.heading("\(demand.id): \(EngineeringFormat.rate(whatIf.rateBps)) of \(EngineeringFormat.rate(whatIf.requiredBps)) required",
                         level: 3)
            if let limit = whatIf.trustedNodeLimit { text.line("- " + trustedNodeLimitText(limit)) }
            if let barrier = whatIf.endpointBarrier { text.line("- **No key through endpoints**: \(barrier.reason).") }
            // A trusted-node limit or endpoints in the way are the cause: "no segment leaves the source's side" would hide it.
            if whatIf.limiting != nil || (whatIf.trustedNodeLimit == nil && whatIf.endpointBarrier == nil) {
                text.line("- " + limitingText(whatIf.limiting, unlinked: whatIf.unlinkedReason))
            }
            if let sensitivity = whatIf.sensitivity { text.line("- " + sensitivityText(sensitivity)) }
            text.line("- " + (whatIf.rateBps > 0 ? breaksText(whatIf.breaksOn, short: whatIf.isShort)
                                                   : "**Breaks on**: nothing to break: the demand has no QKD key."))
            if let nothing = whatIf.costliestSurvivedCostsNothing {
                text.line("- **Failures it survives**: \(nothing).")
            } else if let survived = whatIf.costliestSurvived {
                let title = whatIf.costliestSurvivedIsExact ? "Costliest failure it survives"
                    : "Costliest of the failures it survives that were routed (\(DemandWhatIf.costliestRouteLimit) at most)"
                text.line("- **\(title)**: \(survived.failure.kind) \(survived.failure.id) leaves "
                    + "\(EngineeringFormat.rate(survived.remainingBps)) of \(EngineeringFormat.rate(whatIf.rateBps))"
                    + (EngineeringFormat.hiddenCost(survived.remainingBps, of: whatIf.rateBps).map { " (it costs \($0))" } ?? "") + ".")
            }
            // Met alone, but not with the others: the segments every path of it shares, and the change that gives them most.
            for remedy in whatIf.overdrawn {
                let best = remedy.changes.first.map { "; the change that gives it the most key: \($0.summary), "
                    + "\(EngineeringFormat.rate($0.keyRateBps)) (under the shared capacity above)" } ?? ""
                text.line("- **Shared with \(remedy.forcedBy.filter { $0 != demand.id }.map(\.rawValue).joined(separator: ", "))**: "
                    + "every path crosses \(remedy.segment), which carries \(EngineeringFormat.rate(remedy.keyRateBps)) of the "
                    + "\(EngineeringFormat.rate(remedy.neededBps)) they must take together\(best).")
            }
            if let link = whatIf.newLinkWithoutKey { text.line("- **No new link to \(link.to)**: \(link.reason).") }
            if whatIf.suggestions.isEmpty { text.line("- **Suggestions**: none of the changes tried raises the rate by 1 % or more.") }
            text.blank()
            if !whatIf.suggestions.isEmpty {
                text.table(["suggestion", "rate", "met", "requires", "also lowers", "edits"], whatIf.suggestions.map { suggestion in
                    [suggestion.summary, EngineeringFormat.rate(suggestion.rateBps), suggestion.satisfied ? "yes" : "no",
                     suggestion.requires?.text ?? "–",
                     suggestion.lowers.isEmpty ? "–" : suggestion.lowers.map(\.summary).joined(separator: "; "),
                     suggestion.changes.joined(separator: "; ")]
                })
            }
        }
        survivabilitySection(analysis.survivability, withoutKey: plan.demands.filter { $0.maxFlowBps <= 0 }.map(\.id.rawValue),
                             into: &text)
    }

    private static func limitingText(_ limiting: LimitingLink?, unlinked: String?) -> String {
        if limiting == nil, let unlinked { return "**Limiting link**: none: \(unlinked), so no segment reaches it." }
        guard let limiting else { return "**Limiting link**: none (\(LimitingLink.noneReason))." }
        var parts = ["**Limiting link**: \(limiting.link) in segment \(limiting.segment) (\(limiting.basis)"
            + "; cut: \(limiting.cutSegments.joined(separator: ", ")))."]
        if let line = limiting.largestLoss {
            parts.append("Limiting parameter (its largest loss): \(line.item), \(EngineeringFormat.decibels(line.db)) of "
                + "\(EngineeringFormat.decibels(limiting.lossDB)) (\(line.basis)).")
        }
        var key = "Segment key \(EngineeringFormat.rate(limiting.segmentRateBps))"
        if let margin = limiting.marginDB { key += ", margin \(EngineeringFormat.decibels(margin))" }
        if let reason = limiting.noKeyReason { key += "; no key: \(reason)" }
        parts.append(key + ".")
        return parts.joined(separator: " ")
    }

    private static func trustedNodeLimitText(_ limit: TrustedNodeLimit) -> String {
        "**No key within max_trusted_nodes = \(limit.limit)**: every path with key crosses \(limit.needed.counted("trusted node")) or more "
            + "(the fewest: \(limit.path.map(\.rawValue).joined(separator: ", ")))."
    }

    private static func sensitivityText(_ sensitivity: Sensitivity) -> String {
        let derivatives = [("of extra loss", sensitivity.perDB), ("of length", sensitivity.perKm),
                           ("of detector efficiency", sensitivity.perPercentEfficiency)]
            .compactMap { what, derivative in derivative.map { (what, $0) } }
        let values = derivatives.map { what, derivative in
            "\(EngineeringFormat.signedRate(derivative.bpsPerUnit)) per \(derivative.unit) \(what)"
        }
        let steps = derivatives.map { _, derivative in
            "\(EngineeringFormat.number(derivative.step)) \(derivative.unit) \(derivative.scheme)"
        }
        return "**Sensitivity on \(sensitivity.link)**: " + values.joined(separator: "; ")
            + " (finite differences through the planner: " + steps.joined(separator: ", ") + ")."
    }

    /// The failures that break a demand, grouped by the rate they leave; for a demand `short` of its rate, with the rule.
    private static func breaksText(_ impacts: [FailureImpact], short: Bool) -> String {
        let title = short ? "**Breaks on** (\(DemandWhatIf.shortfallRule))" : "**Breaks on**"
        guard !impacts.isEmpty else { return "\(title): no single link or node failure (its own end nodes aside)." }
        // Failures that leave the same rate together, worst first (the impacts come sorted so).
        var groups: [(rate: Double, failures: [String])] = []
        for impact in impacts {
            let name = "\(impact.failure.kind) \(impact.failure.id)"
            if groups.last?.rate == impact.remainingBps { groups[groups.count - 1].failures.append(name) } else {
                groups.append((impact.remainingBps, [name]))
            }
        }
        return "\(title): " + groups.map { group in
            group.failures.joined(separator: ", ")
                + " (\(group.failures.count == 1 ? "leaves" : "each leaves") \(EngineeringFormat.rate(group.rate)))"
        }.joined(separator: "; ") + "."
    }

    private static func survivabilitySection(_ survivability: Survivability, withoutKey: [String], into text: inout MarkdownText) {
        text.heading("Survivability (N−1)")
        let count = survivability.failuresChecked
        text.paragraph("Examined \(count) single failure\(count == 1 ? "" : "s"): \(survivability.scope)")
        if survivability.failures.isEmpty {
            text.paragraph(withoutKey.isEmpty ? "No single link or node failure breaks a demand."
                                              : "No single link or node failure breaks a demand that has key.")
        } else {
            text.table(["failure", "breaks", "remaining rate"], survivability.failures.map { effect in
                ["\(effect.failure.kind) \(effect.failure.id)", effect.broken.map(\.demand.rawValue).joined(separator: ", "),
                 effect.broken.map { EngineeringFormat.rate($0.remainingBps) }.joined(separator: ", ")]
            })
        }
        let surviving = survivability.surviving.map(\.rawValue)
        text.paragraph("Demands that survive any single failure: " + (surviving.isEmpty ? "none" : surviving.joined(separator: ", ")) + ".")
        if !withoutKey.isEmpty {
            text.paragraph("Demands without QKD key, so with none to lose (post-quantum cryptography only): "
                + withoutKey.joined(separator: ", ") + ".")
        }
    }
}
