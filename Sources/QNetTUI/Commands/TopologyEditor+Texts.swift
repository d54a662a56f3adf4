import QNetModel

/// A text of the topology itself, set by `:set name TEXT` and `:set description TEXT`.
public enum TopologyText: String, Sendable, Hashable {
    case name, description
}

extension TopologyEditor {
    /// Sets the topology's name or description to `text` (one undo step; the plan is unchanged).
    public static func set(_ key: TopologyText, to text: String, in topology: Topology) -> Outcome {
        var next = topology
        switch key {
        case .name: next.name = text
        case .description: next.description = text
        }
        return Outcome(topology: next, message: "\(key.rawValue) = \(text)", selection: nil)
    }
}
