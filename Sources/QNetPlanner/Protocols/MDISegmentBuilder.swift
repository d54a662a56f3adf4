import Foundation
import QNetModel
import QNetPhysics

/// Plans an MDI-QKD segment A~M~B (Lo, Curty, Qi, PRL 108, 130503, 2012): two links `between: [A, M]` and
/// `[B, M]` whose senders' weak-coherent pulses meet at an untrusted relay of kind `relay`, with the gains of
/// Ma, Razavi, PRA 86, 062319 (2012) and infinitely many decoys.
enum MDISegmentBuilder {
    /// The plan of `context`'s segment and what the planner noticed.
    static func plan(_ context: TwoArmSegment) -> (SegmentPlan, [Diagnostic]) {
        let topology = context.topology
        let segment = context.segment
        guard segment.links.count == 2, topology.nodes[segment.nodes[1]].resolvedKind == .relay else {
            let inner = segment.nodes.dropFirst().dropLast().map { "\(topology.nodes[$0].id) (\(topology.nodes[$0].resolvedKind.rawValue))" }
            let through = inner.isEmpty ? "joins two key-holding nodes directly" : "passes through \(inner.joined(separator: ", "))"
            return context.failure(
                .mdi, "mdi runs over two links through an untrusted node of kind relay (A~M~B); this segment \(through)",
                at: "\(context.linkPath(0)).protocol")
        }
        let relayID = topology.nodes[segment.nodes[1]].id
        var arms: [SegmentArm] = []
        for position in 0..<2 {
            let link = context.link(position)
            guard link.to == relayID else {
                return context.failure(
                    .mdi, "link \(link.id) must list the relay \(relayID) second (between: [\(link.to), \(relayID)]): the first node of a link sends",
                    at: "\(context.linkPath(position)).between")
            }
            guard let arm = context.arm(position), let resolved = arm.resolved else {
                return context.failure(.mdi, "link \(link.id) was skipped", at: context.linkPath(position))
            }
            let source = resolved.source
            guard source.kind.value == .weakCoherent else {
                return context.failure(
                    .mdi, "source \(source.name ?? "built-in") emits \(source.kind.value.rawValue) states: mdi needs weak-coherent pulses",
                    at: source.name.map { "equipment.sources.\($0).kind" } ?? "\(resolved.path).source")
            }
            arms.append(arm)
        }
        return planArms(arms, context: context)
    }

