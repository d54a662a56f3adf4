import QNetModel

/// A change of a demand's limiting link (or of its repeater chain) that raises the demand's rate, with the rate it gives.
public struct Suggestion: Sendable, Hashable {
    /// What kind of change.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// Another detector from the topology's equipment library.
        case detector
        /// A larger receiving or transmitting telescope on a free-space or satellite link (`rx_aperture`, `tx_aperture`).
        case optics
        /// A trusted node at the link's midpoint.
        case trustedNode = "trusted-node"
        /// A repeater at the link's midpoint (an entanglement segment), or, in a repeater chain, at the midpoint
        /// of the limiting link or of every link (the new repeaters copy a neighbouring repeater's settings).
        case repeater
        /// Another memory from the topology's equipment library on a repeater chain's repeaters.
        case memory
        /// A Bell measurement that succeeds more often (`swap_success`) on a repeater chain's repeaters.
        case swap
        /// Another protocol on the link's segment (with a middle station where the protocol needs one).
        case protocolChange = "protocol"
        /// A larger `max_trusted_nodes` on the demand: when its limit leaves it no path with key (`TrustedNodeLimit`),
        /// or when one more trusted node than it allows raises its rate (`SuggestionFinder.limitSuggestion`).
        case trustedNodeLimit = "max-trusted-nodes"
        /// Endpoints that stand in the demand's way made trusted nodes, so that they relay keys (`EndpointBarrier`).
        case endpointToTrusted = "endpoint-to-trusted"
        /// A new link to a demand's end that has none, from the nearest key holder whose link gives the demand key.
        case newLink = "new-link"
        /// A copy of an overdrawn segment's one link beside it (`OverdrawRemedy`), which adds its key.
        case parallelLink = "parallel-link"
        /// A tf segment's relay moved to where its arms lose the same: both links' lengths, their sum kept
        /// (`SuggestionFinder.armBalanceCandidates`).
        case balancedRelay = "balanced-relay"
        /// An attenuation on a tf segment's arm of less loss (`extra_losses`), whose light then matches the other
        /// arm's better at the relay.
        case armAttenuator = "arm-attenuator"
    }

    public var kind: Kind
    /// The change in a sentence (`detector snspd-hq on L4`).
    public var summary: String
    /// The edits that make it, in the file's keys, so that it can be reproduced.
    public var changes: [String]
    /// The same edits as values, to be made on the topology the suggestion was computed for.
    public var edit: SuggestedEdit
    /// The demand's max-flow rate after the change, bit/s.
    public var rateBps: Double
    /// Whether the demand is met after the change.
    public var satisfied: Bool
    /// Other demands whose best path the change touches and whose rate it lowers.
    public var lowers: [SideEffect]
    /// The demand's larger `max_trusted_nodes` that `rateBps` is routed with (its edit is among `changes`); nil when
    /// the demand's own limit (or having none) gives the rate.
    public var requires: LimitRaise?

    public init(kind: Kind, summary: String, changes: [String], edit: SuggestedEdit, rateBps: Double, satisfied: Bool,
                lowers: [SideEffect] = [], requires: LimitRaise? = nil) {
        self.kind = kind
        self.summary = summary
        self.changes = changes
        self.edit = edit
        self.rateBps = rateBps
        self.satisfied = satisfied
        self.lowers = lowers
        self.requires = requires
    }
}

/// What a suggestion needs of the demand's `max_trusted_nodes`: a change that puts more trusted nodes on the demand's
/// paths than it allows (a trusted node at a link's midpoint adds one) raises its rate only with a larger limit.
public struct LimitRaise: Sendable, Hashable {
    /// The demand.
    public var demand: Identifier
    /// Its `max_trusted_nodes` in the topology.
    public var from: Int
    /// The `max_trusted_nodes` the suggestion's rate is routed with.
    public var to: Int

    public init(demand: Identifier, from: Int, to: Int) {
        self.demand = demand
        self.from = from
        self.to = to
    }

    /// The edit in the file's keys.
    public var change: String { "\(demand).max_trusted_nodes: \(to)" }
    /// In words: `max_trusted_nodes 5 on D (1 more trusted node than its limit of 4)`.
    public var text: String {
        let more = to - from
        return "max_trusted_nodes \(to) on \(demand) (\(more) more trusted node\(more == 1 ? "" : "s") than its limit of \(from))"
    }
}

/// What a suggestion, or a single failure (`ElementFailure`), does to a demand: its max-flow rate before and after.
public struct SideEffect: Sendable, Hashable {
    public var demand: Identifier
    public var beforeBps: Double
    public var afterBps: Double
    /// Whether that demand is still met after the change.
    public var satisfied: Bool

    public init(demand: Identifier, beforeBps: Double, afterBps: Double, satisfied: Bool) {
        self.demand = demand
        self.beforeBps = beforeBps
        self.afterBps = afterBps
        self.satisfied = satisfied
    }
}
