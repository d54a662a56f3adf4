import QNetModel

/// A warning for a fiber or free-space link between two ground nodes whose length, as the file gives it, is shorter
/// than the distance between its ends' positions: a fiber runs at least the great circle, a free-space beam at
/// least the line of sight (a chord), so the length has a typo or a node stands in the wrong place (QA: a 0 km
/// fiber between nodes 30 km apart was planned without a word). Planar positions are lengths (`{x: 25 km, …}`)
/// and are held to the straight line between them. A satellite link, or one with a satellite at an end, is not
/// checked: its length is a slant range, not a distance on the ground.
enum LinkLengthCheck {
    /// At most this many of the warnings are listed among the plan's diagnostics (every link keeps its own).
    static let listed = 10

    /// The warning for the link of `inputs`, at its length; nil when it is long enough, or has nothing to compare.
    /// - Complexity: O(1).
    static func warning(_ inputs: LinkInputs) -> Diagnostic? {
        let link = inputs.link
        let medium = link.resolvedMedium
        guard medium != .satellite, let length = link.length,
              inputs.fromNode.resolvedKind != .satellite, inputs.toNode.resolvedKind != .satellite,
              let from = inputs.fromNode.position, let to = inputs.toNode.position,
              let distance = medium == .fiber ? from.groundDistance(to: to) : from.lineOfSightDistance(to: to)
        else { return nil }
        let fraction = PlanningDefaults.lengthBelowDistance, floor = PlanningDefaults.lengthBelowDistanceFloor
        guard length.si < distance - max(fraction.value * distance, floor.value) else { return nil }
        let line = !from.isPlanar ? (medium == .fiber ? "great-circle" : "line-of-sight") : "straight-line"
        let what = medium == .fiber ? "a fiber" : "a free-space beam"
        return Diagnostic(.warning, "link \(link.id) is \(length.text) long, shorter than the \(Format.km(distance)) \(line) "
            + "distance between \(inputs.fromNode.id) and \(inputs.toNode.id) (nodes[\(inputs.fromIndex)].position, "
            + "nodes[\(inputs.toIndex)].position), which \(what) cannot be: most likely a typo in the length, or a node in "
            + "the wrong place (up to \(Format.percent(fraction.value)) or \(Format.km(floor.value)) shorter, the larger, "
            + "is allowed: docs/format-choices.md, Positions)", keyPath: "links[\(inputs.index)].length")
    }

    /// `warnings` as the plan lists them: the first `listed`, then one line counting the rest.
    static func listed(_ warnings: [Diagnostic]) -> [Diagnostic] {
        guard warnings.count > listed else { return warnings }
        return Array(warnings.prefix(listed)) + [Diagnostic(.warning, "\(warnings.count - listed) more links are shorter "
            + "than the distance between their ends' positions (each link's entry says by how much)")]
    }
}
