import Foundation
import QNetModel
import QNetPhysics

/// Maps a segment A~R~B through an untrusted relay onto `SendingOrNotSending` or `PhaseMatching`.
///
/// Each link runs from a user (the first of `between`, who sends) to the
/// relay (the second, whose detector the link's detection budget used). Each
/// arm's transmittance to a click is the link's channel × the relay's
/// detection efficiency × the window fraction; the relay's dark and
/// background counts per window are shared by its two detectors. Both users
/// send one signal intensity (a second, different fixed one is a warning).
enum TwinFieldSegmentBuilder {
    /// One arm of the segment: the link, its plan and its sender's settings.
    private struct Arm {
        let index: Int
        let link: Link
        let plan: LinkPlan
        let source: ResolvedSource
        let misalignment: Sourced<Double>
        let ecEfficiency: Sourced<Double>
        var path: String { "links[\(index)]" }
        /// The loss of the link's attenuators (`TwinFieldArmBalancer.isAttenuator`), dB.
        var attenuatorDB: Double {
            link.extraLosses.filter { TwinFieldArmBalancer.isAttenuator($0.name) }
                .reduce(0) { $0 + Sanitise.lossDB(max(0, $1.loss.si)) }
        }
        var transmittance: Double {
            plan.transmittance * (plan.detector?.detectorEfficiency ?? 0) * (plan.detector?.windowFraction ?? 0)
        }
    }

