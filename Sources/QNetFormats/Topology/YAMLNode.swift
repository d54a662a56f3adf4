import Yams

/// A node of a composed YAML tree (Yams' `Node`, renamed: the model has a `Node` too).
typealias YAMLNode = Yams.Node

/// What the topology reader needs to know of a composed YAML node.
extension YAMLNode {
    /// Whether the node is YAML's null: an empty value, `~` or `null`, unquoted.
    ///
    /// The reader takes every other scalar as its raw text, so `null` in quotes is text.
    var isNull: Bool {
        guard case .scalar(let scalar) = self, scalar.style == .plain else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    /// A short name of the node's shape, for error messages.
    var shapeName: String {
        switch self {
        case .scalar: return isNull ? "nothing (null)" : "a single value"
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        case .alias: return "an alias"
        }
    }
}
