/// Suggests the known key or value closest to a misspelt one, for "did you mean" hints.
public enum KeySuggestion {
    /// The known key within a few edits of `key`, if one is close enough to be a likely typo.
    public static func closest(to key: String, in known: [String]) -> String? {
        let limit = max(1, key.count / 3)
        let ranked = known.map { ($0, distance(key.lowercased(), $0.lowercased())) }
            .filter { $0.1 <= limit }
            .min { $0.1 < $1.1 }
        return ranked?.0
    }

    /// ` (did you mean 'fiber'?)` for the closest of `known` to `word`, or nothing when none is close.
    public static func hint(for word: String, in known: [String]) -> String {
        closest(to: word, in: known).map { " (did you mean '\($0)'?)" } ?? ""
    }

    /// Edit distance between two strings, counted in characters: insertions, deletions, substitutions, and
    /// swaps of two neighbouring characters (`fibre` for `fiber` is one edit), each once (optimal string alignment).
    /// - Complexity: O(|lhs| × |rhs|)
    private static func distance(_ lhs: String, _ rhs: String) -> Int {
        let left = Array(lhs), right = Array(rhs)
        guard !left.isEmpty else { return right.count }
        guard !right.isEmpty else { return left.count }
        var beforePrevious: [Int] = []
        var previous = Array(0...right.count)
        for (i, leftChar) in left.enumerated() {
            var current = [i + 1] + Array(repeating: 0, count: right.count)
            for (j, rightChar) in right.enumerated() {
                let substitution = previous[j] + (leftChar == rightChar ? 0 : 1)
                current[j + 1] = min(substitution, previous[j + 1] + 1, current[j] + 1)
                if i > 0, j > 0, leftChar == right[j - 1], left[i - 1] == rightChar {
                    current[j + 1] = min(current[j + 1], beforePrevious[j - 1] + 1)
                }
            }
            beforePrevious = previous
            previous = current
        }
        return previous[right.count]
    }
}