    /// The plan of the tf `segment` whose whole-channel PLOB bound is `plob` bit/s (nil: no limit).
    static func plan(_ segment: FoundSegment, id: String, topology: Topology, outcomes: [LinkOutcome?], plob: Double?)
        -> (SegmentPlan, [Diagnostic]) {
        let nodeIDs = segment.nodes.map { topology.nodes[$0].id }
        let linkIDs = segment.links.map { topology.links[$0].id }
        func noKey(_ reason: String, error keyPath: String? = nil) -> (SegmentPlan, [Diagnostic]) {
            let plan = SegmentPlan(id: id, nodes: nodeIDs, links: linkIDs, protocolKind: .twinField, keyRateBps: 0,
                                   plobBoundBps: plob, noKeyReason: reason)
            return (plan, keyPath.map { [Diagnostic(.error, reason, keyPath: $0)] } ?? [])
        }
        let first = "links[\(segment.links[0])]"
        guard segment.links.count == 2, topology.nodes[segment.nodes[1]].resolvedKind == .relay else {
            return noKey("tf needs exactly one relay (node kind relay) between the two key-holding nodes, but segment \(id) has \(segment.links.count - 1) inner node(s)",
                         error: "\(first).protocol")
        }
        let relay = topology.nodes[segment.nodes[1]]
        var arms: [Arm] = []
        for index in segment.links {
            let link = topology.links[index]
            guard link.to == relay.id else {
                return noKey("tf: links[\(index)] (\(link.id)) must list the relay \(relay.id) second in between: the first node sends",
                             error: "links[\(index)].between")
            }
            guard let plan = outcomes[index]?.plan else { return noKey("link \(link.id) is skipped") }
            arms.append(arm(index: index, link: link, plan: plan, topology: topology))
        }
        if let user = arms.first(where: { $0.source.kind.value != .weakCoherent }) {
            return noKey("tf needs weak-coherent sources; \(user.link.from) sends \(user.source.kind.value.rawValue) states",
                         error: user.source.kind.basis)
        }
        var diagnostics: [Diagnostic] = []
        let variants = arms.compactMap { arm in arm.link.tfVariant.map { ($0, "\(arm.path).tf_variant") } }
        if Set(variants.map(\.0)).count > 1 {
            return noKey("the links of segment \(id) name different tf_variant values; both arms run one protocol",
                         error: variants[1].1)
        }
        let variant = Sourced.first(variants.map { ($0.0, $0.1) }, else: PlanningDefaults.twinFieldVariant)
        let rates = arms.map(\.plan.repetitionRateHz)
        let rate = rates.min() ?? 0
        if Set(rates).count > 1 {
            diagnostics.append(Diagnostic(.warning, "segment \(id): the users' repetition rates differ; tf interferes pulse pairs, so the lower one is used",
                                          keyPath: "\(arms[1].path).source"))
        }
        let misalignment = arms.map(\.misalignment).max { $0.value < $1.value } ?? arms[0].misalignment
        let ecEfficiency = arms.map(\.ecEfficiency).max { $0.value < $1.value } ?? arms[0].ecEfficiency
        let detectors = PlanningDefaults.twinFieldRelayDetectors
        let noise = (arms[0].plan.detector?.darkProbabilityPerWindow ?? 0)
            + arms.reduce(0) { $0 + ($1.plan.detector?.backgroundProbabilityPerWindow ?? 0) }
        let darkPerDetector = Sanitise.fraction(noise / Double(max(1, detectors.value)))
        let (intensity, ignored) = sharedIntensity(arms, id: id)
        if let ignored { diagnostics.append(ignored) }
        let fixed = intensity.value.fixedValue
        let context = TwoArmSegment(segment: segment, id: id, topology: topology, outcomes: outcomes)
        let receivers = [0, 1].compactMap { context.arm($0) }
        guard receivers.count == 2 else { return noKey("a link of segment \(id) is skipped") }
        // The arms' transmittances to the relay's detectors, as the segment has them.
        let armTransmittances = (arms[0].transmittance, arms[1].transmittance)
        func parameters(_ load: DetectorLoad, arms t: (Double, Double) = armTransmittances) -> TwinFieldParameters {
            TwinFieldParameters(
                transmittanceA: t.0 * load.deadTimeFactor, transmittanceB: t.1 * load.deadTimeFactor,
                darkCountProbability: Sanitise.fraction(darkPerDetector + load.afterpulse), misalignment: misalignment.value,
                phaseSlices: PlanningDefaults.phaseSlices.value, ecEfficiency: ecEfficiency.value)
        }
        // Afterpulsing and dead time follow each relay detector's click rate, which follows what the users send:
        // each (μ, ε) tried gets its own load. Each user's mean photon number per window (SNS: μ sent with
        // probability ε) splits evenly between the detectors on average over the random relative phase;
        // registered clicks (dead time in η) carry the afterpulses, those without dead time set its factor.
        func relayLoad(intensity: Double, sending: Double, arms t: (Double, Double) = armTransmittances) -> DetectorLoad {
            func clicks(_ factor: Double) -> Double {
                let arriving = (t.0 + t.1) * factor * intensity * sending
                return 1 - (1 - darkPerDetector) * exp(-arriving / Double(detectors.value))
            }
            return DetectorLoad.settled(arrivals: clicks(1), registered: clicks, detector: receivers[0].detector,
                                        repetitionRate: rate)
        }
        // The segment planned with its arms at transmittances `t` (each (μ, ε) with its own relay load).
        func optimum(arms t: (Double, Double)) -> TwinFieldResult {
            variant.value == .sns
                ? SendingOrNotSending.optimise({ parameters(relayLoad(intensity: $0, sending: $1, arms: t), arms: t) },
                                               signalIntensity: fixed)
                : PhaseMatching.optimise({ parameters(relayLoad(intensity: $0, sending: 1, arms: t), arms: t) },
                                         signalIntensity: fixed)
        }
        let result = optimum(arms: armTransmittances)
        let load = relayLoad(intensity: result.signalIntensity, sending: result.sendingProbability ?? 1)
        let params = parameters(load)
        let idle = DetectorLoad.idle(noise: darkPerDetector, detector: receivers[0].detector)
        let channelLossDB = arms.reduce(0) { $0 + $1.plan.lossDB }
        // At the threshold the clicks are noise: its afterpulses, no dead time (as MDI's margin).
        let tolerated = variant.value == .sns
            ? SendingOrNotSending.toleratedExtraLoss(parameters(idle), signalIntensity: fixed, removableLossDB: channelLossDB)
            : PhaseMatching.toleratedExtraLoss(parameters(idle), signalIntensity: fixed, removableLossDB: channelLossDB)
        let keyRate = Sanitise.rate(result.keyPerPulse * rate)
        var margin = tolerated.map { Sanitise.finite($0) }
        var reason: String?
        let balance = TwinFieldArmBalancer.balance(
            links: arms.map(\.link.id), lossDB: arms.map(\.plan.lossDB), attenuatorDB: arms.map(\.attenuatorDB),
            transmittance: armTransmittances, rate: rate, current: keyRate > 0 ? result.keyPerPulse : 0) {
            optimum(arms: $0).keyPerPulse
        }
        if keyRate <= 0 {
            reason = balance.map {
                TwinFieldArmBalancer.noKeyReason($0, towards: arms[1 - $0.shortArmWithoutAttenuators].link.from)
            }
                ?? noKeyReason(result, parameters: params, tolerated: tolerated, channelLossDB: channelLossDB, rate: rate)
            if let value = margin, value > 0 { margin = 0 }
        } else {
            if let value = margin, value < 0 { margin = 0 }
            if let balance {
                diagnostics.append(TwinFieldArmBalancer.note(balance, segment: id, keyRate: keyRate,
                                                             keyPath: "nodes[\(segment.nodes[1])]"))
            }
        }
        // The relay's budget counts both detectors together, as MDI's does.
        let whole = DetectorLoad(afterpulse: load.afterpulse * Double(detectors.value),
                                 countRate: load.countRate * Double(detectors.value), deadTimeFactor: load.deadTimeFactor)
        var details = TwinFieldPlan(
            variant: variant.value, relay: relay.id, signalIntensity: Sanitise.finite(result.signalIntensity),
            sendingProbability: result.sendingProbability.map { Sanitise.finite($0) },
            phaseSlices: params.phaseSlices, armTransmittance: [params.transmittanceA, params.transmittanceB],
            darkCountPerDetector: darkPerDetector, gain: Sanitise.finite(result.gain),
            bitErrorRate: Sanitise.finite(result.bitErrorRate), phaseErrorRate: Sanitise.finite(result.phaseErrorRate),
            opticalError: Sanitise.finite(result.opticalError), keyPerPulse: Sanitise.rate(result.keyPerPulse),
            repetitionRateHz: rate, relayDetectors: receivers.map { whole.budget($0.timing) },
            assumptions: assumptions(variant: variant, arms: arms, intensity: intensity, relay: relay, misalignment: misalignment,
                                     ecEfficiency: ecEfficiency, noise: noise, darkPerDetector: darkPerDetector))
        details.armBalance = balance
        let plan = SegmentPlan(id: id, nodes: nodeIDs, links: linkIDs, protocolKind: .twinField, keyRateBps: keyRate,
                               plobBoundBps: plob, marginDB: margin, noKeyReason: reason, twinField: details)
        return (plan, diagnostics)
    }

