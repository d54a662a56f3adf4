import QNetModel

/// Plans a what-if on the part of the topology it touches — a link edited, or
/// replaced by new nodes and links — and turns the result into a change of the
/// key graph.
///
/// The part planned is every segment through the replaced links: their links
/// (the replaced ones swapped for the new ones), their nodes and the new nodes,
/// with the topology's defaults and equipment. A link's physics reads only the
/// link, its end nodes, the equipment and the defaults, so this part gives the
/// same segments as a plan of the whole edited topology, at the cost of a few links.
struct LocalReplan {
    let network: KeyNetwork
    /// Plans the parts; kept across what-ifs for its threshold memo. One per worker.
    let session: PlanningSession

    /// The key-graph change when the links at `replaced` (indices) give way to `links` (which may keep
    /// their ids), with `newNodes` added and, when given, another equipment library.
    func change(replacing replaced: [Int], with links: [Link], newNodes: [Node] = [],
                equipment: Equipment? = nil) -> KeyNetwork.Change {
        let topology = network.topology
        let affected = Set(replaced.flatMap { network.segmentsOfLink[$0] })
        let replacedSet = Set(replaced)
        let kept = Set(affected.flatMap { network.segmentLinks[$0] }).subtracting(replacedSet).sorted()
        let partLinks = kept.map { topology.links[$0] } + links
        var ends = Set<Identifier>()
        for link in partLinks {
            ends.insert(link.from)
            ends.insert(link.to)
        }
        let baseNodes = ends.compactMap { network.nodeIndex[$0] }.sorted().map { topology.nodes[$0] }
        var part = Topology(name: topology.name, nodes: baseNodes + newNodes, links: partLinks)
        part.defaults = topology.defaults
        part.equipment = equipment ?? topology.equipment
        let plan = session.plan(part)

        // Every segment made only of the part's old links is re-found in the part's plan.
        let old = replacedSet.union(kept)
        let candidates = Set(old.flatMap { network.segmentsOfLink[$0] })
        let removed = candidates.filter { network.segmentLinks[$0].allSatisfy(old.contains) }
        return KeyNetwork.Change(removed: removed, added: plan.segments, addedNodes: newNodes)
    }
}
