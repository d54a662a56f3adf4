import QNetModel

/// What the user has selected, and what an edit form edits: a node, link or
/// demand by id, an entry of the equipment library by kind and name, or the
/// topology's `defaults`.
public enum Selection: Sendable, Hashable {
    case node(Identifier)
    case link(Identifier)
    case demand(Identifier)
    case equipment(EquipmentKind, String)
    case defaults

    /// How a title names the item: `Link SIEM-ERDB`, `Detector ingaas-gated`, `Defaults`.
    public var title: String {
        switch self {
        case .node(let id): return "Node \(id)"
        case .link(let id): return "Link \(id)"
        case .demand(let id): return "Demand \(id)"
        case .equipment(let kind, let name): return "\(kind.title) \(name)"
        case .defaults: return "Defaults"
        }
    }

    /// The item named by the dotted words `parts` (`L1`, `sources.wcp`, `defaults`), and the words after
    /// its name (the key of `:set L1.length`). Looked up in this order: a node, link or demand id;
    /// `sources.NAME`, `detectors.NAME`, `memories.NAME`; `defaults`; an equipment entry by its bare
    /// name, refused when entries of two kinds share it.
    public static func resolve(_ parts: [String], in topology: Topology) throws(CommandError) -> (Selection, [String]) {
        guard let first = parts.first else { throw CommandError("no name given") }
        let id = Identifier(first), rest = Array(parts.dropFirst())
        if let kind = EquipmentKind(section: first), let name = rest.first, kind.names(in: topology).contains(name) {
            return (.equipment(kind, name), Array(rest.dropFirst()))
        }
        if topology.node(id) != nil { return (.node(id), rest) }
        if topology.link(id) != nil { return (.link(id), rest) }
        if topology.demandIndex(id) != nil { return (.demand(id), rest) }
        if first == "defaults" { return (.defaults, rest) }
        let kinds = EquipmentKind.allCases.filter { $0.names(in: topology).contains(first) }
        if kinds.count > 1 {
            let kindNames = kinds.map(\.rawValue).joined(separator: " and a ")
            let spelled = kinds.map { "\($0.section).\(first)" }.joined(separator: " or ")
            throw CommandError("'\(first)' names a \(kindNames): say which, \(spelled)")
        }
        if let kind = kinds.first { return (.equipment(kind, first), rest) }
        if let kind = EquipmentKind(section: first) {
            let names = kind.names(in: topology)
            let library = names.isEmpty ? "none yet" : names.joined(separator: ", ")
            throw CommandError("no \(kind.rawValue) '\(rest.first ?? "")' (\(kind.section): \(library))")
        }
        let known = topology.nodes.map(\.id.rawValue) + topology.links.map(\.id.rawValue)
            + topology.demands.map(\.resolvedID.rawValue)
        let hint = Suggestion.closest(to: first, in: known).map { ": did you mean '\($0)'?" } ?? ""
        throw CommandError("no node, link, demand or equipment named '\(first)'\(hint)")
    }

    /// Every selectable item of `topology` in list order: nodes, links, demands, equipment, defaults.
    public static func all(in topology: Topology) -> [Selection] {
        topology.nodes.map { .node($0.id) } + topology.links.map { .link($0.id) }
            + topology.demands.map { .demand($0.resolvedID) }
            + EquipmentKind.allCases.flatMap { kind in kind.names(in: topology).map { .equipment(kind, $0) } }
            + [.defaults]
    }

    /// Whether the item still exists in `topology`.
    public func exists(in topology: Topology) -> Bool {
        switch self {
        case .node(let id): return topology.node(id) != nil
        case .link(let id): return topology.link(id) != nil
        case .demand(let id): return topology.demandIndex(id) != nil
        case .equipment(let kind, let name): return kind.names(in: topology).contains(name)
        case .defaults: return true
        }
    }
}
