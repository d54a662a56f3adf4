import QNetModel

/// A suggestion's edits as values: what `Suggestion.changes` says in the file's keys, to be made on the topology the
/// suggestion was computed for (the workbench applies one as a single undoable edit).
public struct SuggestedEdit: Sendable, Hashable {
    /// The links removed: a link split at its midpoint, whose halves are among `links`.
    public var removedLinks: [Identifier]
    /// The links put in: one with the id of a link of the topology replaces it in place; a new one goes where the
    /// first removed link was, or last when none is removed.
    public var links: [Link]
    /// The nodes added.
    public var newNodes: [Node]
    /// The nodes edited, each replacing the node of its id.
    public var editedNodes: [Node]
    /// The demand's larger `max_trusted_nodes`, when the suggestion needs one.
    public var limit: LimitRaise?

    public init(removedLinks: [Identifier] = [], links: [Link] = [], newNodes: [Node] = [], editedNodes: [Node] = [],
                limit: LimitRaise? = nil) {
        self.removedLinks = removedLinks
        self.links = links
        self.newNodes = newNodes
        self.editedNodes = editedNodes
        self.limit = limit
    }

    /// `topology` with the edits made. - Complexity: O(nodes + links + demands)
    public func applied(to topology: Topology) -> Topology {
        var edited = topology
        var replacing: [Identifier: Link] = [:], added: [Link] = []
        let kept = Set(topology.links.map(\.id)).subtracting(removedLinks)
        for link in links {
            if kept.contains(link.id) { replacing[link.id] = link } else { added.append(link) }
        }
        let removed = Set(removedLinks)
        let insertAt = topology.links.firstIndex { removed.contains($0.id) }
        edited.links = []
        for (index, link) in topology.links.enumerated() {
            if index == insertAt { edited.links += added }
            if !removed.contains(link.id) { edited.links.append(replacing[link.id] ?? link) }
        }
        if insertAt == nil { edited.links += added }
        var nodes: [Identifier: Node] = [:]
        for node in editedNodes { nodes[node.id] = node }
        edited.nodes = topology.nodes.map { nodes[$0.id] ?? $0 } + newNodes
        if let limit, let index = edited.demands.firstIndex(where: { $0.resolvedID == limit.demand }) {
            edited.demands[index].maxTrustedNodes = limit.to
        }
        return edited
    }
}
