import QNetModel
import QNetPhysics

/// Plans a BBM92 segment with an SPDC source (Ma, Fung, Lo, PRA 76, 012307, 2007): the source at a node of kind
/// `source` between two receivers (two links, `between: [S, D]`), or at the sending end of one link, whose
/// node keeps one photon of each pair for its own detector.
enum BBM92SegmentBuilder {
    /// The plan of `context`'s segment and what the planner noticed.
    static func plan(_ context: TwoArmSegment) -> (SegmentPlan, [Diagnostic]) {
        let topology = context.topology
        let segment = context.segment
        let middle = segment.nodes.count == 3 ? segment.nodes[1] : nil
        var arms: [SegmentArm] = []
        var localWarnings: [Diagnostic] = []
        let placement: Assumption
        switch segment.links.count {
        case 1:
            guard let arm = context.arm(0), let resolved = arm.resolved else {
                return context.failure(.bbm92, "its link was skipped", at: context.linkPath(0))
            }
            let inputs = resolved.inputs
            let sender = LinkInputs.roles(link: inputs.link, from: (inputs.fromNode, inputs.fromIndex),
                                          to: (inputs.toNode, inputs.toIndex)).1
            let local = SegmentArm.local(node: sender, topology: topology, source: resolved.source)
            arms = [local, arm]
            localWarnings = CountingDetectorCheck.warnings(
                local.detector, protocolKind: .bbm92, subject: "segment \(context.id), detector beside the source at \(topology.nodes[sender].id)",
                fallback: "nodes[\(sender)].detector")
            placement = Assumption(
                name: "source", value: "at \(topology.nodes[sender].id), beside its own detector; the pairs' other photons cross \(arm.link?.rawValue ?? "")",
                basis: "\(context.linkPath(0)).between: the first node sends")
        case 2 where middle.map({ topology.nodes[$0].resolvedKind == .source }) == true:
            let sourceID = topology.nodes[segment.nodes[1]].id
            for position in 0..<2 where context.link(position).from != sourceID {
                let link = context.link(position)
                return context.failure(
                    .bbm92, "link \(link.id) must list the source \(sourceID) first (between: [\(sourceID), \(link.from)]): the first node of a link sends",
                    at: "\(context.linkPath(position)).between")
            }
            for position in 0..<2 {
                guard let arm = context.arm(position) else {
                    return context.failure(.bbm92, "link \(context.link(position).id) was skipped", at: context.linkPath(position))
                }
                arms.append(arm)
            }
            placement = Assumption(name: "source", value: "at \(sourceID), between the receivers",
                                   basis: "nodes[\(segment.nodes[1])].kind: source")
        default:
            let inner = segment.nodes.dropFirst().dropLast().map { "\(topology.nodes[$0].id) (\(topology.nodes[$0].resolvedKind.rawValue))" }
            return context.failure(
                .bbm92, "bbm92 runs over one link whose sending end holds the source, or over two links through a node of kind source; this segment passes through \(inner.joined(separator: ", "))",
                at: "\(context.linkPath(0)).protocol")
        }
        let (plan, diagnostics) = planArms(arms, placement: placement, context: context)
        return (plan, localWarnings + diagnostics)
    }

