import QNetModel

/// Plans a what-if on the part of the topology it touches — a link edited, or
/// replaced by new nodes and links, or a node edited — and turns the result into
/// a change of the key graph.
///
/// The part planned is every segment through the replaced links and the edited
/// nodes: their links (the replaced ones swapped for the new ones), their nodes
/// (the edited ones swapped for their edits) and the new nodes,
/// with the topology's defaults and equipment. A link's physics reads only the
/// link, its end nodes, the equipment and the defaults, so this part gives the
/// same segments as a plan of the whole edited topology, at the cost of a few links.
struct LocalReplan {
    let network: KeyNetwork
    /// Plans the parts; kept across what-ifs for its threshold memo. One per worker.
    let session: PlanningSession

    /// The key-graph change when the links at `replaced` (indices) give way to `links` (which may keep
    /// their ids), with `newNodes` added, the topology's nodes of `editedNodes`' ids replaced by them
    /// (each of the same kind, or a key holder still, so that the key graph keeps its nodes: an endpoint made
    /// trusted relays only through `Change.relaying`) and, when given, another equipment library;
    /// with the errors the planner finds in the changed part (`check` would refuse the edited topology).
    func change(replacing replaced: [Int], with links: [Link], newNodes: [Node] = [], editedNodes: [Node] = [],
                equipment: Equipment? = nil) -> KeyNetwork.Change {
        let topology = network.topology
        var edited: [Int: Node] = [:]
        for node in editedNodes {
            if let index = network.nodeIndex[node.id] { edited[index] = node }
        }
        let affected = Set(replaced.flatMap { network.segmentsOfLink[$0] } + edited.keys.flatMap { network.segmentsOfNode[$0] })
        let replacedSet = Set(replaced)
        let kept = Set(affected.flatMap { network.segmentLinks[$0] }).subtracting(replacedSet).sorted()
        let partLinks = kept.map { topology.links[$0] } + links
        var ends = Set<Identifier>()
        for link in partLinks {
            ends.insert(link.from)
            ends.insert(link.to)
        }
        let baseNodes = ends.compactMap { network.nodeIndex[$0] }.sorted().map { edited[$0] ?? topology.nodes[$0] }
        var part = Topology(name: topology.name, nodes: baseNodes + newNodes, links: partLinks)
        part.defaults = topology.defaults
        part.equipment = equipment ?? topology.equipment
        let plan = session.plan(part)

        // Every segment made only of the part's old links is re-found in the part's plan.
        let old = replacedSet.union(kept)
        let candidates = Set(old.flatMap { network.segmentsOfLink[$0] })
        let removed = candidates.filter { network.segmentLinks[$0].allSatisfy(old.contains) }
        let errors = plan.diagnostics.filter { $0.severity == .error }
        return KeyNetwork.Change(removed: removed, added: plan.segments, addedNodes: newNodes, errors: errors)
    }
}
