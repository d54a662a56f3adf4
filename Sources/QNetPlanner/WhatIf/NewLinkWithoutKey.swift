import QNetModel

/// The fiber link the what-ifs would add to a demand's end without links (`SuggestionFinder.newLinkSuggestion`), from
/// the nearest key holder by position, when it gives no key: longer than one link of its equipment reaches, without
/// key at any length, or longer than any link the planner accepts; so that the demand is told why no new link is
/// suggested.
public struct NewLinkWithoutKey: Sendable, Hashable {
    /// The key holder the link would start from (the nearest by position that can pass the demand's key on).
    public var from: Identifier
    /// The demand's end without links.
    public var to: Identifier
    /// The distance between their positions, the link's length, m.
    public var distanceMeters: Double
    /// The link whose equipment and keys the new one would copy.
    public var equippedAs: Identifier
    /// The longest such link that still gives key, m, as planned (`SuggestionFinder.reach(of:withoutKeyAt:attenuation:)`);
    /// nil when not even a link of no length gives key, or the link is longer than any the planner accepts.
    public var reachMeters: Double?
    /// Why the link gives no key (the planner's reason): at its length, or, when no length gives key, at no length; or
    /// the planner's error at its length when it accepts no link that long.
    public var noKeyReason: String
    /// The longest fiber link the planner accepts, m (`LinkLengthBounds.longestFiber`), when the distance is longer: the
    /// link is refused, not planned (positions far apart, a slip of a coordinate, say); nil otherwise.
    public var longestAcceptedMeters: Double?

    public init(from: Identifier, to: Identifier, distanceMeters: Double, equippedAs: Identifier, reachMeters: Double?,
                noKeyReason: String, longestAcceptedMeters: Double? = nil) {
        self.from = from
        self.to = to
        self.distanceMeters = distanceMeters
        self.equippedAs = equippedAs
        self.reachMeters = reachMeters
        self.noKeyReason = noKeyReason
        self.longestAcceptedMeters = longestAcceptedMeters
    }

    /// Why no new link is suggested, in words (the report and the workbench both say it).
    public var reason: String {
        if let longestAcceptedMeters {
            return "\(from) and \(to) are \(Format.km(distanceMeters)) apart by their positions, farther than the longest "
                + "link the planner accepts (a fiber of \(Format.number(longestAcceptedMeters / 1000, digits: 5)) km, Earth's "
                + "circumference): no link can join them; most likely a position is wrong"
        }
        let link = "a fiber link from \(from) to \(to), \(Format.km(distanceMeters)) between their positions, equipped as "
            + "\(equippedAs), gives no key"
        guard let reachMeters else {
            return link + " at any length: \(noKeyReason); \(to) needs a link of other equipment, and beyond one link's reach a "
                + "trusted node on the way, a repeater chain or a satellite link"
        }
        return link + ": past the reach of one such link (about \(Format.number(reachMeters / 1000, digits: 3)) km); "
            + "\(to) needs a trusted node on the way, a repeater chain or a satellite link"
    }
}