    /// The key of Alice's arm (arms[0]) and Bob's (arms[1]) meeting at the relay.
    private static func planArms(_ arms: [SegmentArm], context: TwoArmSegment) -> (SegmentPlan, [Diagnostic]) {
        // Both arms were resolved by `plan`.
        let links = arms.compactMap(\.resolved)
        let (alice, bob) = (links[0], links[1])
        var diagnostics: [Diagnostic] = []
        let rates = links.map { Sanitise.rate($0.source.repetitionRate.value) }
        let rate = rates.min() ?? 0
        if rates[0] != rates[1] {
            diagnostics.append(Diagnostic(
                .warning, "segment \(context.id): the senders pulse at \(Format.frequency(rates[0])) and \(Format.frequency(rates[1])); pulses pair up at the lower rate",
                keyPath: "\(bob.path).source"))
        }
        let detectors = PlanningDefaults.mdiRelayDetectors.value
        let relay = arms[0].detector
        // The relay's dark counts (the larger of the two arms' windows) and both arms' stray light, shared by its detectors.
        let dark = arms.map(\.timing.darkProbability.value).max() ?? 0
        let background = arms.reduce(0) { $0 + $1.timing.backgroundProbability }
        let perDetector = Sanitise.fraction((dark + background) / Double(detectors))
        let errorRate = SegmentArm.combinedError(arms[0].errorRate, arms[1].errorRate)
        let fixed = links.map { $0.source.signalIntensity.value.fixedValue }

        func parameters(_ load: DetectorLoad, losses: [Double]? = nil) -> MDIParameters {
            MDIParameters(
                transmittanceA: arms[0].transmittance(lossDB: losses?[0], deadTimeFactor: load.deadTimeFactor),
                transmittanceB: arms[1].transmittance(lossDB: losses?[1], deadTimeFactor: load.deadTimeFactor),
                darkCountProbability: Sanitise.fraction(perDetector + load.afterpulse), misalignment: errorRate,
                ecEfficiency: alice.ecEfficiency.value, siftingFactor: alice.siftingFactor)
        }
        func evaluate(_ p: MDIParameters) -> MDIResult { MDIQKD.optimise(p, fixedA: fixed[0], fixedB: fixed[1]) }

        // Afterpulsing and dead time follow each relay detector's click rate, which follows the intensities: each
        // pair tried gets its own load. Registered clicks (dead time in η) carry the afterpulses; those without
        // dead time set its factor.
        func relayLoad(_ muA: Double, _ muB: Double) -> DetectorLoad {
            func clicks(_ factor: Double) -> Double {
                let arriving = arms[0].transmittance(deadTimeFactor: factor) * muA + arms[1].transmittance(deadTimeFactor: factor) * muB
                return 1 - (1 - perDetector) * exp(-arriving / Double(detectors))
            }
            return DetectorLoad.settled(arrivals: clicks(1), registered: clicks, detector: relay, repetitionRate: rate)
        }
        let result = MDIQKD.optimise({ parameters(relayLoad($0, $1)) }, fixedA: fixed[0], fixedB: fixed[1])
        let load = relayLoad(result.intensityA, result.intensityB)
        let params = parameters(load)
        let idle = DetectorLoad.idle(noise: perDetector, detector: relay)

        let tolerated = SegmentMargin.tolerated(armLossDB: arms.map(\.channelLossDB)) { losses in
            evaluate(parameters(idle, losses: losses)).keyPerPulse > 0
        }
        let keyPerPulse = Sanitise.rate(result.keyPerPulse)
        let (margin, reason) = SegmentMargin.outcome(
            keyPerPulse: keyPerPulse, channelLossDB: context.channelLossDB, tolerated: tolerated,
            blind: arms.first { $0.efficiency <= 0 }?.name, qber: result.qber)

        // The relay's budget counts all its detectors together, as a `detectors:` entry does.
        let whole = DetectorLoad(afterpulse: load.afterpulse * Double(detectors), countRate: load.countRate * Double(detectors),
                                 deadTimeFactor: load.deadTimeFactor)
        let etas = [params.transmittanceA, params.transmittanceB]
        let budgets = arms.indices.map { i in
            ArmBudget(name: arms[i].name, link: arms[i].link, channelLossDB: arms[i].channelLossDB, transmittance: etas[i],
                      noiseProbability: Sanitise.fraction(arms[i].timing.noiseProbability + whole.afterpulse),
                      errorRate: arms[i].errorRate, detector: whole.budget(arms[i].timing))
        }
        let intensities = links.indices.map { i in
            KeyFigure(name: "signal intensity μ_\(i == 0 ? "a" : "b") (\(links[i].inputs.link.from))", key: i == 0 ? "mu_a" : "mu_b",
                      value: Sanitise.finite(i == 0 ? result.intensityA : result.intensityB),
                      basis: fixed[i] == nil ? "\(DetectorLoad.optimisedBasis) (\(links[i].source.signalIntensity.basis))"
                          : links[i].source.signalIntensity.basis)
        }
        let budget = SegmentKeyBudget(
            arms: budgets, intensities: intensities,
            figures: [
                KeyFigure(name: "rectilinear gain Q_rect", key: "gain", value: Sanitise.fraction(result.gain),
                          basis: "Ma, Razavi 2012, Appendix B: Q_C + Q_E"),
                KeyFigure(name: "rectilinear QBER E_rect", key: "qber", value: Sanitise.fraction(result.qber),
                          basis: "(e_d Q_C + (1 - e_d) Q_E) / Q_rect"),
                KeyFigure(name: "single-photon-pair yield Y11", key: "y11", value: Sanitise.fraction(result.singlePhotonYield),
                          basis: "Ma, Razavi 2012, Appendix A; exact with infinite decoys"),
                KeyFigure(name: "single-photon-pair phase error e11", key: "e11", value: Sanitise.fraction(result.singlePhotonError),
                          basis: "Ma, Razavi 2012, Appendix A, diagonal basis"),
                KeyFigure(name: "single-photon-pair gain Q11", key: "q11", value: Sanitise.fraction(result.singlePhotonGain),
                          basis: "μ_a μ_b e^-(μ_a+μ_b) Y11"),
                KeyFigure(name: "dark counts per relay detector p_d", key: "dark_count_per_detector",
                          value: params.darkCountProbability,
                          basis: "(relay dark + both arms' stray light) per window / \(detectors) detectors, plus afterpulses"),
                KeyFigure(name: "optical error e_d", key: "misalignment", value: errorRate,
                          basis: "e_a(1 - e_b) + e_b(1 - e_a): a bit flips on exactly one arm"),
            ],
            keyPerPulse: keyPerPulse, repetitionRateHz: rate,
            assumptions: assumptions(arms: arms, links: links, perDetector: perDetector, dark: dark, background: background))
        let plan = SegmentPlan(id: context.id, nodes: context.nodeIDs, links: context.linkIDs, protocolKind: .mdi,
                               keyRateBps: Sanitise.rate(keyPerPulse * rate), plobBoundBps: context.plob(rate: rate),
                               marginDB: margin, noKeyReason: reason, keyBudget: budget)
        return (plan, diagnostics + context.sharedMiddleNotes("relay"))
    }

