/// The texts of a chain's links grouped for one assumption line: each distinct text once with its count of links, and
/// the distinct bases in order.
struct LinkGroups {
    private var groups: [(text: String, count: Int)] = []
    /// The distinct bases, in the order first met.
    private(set) var bases: [String] = []

    /// Counts one more link described by `text`, whose figures come from `basis`.
    mutating func add(_ text: String, basis: String) {
        if let index = groups.firstIndex(where: { $0.text == text }) {
            groups[index].count += 1
        } else {
            groups.append((text, 1))
        }
        if !bases.contains(basis) { bases.append(basis) }
    }

    /// `text (n link(s))` for each group, joined by semicolons.
    var value: String { groups.map { "\($0.text) (\($0.count) link(s))" }.joined(separator: "; ") }
}
