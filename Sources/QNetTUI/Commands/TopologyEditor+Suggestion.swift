import QNetFormats
import QNetModel
import QNetPlanner

extension TopologyEditor {
    /// `suggestion`, a what-if of demand `demand` computed for `topology`, made on it: its edits as values
    /// (`SuggestedEdit`, the ones its `changes` say), checked as every edit is, the demand selected.
    static func apply(_ suggestion: QNetPlanner.Suggestion, for demand: Identifier, to topology: Topology)
        throws(CommandError) -> Outcome
    {
        let message = "applied the suggestion \(suggestion.summary), planned at \(EngineeringFormat.rate(suggestion.rateBps)) "
            + "for \(demand)"
        return try checked(Outcome(topology: suggestion.edit.applied(to: topology), message: message, selection: .demand(demand)),
                           against: topology)
    }
}