    /// What an MDI-QKD key rests on.
    private static func assumptions(arms: [SegmentArm], links: [ResolvedLink], perDetector: Double, dark: Double,
                                    background: Double) -> [Assumption] {
        let detectors = PlanningDefaults.mdiRelayDetectors
        var list = [
            Assumption(name: "protocol", value: "mdi, asymptotic key R = q {Q11 [1 - h(e11)] - Q_rect f h(E_rect)}",
                       basis: "\(links[0].protocolKind.basis); Lo, Curty, Qi, PRL 108, 130503 (2012), Eq. (1); gains of Ma, Razavi, PRA 86, 062319 (2012)"),
            Assumption(name: "decoy", value: "infinite decoys: Y11 and e11 known exactly", basis: PlanningDefaults.mdiDecoy.basis),
            Assumption(name: "relay detectors",
                       value: "\(detectors.value) detectors share the relay's \(Format.number(dark, digits: 3)) dark and \(Format.number(background, digits: 3)) stray-light counts per window: p_d = \(Format.number(perDetector, digits: 3)) per detector",
                       basis: "\(arms[0].timing.darkProbability.basis); \(detectors.basis)"),
            Assumption(name: "encoding", value: "polarisation, Bell-state measurement announcing psi- and psi+",
                       basis: "Ma, Razavi 2012, Appendix B"),
            Assumption(name: "error correction", value: "f = \(Format.number(links[0].ecEfficiency.value))",
                       basis: links[0].ecEfficiency.basis),
            Assumption(name: "sifting", value: "\(links[0].sifting.value.rawValue), q = \(Format.number(links[0].siftingFactor))",
                       basis: links[0].sifting.basis),
            Assumption(name: "misalignment", value: "each arm's misalignment + 1/2 inter-symbol fraction, combined as e_a(1-e_b) + e_b(1-e_a)",
                       basis: links.map(\.misalignment.basis).joined(separator: "; ")),
            Assumption(name: "arrival", value: "each arm's pulse inside the relay's window with its own window fraction; interference visibility not modelled beyond e_d",
                       basis: "the arms' detection budgets"),
            DetectorLoad.operatingPoint("each relay detector's click rate"),
            Assumption(name: "margin", value: "extra loss shared by the arms in proportion to their losses; at the threshold the clicks are noise (its afterpulses, no dead time)",
                       basis: "bisection to \(Format.number(SegmentMargin.toleranceDB)) dB, intensities re-optimised when auto"),
        ]
        var noted = Set<String>()
        for link in links where link.source.decoy.value == .vacuumWeak && noted.insert(link.source.name ?? "").inserted {
            list.append(Assumption(
                name: "decoy of \(link.source.name ?? "built-in")",
                value: "vacuum + weak is set, but MDI is planned with infinite decoys: the key is an upper estimate",
                basis: link.source.decoy.basis))
        }
        return list
    }
}
