import QNetModel
import QNetPhysics

/// One arm of a BBM92 or MDI-QKD segment as the key builders read it: a channel (none for a detector
/// beside the source) ending at a receiver with its timing budget.
struct SegmentArm {
    /// Where the arm runs (`S → D1`).
    let name: String
    /// The arm's link, nil for a detector beside the source.
    let link: Identifier?
    /// The arm's link after defaults, nil for a detector beside the source.
    let resolved: ResolvedLink?
    /// Loss of the arm's channel, dB.
    let channelLossDB: Double
    let timing: TimingBudget
    let detector: ResolvedDetector
    /// Misalignment + 1/2 inter-symbol fraction of the arm's link (0 for a detector beside the source).
    let errorRate: Double

    /// Detection efficiency × window fraction.
    var efficiency: Double { Sanitise.fraction(timing.detectorEfficiency.value) * Sanitise.fraction(timing.windowFraction) }

    /// η of the arm with a channel of `lossDB` (default its own) and a dead-time factor.
    func transmittance(lossDB: Double? = nil, deadTimeFactor: Double) -> Double {
        let loss = max(0, lossDB ?? channelLossDB)
        return Sanitise.fraction(Decibel.transmittance(loss: loss) * efficiency * deadTimeFactor)
    }

    /// The arm of `topology.links[index]`, whose plan is `outcome`; nil when one of its nodes is missing.
    static func link(_ index: Int, topology: Topology, nodeIndex: [Identifier: Int], outcome: LinkOutcome) -> SegmentArm? {
        guard let inputs = LinkInputs(topology: topology, index: index, nodeIndex: nodeIndex) else { return nil }
        let resolved = ResolvedLink(inputs)
        let link = inputs.link
        return SegmentArm(name: "\(link.from) → \(link.to)", link: link.id, resolved: resolved,
                          channelLossDB: outcome.plan.lossDB,
                          timing: DetectionBudgetBuilder.build(resolved, pathLength: outcome.pathLength),
                          detector: resolved.detector, errorRate: outcome.errorRate)
    }

    /// The detector named by `topology.nodes[node]` beside its own source, which it receives without a channel:
    /// its timing spreads are the source's and its own.
    static func local(node: Int, topology: Topology, source: ResolvedSource) -> SegmentArm {
        let record = topology.nodes[node]
        let detector = ResolvedDetector(record: record.detector.flatMap { topology.equipment.detector(named: $0) },
                                        name: record.detector)
        let terms = [JitterTerm(name: "source", fwhm: source.jitter.value, basis: source.jitter.basis),
                     JitterTerm(name: "detector", fwhm: detector.jitter.value, basis: detector.jitter.basis)]
        return SegmentArm(name: "\(record.id) (detector beside the source)", link: nil, resolved: nil, channelLossDB: 0,
                          timing: DetectionBudgetBuilder.build(detector: detector, source: source, terms: terms,
                                                               backgroundRate: localBackground),
                          detector: detector, errorRate: 0)
    }

    /// A detector beside its source has no channel to collect stray light through.
    private static let localBackground = Sourced(0.0, "no channel: the detector sits beside the source")

    /// The error of a pair whose two photons each flip with `a` and `b`: exactly one of them flips.
    static func combinedError(_ a: Double, _ b: Double) -> Double {
        a * (1 - b) + b * (1 - a)
    }
}
