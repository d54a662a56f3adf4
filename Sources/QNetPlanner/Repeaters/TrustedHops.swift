import QNetModel

/// The links of a repeater chain planned as the hops of a trusted-node chain: each link as the planner plans a
/// decoy-BB84 link (`LinkPlanner`: its loss, timing, dead time and afterpulsing, its receiver's detector), at any
/// length; a sender whose source does not send weak coherent pulses sends them at its repetition rate, with the
/// built-in decoy settings (Lo, Ma, Chen, PRL 94, 230504 (2005); physics.md §4, trusted relay).
struct TrustedHops {
    /// The chain's links and the nodes they join, as decoy-BB84 links.
    private let topology: Topology
    private let nodeIndex: [Identifier: Int]
    /// Not thread-safe: one per chain, planned on one worker.
    private let memo = ThresholdMemo()

    /// The hops of `segment`'s links that have a plan in `outcomes` (indexed like `topology.links`), in order.
    init(_ segment: FoundSegment, topology: Topology, outcomes: [LinkOutcome?]) {
        var hops = Topology(name: topology.name, nodes: segment.nodes.map { topology.nodes[$0] },
                            links: segment.links.filter { outcomes[$0] != nil }.map { topology.links[$0] })
        hops.defaults = topology.defaults
        hops.equipment = topology.equipment
        let nodeIndex = Dictionary(hops.nodes.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        for index in hops.links.indices {
            hops.links[index].protocolKind = .bb84Decoy
            let inputs = LinkInputs(topology: hops, index: index, nodeIndex: nodeIndex)
            if let name = inputs?.sourceName, let source = hops.equipment.sources.firstIndex(where: { $0.name == name }) {
                hops.equipment.sources[source].kind = .weakCoherent
            }
        }
        self.topology = hops
        self.nodeIndex = nodeIndex
    }

    /// The key of the slowest hop, bit/s, with the chain's k-th link `lengths[k]` m long.
    func slowestRate(lengths: [Double]) -> Double {
        var hops = topology
        for (index, length) in zip(hops.links.indices, lengths) { hops.links[index].length = Quantity(length, .metre) }
        let shared = SharedRecords(hops)
        return hops.links.indices.map { index in
            LinkInputs(topology: hops, index: index, nodeIndex: nodeIndex, shared: shared)
                .map { LinkPlanner.plan($0, memo: memo).plan.keyRateBps } ?? 0
        }.min() ?? 0
    }
}
