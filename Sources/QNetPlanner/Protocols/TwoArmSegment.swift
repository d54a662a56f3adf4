import QNetModel
import QNetPhysics

/// A found segment with what the BBM92 and MDI-QKD builders read from it: ids, link plans, arms, the
/// whole channel's loss and bound, and located errors.
struct TwoArmSegment {
    let segment: FoundSegment
    let id: String
    let topology: Topology
    /// Link outcomes indexed like `topology.links` (nil: skipped link).
    let outcomes: [LinkOutcome?]

    var nodeIDs: [Identifier] { segment.nodes.map { topology.nodes[$0].id } }
    var linkIDs: [Identifier] { segment.links.map { topology.links[$0].id } }

    /// Loss of the whole channel, the sum of the links' losses, dB.
    var channelLossDB: Double { segment.links.reduce(0) { $0 + (outcomes[$1]?.plan.lossDB ?? 0) } }

    /// The PLOB bound of the whole channel at `rate` pulses per second, bit/s; nil when it has no limit (0 dB).
    func plob(rate: Double) -> Double? {
        PLOBRate.bitsPerSecond(lossDB: channelLossDB, repetitionRate: rate)
    }

    /// `links[i]` of the segment's link at `position`.
    func linkPath(_ position: Int) -> String { "links[\(segment.links[position])]" }

    /// The link at `position` of the segment.
    func link(_ position: Int) -> Link { topology.links[segment.links[position]] }

    /// The arm of the segment's link at `position`; nil when the link was skipped.
    func arm(_ position: Int) -> SegmentArm? {
        let index = segment.links[position]
        guard let outcome = outcomes[index] else { return nil }
        let nodeIndex = Dictionary(segment.nodes.map { (topology.nodes[$0].id, $0) }, uniquingKeysWith: { first, _ in first })
        return SegmentArm.link(index, topology: topology, nodeIndex: nodeIndex, outcome: outcome)
    }

    /// The segment without key, its bound at the first link's repetition rate, and an error at `keyPath`.
    func failure(_ kind: ProtocolKind, _ reason: String, at keyPath: String) -> (SegmentPlan, [Diagnostic]) {
        let rate = segment.links.lazy.compactMap { outcomes[$0]?.plan.repetitionRateHz }.first ?? 0
        let plan = SegmentPlan(id: id, nodes: nodeIDs, links: linkIDs, protocolKind: kind, keyRateBps: 0,
                               plobBoundBps: plob(rate: rate), noKeyReason: reason)
        return (plan, [Diagnostic(.error, "segment \(id): \(reason)", keyPath: keyPath)])
    }

    /// A note when the segment's middle node (a `role`: source or relay) joins more than two links: it is
    /// shared between segments, which is not modelled.
    func sharedMiddleNotes(_ role: String) -> [Diagnostic] {
        guard segment.nodes.count == 3 else { return [] }
        let index = segment.nodes[1]
        let id = topology.nodes[index].id
        let joins = topology.links.filter { $0.from == id || $0.to == id }.count
        guard joins > 2 else { return [] }
        return [Diagnostic(.note, "segment \(self.id): \(role) \(id) joins \(joins) links; each of its segments is planned as if it had the \(role) alone",
                           keyPath: "nodes[\(index)]")]
    }
}