    /// The key of two arms: arms[0] from the first link or the source's own detector, arms[1] the other.
    private static func planArms(_ arms: [SegmentArm], placement: Assumption, context: TwoArmSegment)
        -> (SegmentPlan, [Diagnostic]) {
        guard let link = arms.first(where: { $0.resolved != nil })?.resolved else {
            return context.failure(.bbm92, "no link of the segment could be planned", at: context.linkPath(0))
        }
        let source = link.source
        let sourcePath = link.inputs.sourceReference ?? "\(link.path).source"
        guard source.kind.value == .spdc else {
            return context.failure(
                .bbm92, "source \(source.name ?? "built-in") emits \(source.kind.value.rawValue) states: bbm92 needs an spdc source",
                at: source.name == nil ? sourcePath : "equipment.sources.\(source.name ?? "").kind")
        }
        var diagnostics: [Diagnostic] = []
        if let other = arms.last?.resolved, other.source.name != source.name {
            diagnostics.append(Diagnostic(.warning, "segment \(context.id): its links name different sources; \(source.name ?? "built-in") is used for both",
                                          keyPath: "\(other.path).source"))
        }
        let pairs = Sourced.first([(link.inputs.source?.meanPairNumber, source.path("mean_pair_number"))],
                                  else: PlanningDefaults.meanPairNumber)
        let fixed = pairs.value.fixedValue
        let rate = Sanitise.rate(source.repetitionRate.value)
        let errorRate = SegmentArm.combinedError(arms[0].errorRate, arms[1].errorRate)

        func parameters(_ loads: [DetectorLoad], losses: [Double]? = nil) -> BBM92Parameters {
            let eta = arms.indices.map { arms[$0].transmittance(lossDB: losses?[$0], deadTimeFactor: loads[$0].deadTimeFactor) }
            let noise = arms.indices.map { Sanitise.fraction(arms[$0].timing.noiseProbability + loads[$0].afterpulse) }
            return BBM92Parameters(transmittanceA: eta[0], transmittanceB: eta[1], darkYieldA: noise[0], darkYieldB: noise[1],
                                   misalignment: errorRate, ecEfficiency: link.ecEfficiency.value,
                                   siftingFactor: link.siftingFactor)
        }
        // The margin's key at fixed parameters.
        func evaluate(_ p: BBM92Parameters) -> BBM92Result {
            fixed.map { BBM92.evaluate(p, meanPairNumber: $0) } ?? BBM92.optimise(p)
        }

        // Afterpulsing and dead time follow each arm's singles, which follow 2λ: each 2λ tried gets its own loads.
        func armLoads(pairs: Double) -> [DetectorLoad] {
            let lambda = pairs / 2
            return arms.map { arm in
                let noise = arm.timing.noiseProbability
                func singles(_ eta: Double) -> Double { 1 - (1 - noise) / ((1 + eta * lambda) * (1 + eta * lambda)) }
                // Registered singles (dead time in η) carry the afterpulses; those without dead time set its factor.
                return DetectorLoad.settled(arrivals: singles(arm.transmittance(deadTimeFactor: 1)),
                                            registered: { singles(arm.transmittance(deadTimeFactor: $0)) },
                                            detector: arm.detector, repetitionRate: rate)
            }
        }
        let result = fixed.map { BBM92.evaluate(parameters(armLoads(pairs: $0)), meanPairNumber: $0) }
            ?? BBM92.optimise { parameters(armLoads(pairs: $0)) }
        let loads = armLoads(pairs: result.meanPairNumber)
        let params = parameters(loads)
        let idle = arms.map { DetectorLoad.idle(noise: $0.timing.noiseProbability, detector: $0.detector) }

        // Margin: extra loss on the arms that have a channel.
        let channelArms = arms.indices.filter { arms[$0].link != nil }
        let tolerated = SegmentMargin.tolerated(armLossDB: channelArms.map { arms[$0].channelLossDB }) { losses in
            var all = arms.map(\.channelLossDB)
            for (k, i) in channelArms.enumerated() { all[i] = losses[k] }
            return evaluate(parameters(idle, losses: all)).keyPerPulse > 0
        }
        let keyPerPulse = Sanitise.rate(result.keyPerPulse)
        let (margin, reason) = SegmentMargin.outcome(
            keyPerPulse: keyPerPulse, channelLossDB: context.channelLossDB, tolerated: tolerated,
            blind: arms.first { $0.efficiency <= 0 }?.name, qber: result.qber)

        let etas = [params.transmittanceA, params.transmittanceB]
        let budgets = arms.indices.map { i in
            ArmBudget(name: arms[i].name, link: arms[i].link, channelLossDB: arms[i].channelLossDB, transmittance: etas[i],
                      noiseProbability: Sanitise.fraction(arms[i].timing.noiseProbability + loads[i].afterpulse),
                      errorRate: arms[i].errorRate, detector: loads[i].budget(arms[i].timing))
        }
        let budget = SegmentKeyBudget(
            arms: budgets,
            intensities: [KeyFigure(name: "mean pair number 2λ", key: "mean_pair_number", value: Sanitise.finite(result.meanPairNumber),
                                    basis: fixed == nil ? "\(DetectorLoad.optimisedBasis) (\(pairs.basis))" : pairs.basis)],
            figures: [
                KeyFigure(name: "coincidence gain Q_λ", key: "gain", value: Sanitise.fraction(result.gain),
                          basis: "Ma, Fung, Lo 2007, thermal pairs and both arms' noise"),
                KeyFigure(name: "QBER E_λ", key: "qber", value: Sanitise.fraction(result.qber),
                          basis: "multi-pair emission, noise coincidences and misalignment"),
                KeyFigure(name: "optical error e_d", key: "misalignment", value: errorRate,
                          basis: "e_A(1 - e_B) + e_B(1 - e_A): a bit flips on exactly one arm"),
            ],
            keyPerPulse: keyPerPulse, repetitionRateHz: rate,
            assumptions: assumptions(arms: arms, link: link, placement: placement, pairs: pairs))
        let plan = SegmentPlan(id: context.id, nodes: context.nodeIDs, links: context.linkIDs, protocolKind: .bbm92,
                               keyRateBps: Sanitise.rate(keyPerPulse * rate), plobBoundBps: context.plob(rate: rate),
                               marginDB: margin, noKeyReason: reason, keyBudget: budget)
        return (plan, diagnostics + context.sharedMiddleNotes("source"))
    }

