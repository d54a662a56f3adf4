/// What a topology key holds, independent of YAML: a scalar, a list of
/// scalars, or a mapping of scalars (in the order written).
public enum FieldValue: Sendable, Hashable {
    case scalar(String)
    case sequence([String])
    case mapping([Entry])

    /// One key of a mapping value.
    public struct Entry: Sendable, Hashable {
        public var key: String
        public var value: String
        public init(_ key: String, _ value: String) {
            self.key = key
            self.value = value
        }
    }

    /// A short name of the shape, for error messages.
    public var shapeName: String {
        switch self {
        case .scalar: return "a single value"
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        }
    }
}

/// Why a value cannot be stored under a key.
public struct FieldError: Error, Sendable, Hashable {
    /// What is wrong, and what the key expects.
    public var message: String
    /// The inner key of a mapping value at fault (`x` in `position: {x: …}`), if any.
    public var subkey: String?
    /// The further errors of the same value (the other inner keys of a mapping at fault), each reported too.
    public var others: [FieldError] = []

    public init(_ message: String, subkey: String? = nil) {
        self.message = message
        self.subkey = subkey
    }
}
