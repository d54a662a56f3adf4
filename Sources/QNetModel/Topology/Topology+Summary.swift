extension Topology {
    /// How many nodes, links and demands the topology has: `3 nodes, 2 links, 1 demand`.
    public var summary: String {
        func count(_ number: Int, _ noun: String) -> String { "\(number) \(noun)\(number == 1 ? "" : "s")" }
        return [count(nodes.count, "node"), count(links.count, "link"), count(demands.count, "demand")].joined(separator: ", ")
    }
}
