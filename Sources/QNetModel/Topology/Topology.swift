/// A quantum network as an architect describes it: nodes, links, equipment
/// and demands. A value: every edit makes a new one.
public struct Topology: Sendable, Hashable {
    /// The format version this model reads and writes.
    public static let formatVersion = 1

    public var name: String
    public var description: String?
    public var sources: [String] = []
    public var defaults = TopologyDefaults()
    public var equipment = Equipment()
    public var nodes: [Node] = []
    public var links: [Link] = []
    public var demands: [Demand] = []

    public init(name: String, nodes: [Node] = [], links: [Link] = [], demands: [Demand] = []) {
        self.name = name
        self.nodes = nodes
        self.links = links
        self.demands = demands
    }

    /// The node with `id`. - Complexity: O(nodes)
    public func node(_ id: Identifier) -> Node? { nodes.first { $0.id == id } }
    /// The link with `id`. - Complexity: O(links)
    public func link(_ id: Identifier) -> Link? { links.first { $0.id == id } }
    /// The index of the node with `id`. - Complexity: O(nodes)
    public func nodeIndex(_ id: Identifier) -> Int? { nodes.firstIndex { $0.id == id } }
    /// The index of the link with `id`. - Complexity: O(links)
    public func linkIndex(_ id: Identifier) -> Int? { links.firstIndex { $0.id == id } }
    /// The index of the demand with `id` (its written id or `FROM-TO`). - Complexity: O(demands)
    public func demandIndex(_ id: Identifier) -> Int? { demands.firstIndex { $0.resolvedID == id } }
}
