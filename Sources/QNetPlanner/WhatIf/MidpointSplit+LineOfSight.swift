import QNetModel

extension MidpointSplit {
    /// What a station at the midpoint of a free-space link needs that the planner does not check, for a suggestion's
    /// summary: free-space links join sites that see each other, and a midpoint (between islands, say) may be in the
    /// sea or behind a hill. Empty when none of `halves` is free-space.
    static func lineOfSightNote(halves: [Link]) -> String {
        guard halves.contains(where: { $0.resolvedMedium == .freeSpace }) else { return "" }
        return " (free-space: a midpoint needs a site with line of sight to both ends; not checked)"
    }
}
