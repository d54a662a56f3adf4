import QNetModel

/// What the user has selected: one node, link or demand, by id.
public enum Selection: Sendable, Hashable {
    case node(Identifier)
    case link(Identifier)
    case demand(Identifier)

    /// The selected item's id.
    public var id: Identifier {
        switch self {
        case .node(let id), .link(let id), .demand(let id): return id
        }
    }

    /// The item of `topology` with `id` (nodes first, then links, then demands), if any.
    public static func find(_ id: Identifier, in topology: Topology) -> Selection? {
        if topology.node(id) != nil { return .node(id) }
        if topology.link(id) != nil { return .link(id) }
        if topology.demandIndex(id) != nil { return .demand(id) }
        return nil
    }

    /// Every selectable item of `topology` in list order: nodes, links, demands.
    public static func all(in topology: Topology) -> [Selection] {
        topology.nodes.map { .node($0.id) } + topology.links.map { .link($0.id) }
            + topology.demands.map { .demand($0.resolvedID) }
    }

    /// Whether the item still exists in `topology`.
    public func exists(in topology: Topology) -> Bool {
        switch self {
        case .node(let id): return topology.node(id) != nil
        case .link(let id): return topology.link(id) != nil
        case .demand(let id): return topology.demandIndex(id) != nil
        }
    }
}
