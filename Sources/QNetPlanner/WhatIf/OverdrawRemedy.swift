import QNetModel

/// What would let a segment that the demands overdraw in every routing (`SegmentOverload.isForced`) carry the key
/// they must take from it: changes of its link of most loss, tried as a demand's suggestions try them on its limiting
/// link (`SuggestionFinder.candidates`), and a second link beside it, each with the key it gives between the segment's ends.
public struct OverdrawRemedy: Sendable, Hashable {
    /// At most this many forced overloads get remedies (the planner warns of ten and counts the rest).
    public static let limit = OverdrawRemedyFinder.limit
    /// The segment's id.
    public var segment: String
    /// The link changed (in a segment of several links, the one with the most loss).
    public var link: Identifier
    /// The key the segment carries now, bit/s.
    public var keyRateBps: Double
    /// The key every routing takes from it (`SegmentOverload.forcedBps`), bit/s.
    public var neededBps: Double
    /// The demands every path of which crosses it.
    public var forcedBy: [Identifier]
    /// The changes that raise the key between its ends by 1 % or more, those that give the most first.
    public var changes: [SegmentChange]

    public init(segment: String, link: Identifier, keyRateBps: Double, neededBps: Double, forcedBy: [Identifier],
                changes: [SegmentChange]) {
        self.segment = segment
        self.link = link
        self.keyRateBps = keyRateBps
        self.neededBps = neededBps
        self.forcedBy = forcedBy
        self.changes = changes
    }
}

/// A change of an overdrawn segment's link with the key it gives between the segment's ends.
public struct SegmentChange: Sendable, Hashable {
    /// What kind of change (the kinds of a demand's suggestions, and `parallelLink`).
    public var kind: Suggestion.Kind
    /// The change in a sentence.
    public var summary: String
    /// The edits that make it, in the file's keys.
    public var changes: [String]
    /// The key between the segment's ends after the change, bit/s: the max flow between them over the segments the
    /// change plans and those of the old ones it keeps (the rest of the network aside: the demands that overdraw the
    /// segment have no other path).
    public var keyRateBps: Double
    /// Whether that key covers what the demands must take from the segment (`OverdrawRemedy.neededBps`).
    public var coversNeed: Bool
    /// The demands whose rate the change lowers (as a demand's suggestion lists them: `Suggestion.lowers`), e.g. one
    /// whose `max_trusted_nodes` a trusted node at the midpoint exceeds.
    public var lowers: [SideEffect]

    public init(kind: Suggestion.Kind, summary: String, changes: [String], keyRateBps: Double, coversNeed: Bool,
                lowers: [SideEffect] = []) {
        self.kind = kind
        self.summary = summary
        self.changes = changes
        self.keyRateBps = keyRateBps
        self.coversNeed = coversNeed
        self.lowers = lowers
    }
}
