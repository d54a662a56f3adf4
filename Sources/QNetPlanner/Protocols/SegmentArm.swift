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

/// Afterpulsing and dead time of a detector at a click probability per window.
struct DetectorLoad: Equatable {
    /// Afterpulse probability per window.
    var afterpulse: Double
    /// Click rate before dead time, Hz.
    var countRate: Double
    /// Observed over true count rate.
    var deadTimeFactor: Double

    /// The load at the threshold of a key, where the clicks are noise: the noise's afterpulses, no dead-time loss.
    static func idle(noise: Double, detector: ResolvedDetector) -> DetectorLoad {
        DetectorLoad(afterpulse: Sanitise.fraction(detector.afterpulseProbability.value) * noise, countRate: 0,
                     deadTimeFactor: 1)
    }

    /// The load of a detector at `repetitionRate` windows per second that registers `clickProbability` per window
    /// (afterpulses follow these clicks) and would click with `arrivals` per window without dead time: the
    /// dead-time factor is that of the rate before dead time, arrivals plus afterpulses (Knoll 2010, Ch. 4, Sec. VII).
    static func at(clickProbability: Double, arrivals: Double, detector: ResolvedDetector, repetitionRate: Double) -> DetectorLoad {
        let afterpulse = Sanitise.fraction(detector.afterpulseProbability.value) * Sanitise.fraction(clickProbability)
        let rate = Sanitise.rate(Sanitise.fraction(arrivals + afterpulse) * repetitionRate)
        return DetectorLoad(afterpulse: afterpulse, countRate: rate, deadTimeFactor: detector.deadTimeFactor(countRate: rate))
    }

    /// Whether `next` differs from this load by less than the fixed-point iteration resolves.
    func settles(_ next: DetectorLoad) -> Bool {
        abs(next.afterpulse - afterpulse) <= 1e-3 * afterpulse + 1e-15
            && abs(next.deadTimeFactor - deadTimeFactor) <= 1e-4 * deadTimeFactor
    }

    /// The receiver's budget at this load.
    func budget(_ timing: TimingBudget) -> DetectorBudget {
        timing.budget(afterpulse: afterpulse, countRate: countRate, deadTimeFactor: deadTimeFactor)
    }
}
