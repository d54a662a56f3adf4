/// The figures of a chain's repeaters grouped for one assumption line: each distinct value once with the repeaters
/// that have it, and the distinct bases in order.
struct NodeGroups {
    private var groups: [(value: String, nodes: [String])] = []
    /// The distinct bases, in the order first met.
    private(set) var bases: [String] = []

    /// `figure` of each of `repeaters`: its value as shown and where it came from.
    init(_ repeaters: [ChainNode], _ figure: (ChainNode) -> (value: String, basis: String)) {
        for node in repeaters {
            let (value, basis) = figure(node)
            if let index = groups.firstIndex(where: { $0.value == value }) {
                groups[index].nodes.append(node.id.rawValue)
            } else {
                groups.append((value, [node.id.rawValue]))
            }
            if !bases.contains(basis) { bases.append(basis) }
        }
    }

    /// How many distinct values the repeaters have.
    var distinctValues: Int { groups.count }

    /// `value at R1, R2` for each group, joined by semicolons.
    var value: String { groups.map { "\($0.value) at \($0.nodes.joined(separator: ", "))" }.joined(separator: "; ") }
}
