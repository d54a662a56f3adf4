import QNetModel

extension KeySuggestion {
    /// The message for an unknown key: the key, a suggestion, and the known keys.
    static func unknownKeyMessage(_ key: String, in place: String, known: [String]) -> String {
        "unknown key '\(key)' in \(place)\(hint(for: key, in: known)); known keys: " + known.joined(separator: ", ")
    }
}
