import QNetModel
import QNetPlanner

/// The what-ifs of the selected demand, for the topology they were computed
/// from; computed lazily, for the selected demand only, by an effect.
public struct SelectedWhatIf: Sendable, Hashable {
    /// The demand analysed.
    public var demand: Identifier
    /// The topology it was analysed in.
    public var topology: Topology
    /// The what-ifs; nil when the topology has no such demand.
    public var result: DemandWhatIf?
    /// The suggestion marked in the inspector (`[`/`]`), whose edits it lists and which `a` applies; the first,
    /// the best, until another is marked.
    public var marked = 0

    public init(demand: Identifier, topology: Topology, result: DemandWhatIf?) {
        self.demand = demand
        self.topology = topology
        self.result = result
    }

    /// Whether these are the what-ifs of `demand` in `topology`.
    func answers(_ demand: Identifier, in topology: Topology) -> Bool {
        self.demand == demand && self.topology == topology
    }

    /// The marked suggestion, if there are suggestions.
    var markedSuggestion: QNetPlanner.Suggestion? {
        guard let suggestions = result?.suggestions, !suggestions.isEmpty else { return nil }
        return suggestions[min(max(0, marked), suggestions.count - 1)]
    }
}
