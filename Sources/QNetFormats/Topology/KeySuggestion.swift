/// Suggests the known key closest to a misspelt one, for "did you mean" hints.
public enum KeySuggestion {
    /// The known key within a few edits of `key`, if one is close enough to be a likely typo.
    public static func closest(to key: String, in known: [String]) -> String? {
        let limit = max(1, key.count / 3)
        let ranked = known.map { ($0, distance(key.lowercased(), $0.lowercased())) }
            .filter { $0.1 <= limit }
            .min { $0.1 < $1.1 }
        return ranked?.0
    }

    /// The message for an unknown key: the key, a suggestion, and the known keys.
    static func unknownKeyMessage(_ key: String, in place: String, known: [String]) -> String {
        var message = "unknown key '\(key)' in \(place)"
        if let suggestion = closest(to: key, in: known) {
            message += " (did you mean '\(suggestion)'?)"
        }
        return message + "; known keys: " + known.joined(separator: ", ")
    }

    /// Levenshtein distance between two strings, counted in characters.
    private static func distance(_ lhs: String, _ rhs: String) -> Int {
        let left = Array(lhs), right = Array(rhs)
        guard !left.isEmpty else { return right.count }
        guard !right.isEmpty else { return left.count }
        var previous = Array(0...right.count)
        for (i, leftChar) in left.enumerated() {
            var current = [i + 1] + Array(repeating: 0, count: right.count)
            for (j, rightChar) in right.enumerated() {
                let substitution = previous[j] + (leftChar == rightChar ? 0 : 1)
                current[j + 1] = min(substitution, previous[j + 1] + 1, current[j] + 1)
            }
            previous = current
        }
        return previous[right.count]
    }
}