    /// The arm of `link`: its sender's source and the link's misalignment and f after defaults.
    private static func arm(index: Int, link: Link, plan: LinkPlan, topology: Topology) -> Arm {
        let path = "links[\(index)]"
        let sender = topology.node(link.from)
        let name = link.source ?? sender?.source
        let defaults = topology.defaults
        return Arm(
            index: index, link: link, plan: plan,
            source: ResolvedSource(record: name.flatMap { topology.equipment.source(named: $0) }, name: name),
            misalignment: Sourced.quantity([(link.misalignment, "\(path).misalignment"),
                                            (defaults.misalignment, "defaults.misalignment")],
                                           else: PlanningDefaults.misalignment),
            ecEfficiency: Sourced.quantity([(link.ecEfficiency, "\(path).ec_efficiency"),
                                            (defaults.ecEfficiency, "defaults.ec_efficiency")],
                                           else: PlanningDefaults.ecEfficiency))
    }

    /// The one signal intensity both users send: the first arm's fixed value, else the second's, else auto.
    ///
    /// `SendingOrNotSending` and `PhaseMatching` model equal intensities from
    /// the two users (Wang, Yu, Hu 2018; Ma, Zeng, Zhou 2018), so a second,
    /// different fixed value cannot be honoured: it is reported as a warning
    /// located at the ignored `signal_intensity`.
    private static func sharedIntensity(_ arms: [Arm], id: String) -> (Sourced<Tunable>, Diagnostic?) {
        let settings = arms.map(\.source.signalIntensity)
        let shared = settings.first { $0.value.fixedValue != nil } ?? settings[0]
        guard let used = shared.value.fixedValue,
              let other = settings.first(where: { $0.value.fixedValue.map { $0 != used } ?? false }),
              let ignored = other.value.fixedValue else { return (shared, nil) }
        let message = "segment \(id): the users' sources fix different signal intensities"
            + " (\(Format.number(used)) and \(Format.number(ignored))); the tf model has both users send one intensity,"
            + " so \(Format.number(used)) (\(shared.basis)) is used for both"
        return (shared, Diagnostic(.warning, message, keyPath: other.basis))
    }

