import Foundation
import QNetModel
import QNetPhysics

/// A repeater chain's key rate and fidelity against total length, beside the PLOB bound of the whole
/// channel and the key of a trusted-node chain over the same links.
///
/// Every link keeps its share of the chain's length and its fiber loss per
/// metre; fixed losses (connectors, splices) stay. The trusted-node chain runs
/// asymptotic vacuum + weak decoy BB84 (Lo, Ma, Chen, PRL 94, 230504 (2005);
/// Ma, Qi, Zhao, Lo, PRA 72, 012326 (2005)) on each link at the segment's
/// repetition rate with the link's detector, noise, optical error, f and
/// sifting, and relays at the slowest link's rate (physics.md §4).
enum RepeaterChainSweep {
    /// The table, or nil when a link is not fiber (no loss per metre to scale).
    static func sweep(_ model: RepeaterChainModel, planned: ChainEvaluation, repetitionRate: Double) -> [RepeaterSweepPoint]? {
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
            let trusted = zip(model.links, transmittances).map { trustedRate($0, transmittance: $1, repetitionRate: repetitionRate) }.min() ?? 0
            return RepeaterSweepPoint(
                lengthMeters: total, isPlanned: isPlanned, keyRateBps: evaluation.keyRate,
                fidelity: Sanitise.fraction(evaluation.delivery.state.fidelity),
                plobBoundBps: Sanitise.rate(PLOBBound.bitsPerUse(transmittance: channel) * repetitionRate),
                trustedChainBps: trusted)
        }
    }

    /// The swept lengths at which the chain's key is positive and above `other`'s, m.
    static func beats(_ sweep: [RepeaterSweepPoint], _ other: (RepeaterSweepPoint) -> Double) -> [Double] {
        sweep.filter { $0.keyRateBps > 0 && $0.keyRateBps > other($0) }.map(\.lengthMeters)
    }

    /// The assumptions behind the table, with the error-correction inefficiency and sifting of `links`' trusted-node hops.
    static func assumptions(_ links: [ElementaryLink], repetitionRate: Double) -> [Assumption] {
        var hops = LinkGroups()
        for link in links {
            hops.add("f = \(Format.number(link.ecEfficiency.value)), q = \(link.siftingFactor == 1 ? "1" : "1/2")",
                     basis: "\(link.ecEfficiency.basis); \(link.sifting.basis)")
        }
        return [
            Assumption(name: "distance table", value: "links scaled to each total length; fixed losses kept",
                       basis: PlanningDefaults.repeaterSweepLengths.basis),
            Assumption(name: "trusted-node chain", value: "decoy BB84 (vacuum + weak, nu = \(Format.number(PlanningDefaults.decoyIntensity.value))) on each link at \(Format.frequency(repetitionRate)); slowest link; \(hops.value)",
                       basis: "Ma, Qi, Zhao, Lo, PRA 72, 012326 (2005); the segment's repetition rate; "
                        + hops.bases.joined(separator: "; ") + "; physics.md 4 (trusted relay)"),
        ]
    }

    /// Decoy BB84 key of one link used as a trusted-node hop, bit/s.
    private static func trustedRate(_ link: ElementaryLink, transmittance: Double, repetitionRate: Double) -> Double {
        let parameters = DecoyBB84Parameters(
            transmittance: Sanitise.fraction(transmittance * link.detectionEfficiency),
            darkYield: Sanitise.fraction(link.noiseProbability), misalignment: link.errorRate,
            ecEfficiency: link.ecEfficiency.value, siftingFactor: link.siftingFactor,
            decoy: .vacuumWeak(decoyIntensity: PlanningDefaults.decoyIntensity.value))
        return Sanitise.rate(DecoyBB84.optimise(parameters).keyPerPulse * repetitionRate)
    }
}
