import QNetModel

/// The changes a repeater engineer tries on a repeater chain (an entanglement
/// segment through repeaters): another memory on its repeaters, a Bell
/// measurement that succeeds more often, and more
/// repeaters, which shorten the elementary links (shorter rounds, likelier
/// heralding) at the cost of one more swap each (Sangouard, Simon, de Riedmatten,
/// Gisin, RMP 83, 33 (2011), section on the nested chain; the planner's
/// `NestedRepeaterChain` splits a span at its middle node, so uneven links are planned as they are).
extension SuggestionFinder {
    /// Each library memory on the chain's repeaters that use another; one candidate per memory. The chain's
    /// ends are left as they are: they hold the key and measure their photons at once, so the planner reads
    /// no memory there (`RepeaterChainModel`).
    func memoryCandidates(segmentIndex: Int) -> [Candidate] {
        let topology = network.topology
        let repeaters = network.segmentNodes[segmentIndex].dropFirst().dropLast()
        return topology.equipment.memories.compactMap { memory in
            let edited = repeaters.filter { topology.nodes[$0].memory != memory.name }.map { index in
                var node = topology.nodes[index]
                node.memory = memory.name
                return node
            }
            guard !edited.isEmpty else { return nil }
            let names = edited.map(\.id.rawValue).joined(separator: ", ")
            return Candidate(kind: .memory, summary: "memory \(memory.name) on \(names)",
                             changes: edited.map { "\($0.id).memory: \(memory.name)" }, replaced: [], links: [], editedNodes: edited)
        }
    }

    /// A Bell measurement that succeeds more often than the chain's repeaters' own, up to which `swapCandidates` tries.
    struct BellMeasurement {
        /// p_s, the probability that a swap succeeds.
        var success: Double
        /// How it is done, and where it is published.
        var basis: String
    }

    /// The better Bell measurements tried on a chain's repeaters, in increasing success. Linear optics alone
    /// stops at 50 % (Calsamiglia, Lütkenhaus, Appl. Phys. B 72, 67 (2001)).
    static let bellMeasurements = [
        BellMeasurement(success: 0.75, basis: "linear optics with ancilla photons: Grice, PRA 84, 042331 (2011); "
            + "Ewert, van Loock, PRL 113, 140403 (2014)"),
        BellMeasurement(success: 1, basis: "deterministic, by local gates between the memories: Pompili et al., "
            + "Science 372, 259 (2021), NV centres"),
    ]

    /// Each Bell measurement of `bellMeasurements` on the chain's repeaters whose swaps succeed less often
    /// (`swap_success`, 50 % when unset); one candidate per measurement, the repeaters keeping everything else.
    func swapCandidates(segmentIndex: Int) -> [Candidate] {
        let topology = network.topology
        let repeaters = network.segmentNodes[segmentIndex].dropFirst().dropLast()
        return Self.bellMeasurements.compactMap { measurement in
            let edited = repeaters.filter {
                (topology.nodes[$0].swapSuccess?.si ?? PlanningDefaults.swapSuccess.value) < measurement.success
            }.map { index in
                var node = topology.nodes[index]
                node.swapSuccess = Quantity(measurement.success * 100, .percent)
                return node
            }
            guard let value = edited.first?.swapSuccess?.text else { return nil }
            let names = edited.map(\.id.rawValue).joined(separator: ", ")
            return Candidate(kind: .swap, summary: "swap_success \(value) on \(names) (\(measurement.basis))",
                             changes: edited.map { "\($0.id).swap_success: \(value)" }, replaced: [], links: [], editedNodes: edited)
        }
    }

    /// A repeater at the midpoint of the limiting link, and one at the midpoint of every link of the chain
    /// (each elementary link halved); each new repeater copies the settings of a repeater at an end of its link.
    func chainMidpointCandidates(segmentIndex: Int, linkIndex: Int) -> [Candidate] {
        let links = network.segmentLinks[segmentIndex]
        var result: [Candidate] = []
        if let one = split(links: [linkIndex]) {
            let link = network.topology.links[linkIndex]
            result.append(Candidate(kind: .repeater, summary: "a repeater at the midpoint of \(link.id) (settings of \(one.neighbours[0]))"
                                        + MidpointSplit.lineOfSightNote(halves: one.links),
                                    changes: one.changes, replaced: [linkIndex], links: one.links, newNodes: one.nodes))
        }
        if links.count > 1, let every = split(links: links) {
            let segment = network.segments[segmentIndex]
            result.append(Candidate(kind: .repeater, summary: "a repeater at the midpoint of every link of \(segment.id)"
                                        + MidpointSplit.lineOfSightNote(halves: every.links),
                                    changes: every.changes, replaced: links, links: every.links, newNodes: every.nodes))
        }
        return result
    }

    /// The links at `indices` each split by a repeater with a neighbouring repeater's settings; nil when one cannot be.
    private func split(links indices: [Int]) -> (nodes: [Node], links: [Link], changes: [String], neighbours: [Identifier])? {
        let topology = network.topology
        var taken = network.ids
        var nodes: [Node] = [], links: [Link] = [], changes: [String] = [], neighbours: [Identifier] = []
        for index in indices {
            let link = topology.links[index]
            guard let from = network.nodeIndex[link.from], let to = network.nodeIndex[link.to],
                  let neighbour = [topology.nodes[from], topology.nodes[to]].first(where: { $0.resolvedKind == .repeater }),
                  var split = MidpointSplit(link, kind: .repeater, protocol: .entanglement, ends: (topology.nodes[from], topology.nodes[to]),
                                            taken: &taken) else { return nil }
            split.copyRepeaterSettings(of: neighbour)
            nodes.append(split.node)
            links += split.links
            changes += split.changes
            neighbours.append(neighbour.id)
        }
        return (nodes, links, changes, neighbours)
    }
}
