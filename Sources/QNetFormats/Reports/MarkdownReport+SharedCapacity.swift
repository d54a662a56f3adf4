import QNetPlanner

extension MarkdownReport {
    /// At most this many overloaded segments are listed; the JSON report has them all.
    static let overloadRows = 20

    /// Whether the demands fit the segments' key together (`SharedCapacity`), with the segments their
    /// scaled max flows overdraw.
    static func sharedCapacitySection(_ plan: Plan, into text: inout MarkdownText) {
        // With one demand (or none with key) there is nothing to share.
        guard plan.demands.filter({ $0.requiredBps > 0 && $0.maxFlowBps > 0 }).count > 1 else { return }
        let shared = plan.sharedCapacity
        switch plan.demandsMetTogether {
        case .yes:
            text.paragraph("**Met together: yes.** The demands' max flows, each scaled to its required rate, fit every "
                + "segment's key, so all the demands get their rates at once.")
            return
        case .no where shared.provenShort:
            text.paragraph("**Met together: no.** Every path of the demands named below crosses the segment, so every "
                + "routing takes their rates from its key, and it carries less:")
        case .no:
            text.paragraph("**Met together: no**, as some demand is not met even alone."
                + (shared.scaledFlowsFit ? "" : " The max flows of those met alone, scaled to their required rates, also overdraw what is listed below:"))
        case .notShown:
            text.paragraph("**Met together: not shown.** Each max flow above is computed as if its demand had the network to "
                + "itself. Scaled to the required rates of the demands met alone, the flows take more key than the segments or "
                + "shared links below can give; "
                + "another routing might still fit (the planner does not solve the joint, multi-commodity flow).")
        }
        if !shared.sharedLinks.isEmpty {
            text.paragraph("Links that several segments share, each segment planned as if it had the link alone, and whose "
                + "segments need more than the link's time (Σ load / key above 1): " + shared.sharedLinks.map {
                    "\($0.link) (\($0.segments.joined(separator: ", ")): \(EngineeringFormat.number($0.utilisation)))"
                }.joined(separator: "; ") + ".")
        }
        guard !shared.overloaded.isEmpty else { return }
        text.table(["segment", "key rate", "taken by the scaled flows", "demands crossing it", "must cross it (every path)"],
                   shared.overloaded.prefix(overloadRows).map { overload in
                       [overload.segment, EngineeringFormat.rate(overload.keyRateBps), EngineeringFormat.rate(overload.loadBps),
                        overload.demands.map(\.rawValue).joined(separator: ", "),
                        overload.forcedBy.isEmpty ? "–"
                            : overload.forcedBy.map(\.rawValue).joined(separator: ", ") + ": " + EngineeringFormat.rate(overload.forcedBps)]
                   })
        if shared.overloaded.count > overloadRows {
            text.paragraph("… and \(shared.overloaded.count - overloadRows) more overdrawn segments (all in the JSON report).")
        }
    }

    /// Under the shared-capacity table: per segment that every routing overdraws, the changes of its link that raise
    /// the key between its ends, with that key against what its demands must take (`OverdrawRemedy`).
    static func overdrawRemediesSection(_ remedies: [OverdrawRemedy], into text: inout MarkdownText) {
        guard !remedies.isEmpty else { return }
        text.paragraph("What would let each segment above that every routing overdraws carry what its demands must take "
            + "(changes of its link of most loss, as a demand's suggestions, and a second link beside a one-link segment; "
            + "the key is the max flow between the segment's ends over the segments the change plans and those it keeps"
            + (remedies.count < OverdrawRemedy.limit ? ")" : "; the first \(OverdrawRemedy.limit) such segments)") + ":")
        text.table(["segment", "change", "key between its ends", "must carry", "enough", "also lowers", "edits"], remedies.flatMap { remedy in
            let must = EngineeringFormat.rate(remedy.neededBps) + " (" + remedy.forcedBy.map(\.rawValue).joined(separator: ", ") + ")"
            guard !remedy.changes.isEmpty else {
                return [[remedy.segment, "none of the changes of \(remedy.link) tried raises its key by 1 % or more",
                         EngineeringFormat.rate(remedy.keyRateBps), must, "no", "–", "–"]]
            }
            return remedy.changes.map { change in
                [remedy.segment, change.summary,
                 EngineeringFormat.rate(remedy.keyRateBps) + " → " + EngineeringFormat.rate(change.keyRateBps), must,
                 change.coversNeed ? "yes" : "no",
                 change.lowers.isEmpty ? "–" : change.lowers.map(\.summary).joined(separator: "; "), change.changes.joined(separator: "; ")]
            }
        })
    }
}
