import QNetModel

/// How long a fiber link can be and still give key, as the planner plans it: every loss and every effect that grows with
/// the length (the fiber's loss, the dispersion that spreads the pulses) included.
extension SuggestionFinder {
    /// How far a link reaches.
    enum LinkReach: Equatable {
        /// The longest length with key, m.
        case meters(Double)
        /// Not even a link of no length gives key, for this reason.
        case none(noKeyReason: String)
    }

    /// The resolution of the reach, m.
    static let reachTolerance = 100.0

    /// How far a fiber link like `link` (a segment of its own, planned as `planned` at its length, without key) reaches:
    /// the boundary between a link of no length and `link`'s, found on the planner's own plans of it at other lengths
    /// (`LocalReplan`) to `reachTolerance`. Each step goes to the length whose fiber loss (`attenuation`, dB/m) uses up
    /// the margin of the length planned last, L + margin/α (Ma, Qi, Zhao, Lo, PRA 72, 012326 (2005), as
    /// `DecoyBB84.maxDistance` takes it from the threshold transmittance), kept inside the bracket, when the step
    /// before halved it; otherwise to the bracket's middle (bisection, Press et al., Numerical Recipes, 3rd ed.,
    /// 2007, Sec. 9.1): 7 plans for the 970 km link of `UnlinkedEndReportTests`, where bisection alone takes 15.
    /// Once cancelled, the longest length with key found so far.
    /// - Complexity: O(log(length / `reachTolerance`)) plans of one link.
    func reach(of link: Link, withoutKeyAt planned: SegmentPlan, attenuation: Double) -> LinkReach {
        func plan(_ meters: Double) -> SegmentPlan? {
            var edited = link
            edited.length = Quantity(meters / 1000, .kilometre)
            let change = local.change(replacing: [], with: [edited])
            return change.errors.isEmpty ? change.added.first { $0.links == [link.id] } : nil
        }
        let shortest = plan(0)
        guard let shortest, shortest.keyRateBps > 0 else {
            return .none(noKeyReason: shortest?.noKeyReason ?? planned.noKeyReason ?? "its key rate is 0")
        }
        var (inside, outside) = (0.0, link.length?.si ?? 0)
        var last = (meters: outside, plan: planned)
        var halved = true
        while outside - inside > Self.reachTolerance, !cancellation.isCancelled {
            let width = outside - inside
            let step = attenuation > 0 ? last.plan.marginDB.map { last.meters + $0 / attenuation } : nil
            // Kept half the resolution inside the bracket: a step onto the boundary is then followed by one just past it.
            let tolerance = Self.reachTolerance
            let next = step.flatMap { halved ? min(max($0, inside + tolerance / 2), outside - tolerance / 2) : nil }
                ?? inside + width / 2
            // A length the planner refuses (past what a link of its medium can have) is no link with key: outside
            // (second reader: stopping there reported the reach found so far, possibly 0 km).
            let segment = plan(next)
            if let segment, segment.keyRateBps > 0 { inside = next } else { outside = next }
            halved = outside - inside <= width / 2
            if let segment { last = (next, segment) }
        }
        return .meters(inside)
    }
}
