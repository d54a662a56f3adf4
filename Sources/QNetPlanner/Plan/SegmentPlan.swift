import QNetModel

/// A segment: a run of links between two key-holding nodes whose inner nodes
/// (relays, repeaters, sources) hold no key; an edge of the key graph.
public struct SegmentPlan: Sendable, Hashable {
    /// The nodes joined by `~` (`A~M~B`).
    public var id: String
    /// Every node along the segment, ends included.
    public var nodes: [Identifier]
    /// The links in order.
    public var links: [Identifier]
    public var protocolKind: ProtocolKind
    /// Key rate the segment delivers to the key graph, bit/s (a satellite with a pass: its daily average).
    public var keyRateBps: Double
    /// PLOB bound of the whole channel (product of the links' transmittances) times the repetition rate; nil when it
    /// has no limit (the product is 1).
    public var plobBoundBps: Double?
    /// The PLOB bound has no limit: the whole channel is lossless (product of the transmittances 1).
    public var plobUnlimited: Bool { plobBoundBps == nil }
    /// Fidelity of the delivered entangled state (entanglement segments).
    public var fidelity: Double?
    /// Key per satellite pass, bits.
    public var keyPerPassBits: Double?
    /// Key per day, bits.
    public var keyPerDayBits: Double?
    /// Extra loss tolerated before the key is 0, dB; nil when not modelled.
    public var marginDB: Double?
    /// No loss the margin search reaches removes the key (`LinkPlan.marginUnlimited` of its link): `marginDB` is nil.
    public var marginUnlimited = false
    /// Why the key is 0, when it is.
    public var noKeyReason: String?
    /// The key while the satellite is in view, bit/s, of a segment through a satellite link at one geometry and no
    /// pass from a satellite that is not geostationary; such a segment's `keyRateBps` is 0 (no daily average).
    public var keyWhileInViewBps: Double?
    /// The repeater-chain figures, for entanglement segments.
    @OutOfLine public var repeater: RepeaterChainPlan?
    /// The twin-field figures, for tf segments.
    @OutOfLine public var twinField: TwinFieldPlan?
    /// The arms and operating point, for BBM92 and MDI-QKD segments.
    @OutOfLine public var keyBudget: SegmentKeyBudget?
    /// The planner's errors, warnings and notes about this segment (each also in `Plan.diagnostics`), so that they
    /// show where its figures do.
    public var diagnostics: [Diagnostic] = []

    public init(id: String, nodes: [Identifier], links: [Identifier], protocolKind: ProtocolKind, keyRateBps: Double,
                plobBoundBps: Double?, fidelity: Double? = nil, keyPerPassBits: Double? = nil, keyPerDayBits: Double? = nil,
                marginDB: Double? = nil, noKeyReason: String? = nil, repeater: RepeaterChainPlan? = nil,
                twinField: TwinFieldPlan? = nil, keyBudget: SegmentKeyBudget? = nil) {
        self.id = id
        self.nodes = nodes
        self.links = links
        self.protocolKind = protocolKind
        self.keyRateBps = keyRateBps
        self.plobBoundBps = plobBoundBps
        self.fidelity = fidelity
        self.keyPerPassBits = keyPerPassBits
        self.keyPerDayBits = keyPerDayBits
        self.marginDB = marginDB
        self.noKeyReason = noKeyReason
        self.repeater = repeater
        self.twinField = twinField
        self.keyBudget = keyBudget
    }

    /// The key-holding node at the start of the segment.
    public var from: Identifier { nodes[0] }
    /// The key-holding node at the end of the segment.
    public var to: Identifier { nodes[nodes.count - 1] }

    /// The receiver's budget of `link` at the segment's operating point (a BBM92 or MDI arm, a twin-field relay),
    /// nil when the segment has none for it.
    func operatingDetector(of link: Identifier) -> DetectorBudget? {
        if let arm = keyBudget?.arms.first(where: { $0.link == link }) { return arm.detector }
        guard let tf = twinField, let index = links.firstIndex(of: link), tf.relayDetectors.indices.contains(index) else { return nil }
        return tf.relayDetectors[index]
    }
}

