/// Checks that a link's medium can reach its ends: a satellite is joined to the ground only through the atmosphere.
extension Topology {
    /// An error for each link whose medium cannot join its ends: a fiber to a satellite (a link that names no medium
    /// is fiber, so one that forgets `medium: satellite` is a fiber to orbit), a free-space link between a satellite and
    /// a ground node (only a satellite link has the slant range, the atmosphere and the pass), and a satellite link
    /// between two satellites (its budget crosses the atmosphere to a ground station). A free-space link between two
    /// satellites is an inter-satellite link through vacuum, and stays allowed.
    /// - Complexity: O(nodes + links)
    func validateLinkMedia() -> [Diagnostic] {
        var satellites: Set<Identifier> = []
        for node in nodes where node.resolvedKind == .satellite { satellites.insert(node.id) }
        guard !satellites.isEmpty else { return [] }
        var problems: [Diagnostic] = []
        for (index, link) in links.enumerated() {
            let inOrbit = [link.from, link.to].filter { satellites.contains($0) }
            guard !inOrbit.isEmpty else { continue }
            let path = "links[\(index)]"
            let named = link.medium != nil
            switch link.resolvedMedium {
            case .fiber:
                let medium = !named ? "names no medium, so it defaulted to fiber" : "is a fiber"
                problems.append(Diagnostic(
                    .error, "link \(link.id) \(medium), but "
                        + (inOrbit.count == 2 ? "both its ends are satellites: no fiber reaches orbit; write medium: free-space "
                            + "(the link between two satellites)"
                            : "\(inOrbit[0]) is a satellite: no fiber reaches orbit; write medium: satellite (a free-space link "
                            + "joins two satellites)"),
                    keyPath: named ? "\(path).medium" : path))
            case .freeSpace where inOrbit.count == 1:
                problems.append(Diagnostic(
                    .error, "link \(link.id) is free-space between satellite \(inOrbit[0]) and the ground: write medium: satellite "
                        + "(its budget takes the slant range, the atmosphere and the pass; a free-space link is horizontal "
                        + "or between two satellites)",
                    keyPath: "\(path).medium"))
            case .satellite where inOrbit.count == 2:
                problems.append(Diagnostic(
                    .error, "link \(link.id) is a satellite link between two satellites, but its budget crosses the atmosphere "
                        + "to a ground station: write medium: free-space for an inter-satellite link",
                    keyPath: "\(path).medium"))
            default:
                continue
            }
        }
        return problems
    }
}
