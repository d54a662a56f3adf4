/// "Did you mean …?": the known word closest to a mistyped one.
enum Suggestion {
    /// The word of `known` within two edits of `word` (fewer for short words: one for two or
    /// three letters, none for one), the closest first; nil if none.
    static func closest(to word: String, in known: [String]) -> String? {
        let limit = word.count < 3 ? word.count - 1 : min(2, word.count / 3)
        return known.map { ($0, distance(word, $0)) }.filter { $0.1 <= limit }.min { $0.1 < $1.1 }?.0
    }

    /// Levenshtein distance: insertions, deletions and substitutions turning `a` into `b`.
    /// - Complexity: O(|a| × |b|)
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        var previous = Array(0...b.count)
        for (i, left) in a.enumerated() {
            var current = [i + 1] + [Int](repeating: 0, count: b.count)
            for (j, right) in b.enumerated() {
                current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (left == right ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
