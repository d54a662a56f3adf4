import QNetModel

/// Which equipment a link uses and where the name comes from, and who uses an
/// entry of the library: the same rules as the planner's link inputs.
public enum EquipmentUse {
    /// The entry of `kind` that `link` uses: its own key, else the key of the node
    /// that plays that role (the sender's source, the receiver's detector); nil
    /// when neither names one (the planner's built-in default). `node` is the node
    /// the name is inherited from, nil when the link names it itself.
    /// Memories belong to nodes: a link uses none.
    public static func name(of kind: EquipmentKind, for link: Link, in topology: Topology)
        -> (name: String, node: Identifier?)?
    {
        name(of: kind, for: link, node: topology.node)
    }

    /// As `name(of:for:in:)`, finding nodes with `node`.
    private static func name(of kind: EquipmentKind, for link: Link, node: (Identifier) -> Node?)
        -> (name: String, node: Identifier?)?
    {
        switch kind {
        case .source:
            if let name = link.source { return (name, nil) }
            guard let sender = ends(of: link, node: node)?.sender, let name = sender.source else { return nil }
            return (name, sender.id)
        case .detector:
            if let name = link.detector { return (name, nil) }
            guard let receiver = ends(of: link, node: node)?.receiver, let name = receiver.detector else { return nil }
            return (name, receiver.id)
        case .memory:
            return nil
        }
    }

    /// The sending and receiving ends of `link`: the first of `between` sends, except
    /// on a satellite link, where `direction` decides (downlink: the satellite sends).
    /// As the planner's `LinkInputs.roles`.
    private static func ends(of link: Link, node: (Identifier) -> Node?) -> (sender: Node, receiver: Node)? {
        guard let from = node(link.from), let to = node(link.to) else { return nil }
        guard link.resolvedMedium == .satellite else { return (from, to) }
        let satelliteFirst = from.resolvedKind == .satellite || to.resolvedKind != .satellite
        let (satellite, ground) = satelliteFirst ? (from, to) : (to, from)
        return link.resolvedDirection == .downlink ? (satellite, ground) : (ground, satellite)
    }

    /// The nodes whose key names entry `name` of `kind`, and the links that use it (directly or through a node).
    /// - Complexity: O(nodes + links)
    public static func users(of kind: EquipmentKind, named name: String, in topology: Topology)
        -> (nodes: [Identifier], links: [Identifier])
    {
        let nodes = topology.nodes.filter { $0[keyPath: kind.nodeKey] == name }.map(\.id)
        let byID = Dictionary(topology.nodes.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let links = topology.links.filter { EquipmentUse.name(of: kind, for: $0, node: { byID[$0] })?.name == name }
            .map(\.id)
        return (nodes, links)
    }
}