/// How a repeater chain's rate and fidelity come about.
public struct RepeaterChainPlan: Sendable, Hashable {
    /// Success probability of one attempt, per elementary link.
    public var attemptSuccess: [Double]
    /// Fidelity of each elementary pair before swapping.
    public var elementaryFidelity: [Double]
    /// Swap success probability used.
    public var swapSuccess: Double
    /// Mean number of attempt rounds to span the chain.
    public var meanRounds: Double
    /// Duration of the round the chain's links share (at least the longest link's L/c and every spacing of its modes), s.
    public var roundSeconds: Double
    /// Mean time to deliver one end-to-end pair, s.
    public var meanTimeSeconds: Double
    /// Mean memory storage time that decoheres the pairs, s.
    public var storageSeconds: Double
    /// BBM92 secret fraction of the delivered state, 1 - 2h(e).
    public var secretFraction: Double
    /// Assumptions, with sources.
    public var assumptions: [Assumption]
    /// Heralding of each elementary link (`two-click`, `single-click`).
    public var heralding: [String] = []
    /// Bright-state population α used by the single-click links (nil when none is single-click).
    public var brightStatePopulation: Double?
    /// Success per round of each elementary link, its modes tried in parallel: 1 − (1 − p)^M′.
    public var successPerRound: [Double] = []
    /// The memories' modes M: the fewest among the chain's repeaters.
    public var modes: Int = 1
    /// Modes each elementary link tries per round: min(M, ⌊R/Δ⌋), at least 1, in the chain's shared round R
    /// (`HeraldingRound`).
    public var modesPerRound: [Int] = []
    /// Cutoff of the chain's repeaters, s, the lowest where they differ: each applies its own (nil: none).
    public var cutoffSeconds: Double?
    /// The repeaters whose cutoff is `cutoffSeconds`, when others have another (empty: every repeater has it).
    public var lowestCutoffRepeaters: [String] = []
    /// Chance that the second pair of the top join comes within the cutoff (1 without one).
    public var cutoffSurvival: Double = 1
    /// DEJMPS rounds on each elementary pair before swapping.
    public var purificationRounds: Int = 0
    /// Z-basis (bit) error rate of the delivered pair.
    public var bitErrorRate: Double = 0
    /// X-basis (phase) error rate of the delivered pair.
    public var phaseErrorRate: Double = 0
    /// Six-state secret fraction of the delivered pair, 1 − H(Bell weights).
    public var sixStateFraction: Double = 0
    /// Key rate with the six-state protocol instead of BBM92, bit/s.
    public var sixStateKeyRateBps: Double = 0
    /// Rate and fidelity against total chain length, the chain's own length included.
    public var sweep: [RepeaterSweepPoint] = []
    /// Swept lengths at which the chain's key beats the PLOB bound of the whole channel, m.
    public var beatsPLOBAtMeters: [Double] = []
    /// The decoy-BB84 transmitters of the trusted-node chain of the same links (`the built-in one at 1 GHz, in place
    /// of memory-emitter`): the links' own sources where they are such transmitters.
    public var trustedChainSources: String = ""
    /// Swept lengths at which the chain's key beats the trusted-node chain of the same links, m.
    public var beatsTrustedChainAtMeters: [Double] = []

    public init(attemptSuccess: [Double], elementaryFidelity: [Double], swapSuccess: Double, meanRounds: Double,
                roundSeconds: Double, meanTimeSeconds: Double, storageSeconds: Double, secretFraction: Double,
                assumptions: [Assumption]) {
        self.attemptSuccess = attemptSuccess
        self.elementaryFidelity = elementaryFidelity
        self.swapSuccess = swapSuccess
        self.meanRounds = meanRounds
        self.roundSeconds = roundSeconds
        self.meanTimeSeconds = meanTimeSeconds
        self.storageSeconds = storageSeconds
        self.secretFraction = secretFraction
        self.assumptions = assumptions
    }
}

/// One row of a repeater chain's rate-against-distance table: the same links scaled to a total length.
public struct RepeaterSweepPoint: Sendable, Hashable {
    /// Total chain length, m.
    public var lengthMeters: Double
    /// Whether this is the chain's own length (the rest are scaled copies).
    public var isPlanned: Bool
    /// BBM92 key rate of the chain, bit/s.
    public var keyRateBps: Double
    /// Fidelity of the delivered pair.
    public var fidelity: Double
    /// PLOB bound of the whole channel at the segment's repetition rate, bit/s; nil when it has no limit.
    public var plobBoundBps: Double?
    /// Key rate of a trusted-node chain over the same links (decoy BB84 on each, the slowest link), bit/s.
    public var trustedChainBps: Double

    public init(lengthMeters: Double, isPlanned: Bool, keyRateBps: Double, fidelity: Double, plobBoundBps: Double?,
                trustedChainBps: Double) {
        self.lengthMeters = lengthMeters
        self.isPlanned = isPlanned
        self.keyRateBps = keyRateBps
        self.fidelity = fidelity
        self.plobBoundBps = plobBoundBps
        self.trustedChainBps = trustedChainBps
    }
}
