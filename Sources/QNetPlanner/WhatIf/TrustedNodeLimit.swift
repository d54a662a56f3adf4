import QNetModel

/// Why a demand has no key although the key graph joins its ends: its `max_trusted_nodes` is smaller than the
/// number of trusted nodes that every path with key crosses (the fewest, by a breadth-first search over the
/// segments with key), so a larger limit gives it key (a change that removes a trusted node from every such path,
/// twin-field across one say, could too).
public struct TrustedNodeLimit: Sendable, Hashable {
    /// The demand's `max_trusted_nodes`.
    public var limit: Int
    /// The fewest trusted nodes a path with key crosses.
    public var needed: Int
    /// The trusted nodes of one such path, in order from the demand's first end.
    public var path: [Identifier]

    public init(limit: Int, needed: Int, path: [Identifier]) {
        self.limit = limit
        self.needed = needed
        self.path = path
    }
}

extension TrustedNodeLimit {
    /// The limit that leaves `demand`, routed as `routing` on `network`, without key while a path with more trusted
    /// nodes has key; nil when the demand has key, no limit, or no path with key at all.
    /// - Complexity: O(V + E)
    init?(_ demand: Demand, routing: KeyNetwork.Routing, network: KeyNetwork) {
        let graph = routing.graph
        guard routing.plan.maxFlowBps <= 0, let limit = demand.maxTrustedNodes.map({ max(0, $0) }),
              let (source, target) = graph.ends(from: demand.from, to: demand.to, nodeIndex: network.nodeIndex) else { return nil }
        // The key graph leaves out segments without key, so every path found carries key.
        guard source != target,
              let path = HopSearch(FlowNetwork(graph)).fewestHops(from: source, to: target, atLeast: 0),
              path.edges.count - 1 > limit else { return nil }
        self.init(limit: limit, needed: path.edges.count - 1,
                  path: path.nodes.dropFirst().dropLast().map { network.topology.nodes[graph.topologyNode[$0]].id })
    }

    /// The demand with `max_trusted_nodes` raised to `needed`, at the rate the planner then routes.
    func suggestion(for demand: Demand, on network: KeyNetwork) -> Suggestion {
        let relaxed = demand.limitingTrustedNodes(to: needed)
        let plan = network.route(relaxed).plan
        let raise = LimitRaise(demand: demand.resolvedID, from: limit, to: needed)
        return Suggestion(kind: .trustedNodeLimit,
                          summary: "max_trusted_nodes \(needed) on \(demand.resolvedID) (the fewest trusted nodes a path with key "
                              + "crosses: \(path.map(\.rawValue).joined(separator: ", ")))",
                          changes: [raise.change], edit: SuggestedEdit(limit: raise), rateBps: plan.maxFlowBps, satisfied: plan.satisfied, requires: raise)
    }
}
