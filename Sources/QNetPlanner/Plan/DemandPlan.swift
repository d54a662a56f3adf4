import QNetModel

/// How the network serves one demand: best single path, max-flow rate, who must be trusted.
public struct DemandPlan: Sendable, Hashable {
    public var id: Identifier
    public var from: Identifier
    public var to: Identifier
    /// Required rate, bit/s.
    public var requiredBps: Double
    /// Every node of the widest single path, relays and repeaters included; empty when none.
    public var bestPath: [Identifier]
    /// The segments of `bestPath`, in order.
    public var bestPathSegments: [String]
    /// Bottleneck rate of `bestPath`, bit/s.
    public var bestPathBps: Double
    /// Max-flow key rate over all admissible paths (keys of disjoint paths add), bit/s.
    public var maxFlowBps: Double
    /// Whether `maxFlowBps` is exact, or a lower bound (flow limited by `max_trusted_nodes`).
    public var maxFlowIsExact: Bool
    /// Trusted nodes on the best path: they see the key.
    public var trustedNodes: [Identifier]
    /// Trusted nodes on any path the max-flow uses.
    public var flowTrustedNodes: [Identifier]
    /// `maxFlowBps >= requiredBps` within the trusted-node limit.
    public var satisfied: Bool
    /// `pqc-only` when no QKD path serves the demand.
    public var fallback: String?
    /// The segment that limits the best path.
    public var bottleneckSegment: String?
    /// Why the demand is not met, in words.
    public var note: String?

    public init(id: Identifier, from: Identifier, to: Identifier, requiredBps: Double, bestPath: [Identifier],
                bestPathSegments: [String], bestPathBps: Double, maxFlowBps: Double, maxFlowIsExact: Bool,
                trustedNodes: [Identifier], flowTrustedNodes: [Identifier], satisfied: Bool, fallback: String?,
                bottleneckSegment: String?, note: String?) {
        self.id = id
        self.from = from
        self.to = to
        self.requiredBps = requiredBps
        self.bestPath = bestPath
        self.bestPathSegments = bestPathSegments
        self.bestPathBps = bestPathBps
        self.maxFlowBps = maxFlowBps
        self.maxFlowIsExact = maxFlowIsExact
        self.trustedNodes = trustedNodes
        self.flowTrustedNodes = flowTrustedNodes
        self.satisfied = satisfied
        self.fallback = fallback
        self.bottleneckSegment = bottleneckSegment
        self.note = note
    }
}
