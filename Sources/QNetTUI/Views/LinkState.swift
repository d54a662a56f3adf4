import QNetPlanner

/// How a link fares in the plan, shown as its colour on the map and in the list.
public enum LinkState: Sendable, Hashable {
    /// Key with at least `goodMarginDB` of margin.
    case good
    /// Key, with less margin (or margin not modelled).
    case ok
    /// No key.
    case bad
    /// Not planned (no plan yet, or the topology has errors).
    case unplanned

    /// Margin from which a link counts as good, dB.
    public static let goodMarginDB = 3.0

    /// The state of a link planned as `plan` (nil: not planned).
    public init(_ plan: LinkPlan?) {
        guard let plan else { self = .unplanned; return }
        self.init(keyRateBps: plan.keyRateBps, marginDB: plan.marginDB, unlimited: plan.marginUnlimited)
    }

    /// The state of a segment of the key graph, from its own key rate and margin.
    public init(_ segment: SegmentPlan) {
        self.init(keyRateBps: segment.keyRateBps, marginDB: segment.marginDB, unlimited: segment.marginUnlimited)
    }

    /// The state of a planned link with key rate `keyRateBps` and margin `marginDB` (`unlimited`: no loss removes its key).
    public init(keyRateBps: Double, marginDB: Double?, unlimited: Bool) {
        if keyRateBps <= 0 { self = .bad; return }
        if unlimited { self = .good; return }
        if let marginDB, marginDB >= LinkState.goodMarginDB { self = .good; return }
        self = .ok
    }

    /// The style role of the state.
    public var role: StyleRole {
        switch self {
        case .good: return .good
        case .ok: return .ok
        case .bad: return .bad
        case .unplanned: return .dim
        }
    }
}
