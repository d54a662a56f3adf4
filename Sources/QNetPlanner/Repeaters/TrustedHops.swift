import QNetModel

/// The links of a repeater chain planned as the hops of a trusted-node chain: each link as the planner plans a
/// decoy-BB84 link (`LinkPlanner`: its loss, timing, dead time and afterpulsing, its receiver's detector), at any
/// length. A trusted node sends from a QKD transmitter: a sender whose source is not one (a memory's emitter, a pair
/// source) sends from the built-in decoy-BB84 transmitter at the source's wavelength, with the built-in decoy settings
/// and rate (or the file's `defaults:`) (Lo, Ma, Chen, PRL 94, 230504 (2005); physics.md §4, trusted relay).
struct TrustedHops {
    /// The chain's links and the nodes they join, as decoy-BB84 links.
    private let topology: Topology
    private let nodeIndex: [Identifier: Int]
    /// Not thread-safe: one per chain, planned on one worker.
    private let memo = ThresholdMemo()
    /// The hops' senders' transmitters, each once: `the built-in one at 1 GHz, in place of memory-emitter`,
    /// `wcp-1 at 100 MHz` (QA: the table's trusted-node chain sent from the repeaters' 1 MHz memory emitters, and keyed
    /// 34.9 kbit/s where the network's own trusted chain over the same 100 km gave 4.09 Mbit/s, unexplained).
    let sources: String

    /// The hops of `segment`'s links that have a plan in `outcomes` (indexed like `topology.links`), in order.
    init(_ segment: FoundSegment, topology: Topology, outcomes: [LinkOutcome?]) {
        var hops = Topology(name: topology.name, nodes: segment.nodes.map { topology.nodes[$0] },
                            links: segment.links.filter { outcomes[$0] != nil }.map { topology.links[$0] })
        hops.defaults = topology.defaults
        hops.equipment = topology.equipment
        let nodeIndex = Dictionary(hops.nodes.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        var sent: [String] = []
        for index in hops.links.indices {
            hops.links[index].protocolKind = .bb84Decoy
            guard var inputs = LinkInputs(topology: hops, index: index, nodeIndex: nodeIndex) else { continue }
            var standsIn: String?
            if let name = inputs.sourceName, inputs.resolvedSource.kind.value != .weakCoherent {
                hops.links[index].source = Self.transmitter(for: name, in: &hops.equipment)
                standsIn = name
                inputs = LinkInputs(topology: hops, index: index, nodeIndex: nodeIndex) ?? inputs
            }
            let rate = Format.frequency(inputs.resolvedSource.repetitionRate.value)
            let line = standsIn.map { "the built-in one at \(rate), in place of \($0)" }
                ?? "\(inputs.sourceName ?? "the built-in one") at \(rate)"
            if !sent.contains(line) { sent.append(line) }
        }
        sources = sent.joined(separator: ", ")
        self.topology = hops
        self.nodeIndex = nodeIndex
    }

    /// The name of the decoy-BB84 transmitter that stands in for the source `name` in `equipment`, added once: weak
    /// coherent at that source's wavelength, every other figure left to the file's defaults and the built-in ones.
    private static func transmitter(for name: String, in equipment: inout Equipment) -> String {
        let standIn = "decoy-BB84 transmitter for \(name)"
        if !equipment.sources.contains(where: { $0.name == standIn }) {
            var transmitter = PhotonSource(name: standIn)
            transmitter.kind = .weakCoherent
            transmitter.wavelength = equipment.sources.first { $0.name == name }?.wavelength
            equipment.sources.append(transmitter)
        }
        return standIn
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