    /// Why a tf segment gets no key, in words a network architect can act on.
    private static func noKeyReason(_ result: TwinFieldResult, parameters: TwinFieldParameters, tolerated: Double?,
                                    channelLossDB: Double, rate: Double) -> String {
        if rate <= 0 { return "the users send no pulses (repetition rate 0)" }
        if parameters.transmittanceA <= 0 || parameters.transmittanceB <= 0 {
            return "an arm delivers nothing to the relay's detectors (detection efficiency x window fraction is 0)"
        }
        if let tolerated, tolerated < 0 {
            return "loss \(Format.dB(channelLossDB)) exceeds the \(Format.dB(channelLossDB + tolerated)) the relay tolerates"
        }
        return "optical error \(Format.percent(result.opticalError)) leaves phase error \(Format.percent(result.phaseErrorRate))"
            + " and bit error \(Format.percent(result.bitErrorRate)): no key even without channel loss"
    }

    /// What the key rests on, each with its basis.
    private static func assumptions(variant: Sourced<TwinFieldVariant>, arms: [Arm], intensity: Sourced<Tunable>,
                                    relay: Node, misalignment: Sourced<Double>, ecEfficiency: Sourced<Double>, noise: Double,
                                    darkPerDetector: Double) -> [Assumption] {
        let protocolName = variant.value == .sns
            ? "sending-or-not-sending (Wang, Yu, Hu 2018), asymptotic, infinite decoys, sending probability optimised"
            : "phase-matching (Ma, Zeng, Zhou 2018), asymptotic, infinite decoys, keeps 2/M of the pulse pairs"
        let perUser: (value: String, basis: String)
        switch intensity.value {
        case .auto: perUser = ("auto (optimised)", "\(intensity.basis); \(DetectorLoad.optimisedBasis)")
        case .fixed(let mu): perUser = ("\(Format.number(mu))", intensity.basis)
        }
        // QA: a longer short arm keyed more, which reads as a bug unless the one intensity is said.
        let oneIntensity = ", one for both users: both send the same intensity (in this model), so arms that lose "
            + "unequally match less well at the relay, and more loss on the short arm can raise the key"
        let detectors = PlanningDefaults.twinFieldRelayDetectors
        return [
            Assumption(name: "protocol", value: "tf \(variant.value.rawValue): \(protocolName)", basis: variant.basis),
            Assumption(name: "signal intensity", value: perUser.value + oneIntensity, basis: perUser.basis),
            Assumption(name: "relay", value: "\(relay.id): untrusted, sees no key", basis: "node kind relay"),
            Assumption(name: "arms", value: arms.map { "\($0.link.id) \(Format.number($0.transmittance, digits: 3))" }
                .joined(separator: ", "),
                       basis: "channel x relay detection efficiency x window fraction of each link's budget, before dead time"),
            Assumption(name: "dark counts per detector",
                       value: "\(Format.number(darkPerDetector, digits: 3)) per window (\(Format.number(noise, digits: 3)) over \(detectors.value) detectors)",
                       basis: "the relay's dark and background counts per window; \(detectors.basis)"),
            Assumption(name: "misalignment", value: Format.percent(misalignment.value),
                       basis: "\(misalignment.basis) (the larger of the two links')"),
            Assumption(name: "phase slices", value: "M = \(PlanningDefaults.phaseSlices.value)",
                       basis: PlanningDefaults.phaseSlices.basis),
            Assumption(name: "error correction", value: "f = \(Format.number(ecEfficiency.value))",
                       basis: "\(ecEfficiency.basis) (the larger of the two links')"),
            Assumption(name: "relay dead time", value: "each detector's dead-time factor at its click rate before dead time: "
                           + "both users' light split evenly between the \(detectors.value) detectors (SNS: μ sent with probability ε)",
                       basis: "non-paralysable or paralysable model of the relay's detector (Knoll 2010, Ch. 4, Sec. VII), as MDI's relay"),
            DetectorLoad.operatingPoint("each relay detector's click rate"),
            Assumption(name: "margin", value: "extra channel loss split equally between the arms, intensities re-optimised; "
                           + "at the threshold the clicks are noise (its afterpulses, no dead time)",
                       basis: "bisection on the key rate to 1e-4 dB"),
        ]
    }
}
