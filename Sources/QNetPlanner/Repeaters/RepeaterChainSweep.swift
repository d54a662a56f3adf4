import Foundation
import QNetModel
import QNetPhysics

/// A repeater chain's key rate and fidelity against total length, beside the PLOB bound of the whole
/// channel and the key of a trusted-node chain over the same links.
///
/// Every link keeps its share of the chain's length and its fiber loss per
/// metre; fixed losses (connectors, splices) stay. The trusted-node chain plans
/// each link at its scaled length as the planner plans a decoy-BB84 link
/// (`TrustedHops`: Lo, Ma, Chen, PRL 94, 230504 (2005); Ma, Qi, Zhao, Lo,
/// PRA 72, 012326 (2005); dead time and afterpulsing of its receiver), and
/// relays at the slowest link's rate (physics.md §4).
enum RepeaterChainSweep {
    /// The table, or nil when a link is not fiber (no loss per metre to scale).
    static func sweep(_ model: RepeaterChainModel, planned: ChainEvaluation, hops: TrustedHops,
                      repetitionRate: Double) -> [RepeaterSweepPoint]? {
        let losses = model.links.compactMap(\.lossPerMetreDB)
        guard losses.count == model.links.count else { return nil }
        let plannedLength = model.links.reduce(0) { $0 + $1.length }
        guard plannedLength > 0 else { return nil }
        let lengths = Set(PlanningDefaults.repeaterSweepLengths.value + [plannedLength]).sorted()
        return lengths.map { total in
            let scale = total / plannedLength
            let linkLengths = model.links.map { $0.length * scale }
            let transmittances = zip(model.links, linkLengths).map { link, length in
                Sanitise.fraction(Decibel.transmittance(loss: (link.lossPerMetreDB ?? 0) * length + link.fixedLossDB))
            }
            let isPlanned = total == plannedLength
            let evaluation = isPlanned ? planned : model.evaluate(transmittances: transmittances, lengths: linkLengths)
            let channel = transmittances.reduce(1, *)
            let trusted = hops.slowestRate(lengths: linkLengths)
            return RepeaterSweepPoint(
                lengthMeters: total, isPlanned: isPlanned, keyRateBps: evaluation.keyRate,
                fidelity: Sanitise.fraction(evaluation.delivery.state.fidelity),
                plobBoundBps: PLOBRate.bitsPerSecond(transmittance: channel, repetitionRate: repetitionRate),
                trustedChainBps: trusted)
        }
    }

    /// The swept lengths at which the chain's key is positive and above `other`'s (nil: no limit, never beaten), m.
    static func beats(_ sweep: [RepeaterSweepPoint], _ other: (RepeaterSweepPoint) -> Double?) -> [Double] {
        sweep.filter { point in other(point).map { point.keyRateBps > 0 && point.keyRateBps > $0 } ?? false }.map(\.lengthMeters)
    }

    /// The assumptions behind the table, the trusted-node chain's with what its senders send (`TrustedHops.sources`).
    static func assumptions(_ hops: TrustedHops) -> [Assumption] { [
        Assumption(name: "distance table", value: "links scaled to each total length; fixed losses kept",
                   basis: PlanningDefaults.repeaterSweepLengths.basis),
        Assumption(name: "trusted-node chain",
                   value: "each link planned as a bb84-decoy link at its scaled length (its receiver's detector with dead time "
                       + "and afterpulsing; its sender's decoy-BB84 transmitter: \(hops.sources)); slowest link",
                   basis: "LinkPlanner, as a planned link of that length; Ma, Qi, Zhao, Lo, PRA 72, 012326 (2005); "
                       + "a trusted-node chain relays its links' keys by one-time pad, so it carries its slowest link's key (Peev et al., NJP 11, 075001 (2009))"),
    ] }
}