    /// What a BBM92 key rests on.
    private static func assumptions(arms: [SegmentArm], link: ResolvedLink, placement: Assumption,
                                    pairs: Sourced<Tunable>) -> [Assumption] {
        var list = [
            Assumption(name: "protocol", value: "bbm92 with an SPDC source, asymptotic one-way key R = q Q [1 - f h(E) - h(E)]",
                       basis: "\(link.protocolKind.basis); Ma, Fung, Lo, PRA 76, 012307 (2007), Koashi-Preskill"),
            placement,
            Assumption(name: "pair statistics", value: "thermal, P(n) = (n+1) λ^n / (1+λ)^(n+2), λ = half the mean pair number",
                       basis: "Ma, Fung, Lo 2007 (one spectral mode per pulse)"),
            Assumption(name: "mean pair number", value: pairs.value.fixedValue.map { Format.number($0) } ?? "auto (optimised)",
                       basis: pairs.basis),
            Assumption(name: "coincidence window",
                       value: "each arm's click inside its own window (its timing budget's window fraction); Y0 of each arm = its dark and background counts per window plus afterpulses",
                       basis: "the arms' detection budgets; Ma, Fung, Lo's Y0A, Y0B are each receiver's total (Ma, Fung, Lo, PRA 76, 012307 (2007))"),
            Assumption(name: "error correction", value: "f = \(Format.number(link.ecEfficiency.value))", basis: link.ecEfficiency.basis),
            Assumption(name: "sifting", value: "\(link.sifting.value.rawValue), q = \(Format.number(link.siftingFactor))",
                       basis: link.sifting.basis),
            Assumption(name: "misalignment", value: "each arm's misalignment + 1/2 inter-symbol fraction, combined as e_A(1-e_B) + e_B(1-e_A)",
                       basis: arms.compactMap { $0.resolved?.misalignment.basis }.joined(separator: "; ")),
            DetectorLoad.operatingPoint("each arm's single-click rate"),
            Assumption(name: "margin", value: "extra loss shared by the arms in proportion to their losses; at the threshold the clicks are noise (its afterpulses, no dead time)",
                       basis: "bisection to \(Format.number(SegmentMargin.toleranceDB)) dB, mean pair number re-optimised when auto"),
        ]
        if let local = arms.first(where: { $0.resolved == nil }) {
            let d = local.detector
            list.append(Assumption(
                name: "detector beside the source",
                value: "\(d.name ?? "built-in"): \(d.kind.value.rawValue), \(Format.percent(d.efficiency.value)), \(Format.number(local.timing.darkProbability.value, digits: 3)) dark per window",
                basis: d.name.map { "equipment.detectors.\($0)" } ?? "no detector named at the source's node: \(PlanningDefaults.defaultDetector.efficiency.basis)"))
        }
        return list
    }
}
