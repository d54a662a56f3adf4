import QNetModel

/// What could change one demand's rate: the link that limits it, how the rate
/// moves with that link's loss, length and detector efficiency, which single
/// failures break the demand, and which changes of the limiting link raise it.
public struct DemandWhatIf: Sendable, Hashable {
    /// The demand's id.
    public var demand: Identifier
    /// The rate the analysis starts from: the demand's max-flow rate in the plan, bit/s.
    public var rateBps: Double
    /// The required rate, bit/s.
    public var requiredBps: Double
    /// The link that limits the rate; nil when no segment leaves the source's side of the key graph (an end
    /// without links, `unlinkedEnds`, for one).
    public var limiting: LimitingLink?
    /// Why the demand has no key when its `max_trusted_nodes` is the cause (no link is then limiting).
    public var trustedNodeLimit: TrustedNodeLimit?
    /// Why the demand has no key when its only paths with key pass through endpoints, which relay none.
    public var endpointBarrier: EndpointBarrier?
    /// The demand's ends that are an end of no link (no segment can reach them, so no link limits the demand).
    public var unlinkedEnds: [Identifier]
    /// Why the new link to its one end without links, from the nearest key holder, is not suggested: it gives no key
    /// (past the reach of one link, say); nil when one is suggested, or none was tried.
    public var newLinkWithoutKey: NewLinkWithoutKey?
    /// Why no link limits the demand when some of its ends have no link, in words (`POP3 has no link`); nil otherwise.
    public var unlinkedReason: String? {
        switch unlinkedEnds.count {
        case 0: return nil
        case 1: return "\(unlinkedEnds[0]) has no link"
        default: return unlinkedEnds.map(\.rawValue).joined(separator: " and ") + " have no links"
        }
    }
    /// How the rate changes with the limiting link's parameters; nil when the demand has no key
    /// (every derivative is then 0: the limiting link's margin says how much loss to remove).
    public var sensitivity: Sensitivity?
    /// Single link or node failures that break the demand, with the rate each leaves, worst first: below the required
    /// rate for a demand met now; for a demand short of it, any failure that leaves less key than it has.
    public var breaksOn: [FailureImpact]
    /// Of the single failures the demand survives, the one that leaves it the least rate, with that rate (nil when
    /// none cuts any of its flow, or when the demand is short of its rate: the failures it survives then cost it
    /// nothing): what remains after the worst failure that does not break it.
    public var costliestSurvived: FailureImpact?
    /// Whether `costliestSurvived` is proven the worst survived failure; false when the search stopped at its limit of
    /// routes (`FailureScan.costliestRouteLimit`): then it is the worst of those routed, and another may cost more.
    public var costliestSurvivedIsExact: Bool
    /// How many survived failures the search for the costliest routes at most.
    public static let costliestRouteLimit = FailureScan.costliestRouteLimit
    /// When `costliestSurvived` leaves all of the rate (the rest of the network carries again what it cuts), what the
    /// report and the workbench say of the failures it survives instead of naming a "costliest" one that costs
    /// nothing; nil otherwise.
    public var costliestSurvivedCostsNothing: String? {
        guard let survived = costliestSurvived, survived.remainingBps >= rateBps * (1 - BreakRule.rounding) else { return nil }
        guard costliestSurvivedIsExact else { return "none of those routed (\(Self.costliestRouteLimit) at most) lowers its rate" }
        return breaksOn.isEmpty ? "no single failure lowers its rate" : "none lowers its rate"
    }
    /// Whether the demand is short of its required rate even now (then any key a failure costs breaks it), as the
    /// planner decides `satisfied`.
    public var isShort: Bool { rateBps < requiredBps * (1 - 1e-12) }
    /// What breaks a demand that `isShort`, in words (the report and the workbench both say it).
    public static let shortfallRule = "short of its required rate, so any key a failure costs breaks it"
    /// Changes of the limiting link that raise the rate, best first; only improvements are listed.
    public var suggestions: [Suggestion]
    /// The changes of the segments every path of the demand crosses and that the demands overdraw in every routing
    /// (`OverdrawRemedy`): met alone, the demand is not met with the others until one of them is made.
    public var overdrawn: [OverdrawRemedy] = []

    public init(demand: Identifier, rateBps: Double, requiredBps: Double, limiting: LimitingLink?,
                trustedNodeLimit: TrustedNodeLimit? = nil, endpointBarrier: EndpointBarrier? = nil,
                unlinkedEnds: [Identifier] = [], newLinkWithoutKey: NewLinkWithoutKey? = nil, sensitivity: Sensitivity?,
                breaksOn: [FailureImpact],
                costliestSurvived: FailureImpact? = nil, costliestSurvivedIsExact: Bool = true, suggestions: [Suggestion]) {
        self.demand = demand
        self.rateBps = rateBps
        self.requiredBps = requiredBps
        self.limiting = limiting
        self.trustedNodeLimit = trustedNodeLimit
        self.endpointBarrier = endpointBarrier
        self.unlinkedEnds = unlinkedEnds
        self.newLinkWithoutKey = newLinkWithoutKey
        self.sensitivity = sensitivity
        self.breaksOn = breaksOn
        self.costliestSurvived = costliestSurvived
        self.costliestSurvivedIsExact = costliestSurvivedIsExact
        self.suggestions = suggestions
    }
}

/// The link that limits a demand: on its best path and in a minimum cut of its
/// max flow (for a demand without key: the keyless segment nearest to giving key).
public struct LimitingLink: Sendable, Hashable {
    /// The segment the link belongs to.
    public var segment: String
    /// The link (in a segment of several links, the one with the most loss).
    public var link: Identifier
    /// The segments of the cut: with key, a minimum cut whose key rates add up to the
    /// demand's rate; without key, the keyless segments that leave the source's side.
    public var cutSegments: [String]
    /// The largest line of the link's loss budget, with its basis; nil for an empty budget.
    public var largestLoss: BudgetLine?
    /// The link's channel loss, dB.
    public var lossDB: Double
    /// The segment's key rate, bit/s.
    public var segmentRateBps: Double
    /// Extra loss the segment tolerates before its key is 0 (negative: loss to remove), dB.
    public var marginDB: Double?
    /// Why the segment has no key, when it has none.
    public var noKeyReason: String?
    /// How the link was chosen, in words.
    public var basis: String
    /// Why no link limits a demand that has no key and no other cause of it, in words (the report and the workbench).
    public static let noneReason = "no segment leaves the source's side of the key graph"

    public init(segment: String, link: Identifier, cutSegments: [String], largestLoss: BudgetLine?, lossDB: Double,
                segmentRateBps: Double, marginDB: Double?, noKeyReason: String?, basis: String) {
        self.segment = segment
        self.link = link
        self.cutSegments = cutSegments
        self.largestLoss = largestLoss
        self.lossDB = lossDB
        self.segmentRateBps = segmentRateBps
        self.marginDB = marginDB
        self.noKeyReason = noKeyReason
        self.basis = basis
    }
}
