import QNetFormats
import QNetModel
import QNetPlanner

extension TopologyEditor {
    /// `suggestion`, a what-if of demand `demand` computed for `topology`, made on it: its edits as values
    /// (`SuggestedEdit`, the ones its `changes` say), checked as every edit is, the demand selected.
    static func apply(_ suggestion: QNetPlanner.Suggestion, for demand: Identifier, to topology: Topology)
        throws(CommandError) -> Outcome
    {
        // The rate first: a long summary (a swap suggestion's sources) ran past the status line.
        let message = "applied for \(demand), planned at \(EngineeringFormat.rate(suggestion.rateBps)): \(suggestion.summary)"
        return try checked(Outcome(topology: suggestion.edit.applied(to: topology), message: message, selection: .demand(demand)),
                           against: topology)
    }
}
