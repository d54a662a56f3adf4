import QNetModel
import QNetPhysics

/// Maps a cv-gg02 link onto `GaussianModulatedCV`: the sender's coherent-gaussian source, the channel, the
/// receiver's homodyne or heterodyne detector (trusted), and the link's excess noise and β.
enum CVQKDLinkBuilder {
    /// The outcome of the cv-gg02 link `link` whose channel is `loss` (its lines sum to `lossDB`, transmittance `channel`).
    static func outcome(_ link: ResolvedLink, loss: LossBudget, lossDB: Double, channel: Double, diagnostics: [Diagnostic])
        -> LinkOutcome {
        let inputs = link.inputs
        let path = link.path
        let source = link.source
        let symbolRate = Sourced.quantity([(inputs.source?.symbolRate, source.path("symbol_rate")),
                                           (inputs.source?.repetitionRate, source.path("repetition_rate"))],
                                          else: PlanningDefaults.symbolRate)
        let variance = Sourced.quantity([(inputs.source?.modulationVariance, source.path("modulation_variance"))],
                                        else: PlanningDefaults.modulationVariance)
        let efficiency = link.detector.efficiency, electronic = link.detector.electronicNoise
        let excess = Sourced.quantity([(inputs.link.excessNoise, "\(path).excess_noise")], else: PlanningDefaults.excessNoise)
        let reference = Sourced.first([(inputs.link.excessNoiseReference, "\(path).excess_noise_reference")],
                                      else: PlanningDefaults.excessNoiseReference)
        let beta = Sourced.quantity([(inputs.link.reconciliationEfficiency, "\(path).reconciliation_efficiency")],
                                    else: PlanningDefaults.reconciliationEfficiency)
        let rate = Sanitise.rate(symbolRate.value)
        let plob = PLOBRate.bitsPerSecond(transmittance: channel, repetitionRate: rate)
        var assumptions = [
            Assumption(name: "protocol", value: "cv-gg02: Gaussian-modulated coherent states, reverse reconciliation, asymptotic, collective attacks, trusted detector noise",
                       basis: link.protocolKind.basis),
            Assumption(name: "symbol rate", value: "\(Format.number(rate / 1e6)) MHz", basis: symbolRate.basis),
            Assumption(name: "modulation variance", value: "V_A = \(Format.number(variance.value)) SNU", basis: variance.basis),
            Assumption(name: "excess noise", value: "\(Format.number(excess.value)) SNU, referred to the \(reference.value == .receiver ? "receiver" : "channel input")",
                       basis: "\(excess.basis); \(reference.basis)"),
            Assumption(name: "detector", value: "\(link.detector.kind.value.rawValue), \(Format.percent(efficiency.value)), electronic noise \(Format.number(electronic.value)) SNU",
                       basis: "\(efficiency.basis); \(electronic.basis)"),
            Assumption(name: "reconciliation", value: "beta = \(Format.percent(beta.value))", basis: beta.basis),
        ] + loss.assumptions

        let detection: CoherentDetection?
        switch link.detector.kind.value {
        case .homodyne: detection = .homodyne
        case .heterodyne: detection = .heterodyne
        default: detection = nil
        }
        var reason: String?
        var plan: CVQKDPlan?
        var margin: Double?
        var diagnostics = diagnostics
        if source.kind.value != .coherentGaussian {
            reason = "cv-gg02 needs a coherent-gaussian source; \(inputs.link.from) sends \(source.kind.value.rawValue) states"
            diagnostics.append(Diagnostic(.error, "link \(inputs.link.id): \(reason ?? "")",
                                          keyPath: source.kind.keyPath(else: inputs.sourceReference ?? "links[\(inputs.index)].source")))
        } else if detection == nil {
            reason = "cv-gg02 needs a homodyne or heterodyne detector; the receiver has \(link.detector.kind.value.rawValue)"
            diagnostics.append(Diagnostic(.error, "link \(inputs.link.id): \(reason ?? "")",
                                          keyPath: link.detector.kind.keyPath(else: inputs.detectorReference ?? "links[\(inputs.index)].detector")))
        }
        if reason == nil, let detection {
            let atReceiver = reference.value == .receiver
            let xiInput = atReceiver
                ? GaussianModulatedCV.excessNoiseAtInput(receiverReferred: excess.value, transmittance: channel) : excess.value
            let parameters = GaussianModulatedCVParameters(
                modulationVariance: variance.value, transmittance: channel, excessNoise: xiInput,
                detectorEfficiency: efficiency.value, electronicNoise: electronic.value,
                reconciliationEfficiency: beta.value, detection: detection)
            let result = GaussianModulatedCV.evaluate(parameters)
            let tolerated = GaussianModulatedCV.toleratedExtraLoss(parameters, receiverReferredNoise: atReceiver ? excess.value : nil,
                                                                   removableLossDB: lossDB)
            margin = tolerated.map { Sanitise.finite($0) }
            let unbounded = tolerated.map { $0 >= LossThreshold.maxLossDB } ?? false
            if unbounded { margin = nil }
            plan = CVQKDPlan(
                detection: link.detector.kind.value, modulationVariance: variance.value, excessNoise: excess.value,
                excessNoiseReference: reference.value, excessNoiseAtInput: Sanitise.finite(xiInput, or: 1e300),
                detectorEfficiency: efficiency.value, electronicNoise: electronic.value,
                reconciliationEfficiency: beta.value, mutualInformation: Sanitise.finite(result.mutualInformation),
                holevoBound: Sanitise.finite(result.holevoBound), keyPerSymbol: Sanitise.rate(result.keyPerSymbol),
                symbolRateHz: rate)
            if result.keyPerSymbol <= 0 {
                reason = noKeyReason(result, beta: beta.value, tolerated: tolerated, lossDB: lossDB)
            }
            assumptions.append(unbounded ? noMarginLimit(lossDB: lossDB)
                : Assumption(name: "margin", value: "extra channel loss at which beta I_AB = chi_BE",
                             basis: atReceiver ? "bisection; xi at the receiver stays, so its input value grows as 1/T"
                                 : "bisection; xi at the channel input stays, so the noise at Bob falls with the loss (this "
                                 + "asymptotic key can last to losses no real system reaches, where finite blocks and the "
                                 + "receiver's own noise end it sooner): excess_noise_reference: receiver shows the other bound"))
        }
        let keyPerSymbol = plan?.keyPerSymbol ?? 0
        if keyPerSymbol <= 0, let value = margin, value > 0 { margin = 0 }
        if keyPerSymbol > 0, let value = margin, value < 0 { margin = 0 }
        var linkPlan = LinkPlan(
            id: inputs.link.id, medium: link.medium, protocolKind: .cvGG02, lossBudget: loss.lines, detector: nil,
            qber: nil, keyRateBps: Sanitise.rate(keyPerSymbol * rate), keyPerPulse: keyPerSymbol, signalIntensity: nil,
            repetitionRateHz: rate, plobBoundBps: plob, marginDB: margin, noKeyReason: reason, assumptions: assumptions,
            continuousVariable: plan)
        linkPlan.marginUnlimited = plan != nil && margin == nil && keyPerSymbol > 0
        return LinkOutcome(plan: linkPlan, diagnostics: diagnostics, pathLength: Sanitise.finite(loss.pathLength),
                           errorRate: 0.5, misalignment: link.misalignment, equipment: link.inputs.resolved,
                           keyOnlyWhileInView: loss.keyOnlyWhileInView)
    }

    /// The segment of a one-link cv-gg02 segment: the link's key; a longer one is an error.
    static func segment(_ segment: FoundSegment, id: String, topology: Topology, outcomes: [LinkOutcome?], plob: Double?)
        -> (SegmentPlan, [Diagnostic]) {
        let nodeIDs = segment.nodes.map { topology.nodes[$0].id }
        let linkIDs = segment.links.map { topology.links[$0].id }
        guard segment.links.count == 1, let link = outcomes[segment.links[0]]?.plan else {
            let reason = "cv-gg02 runs over one link between the nodes that hold the key, but segment \(id) passes through untrusted nodes"
            return (SegmentPlan(id: id, nodes: nodeIDs, links: linkIDs, protocolKind: .cvGG02, keyRateBps: 0,
                                plobBoundBps: plob, noKeyReason: reason),
                    [Diagnostic(.error, reason, keyPath: "links[\(segment.links[0])].protocol")])
        }
        var plan = SegmentPlan(id: id, nodes: nodeIDs, links: linkIDs, protocolKind: .cvGG02, keyRateBps: link.keyRateBps,
                               plobBoundBps: link.plobBoundBps, marginDB: link.marginDB, noKeyReason: link.noKeyReason)
        plan.marginUnlimited = link.marginUnlimited
        return (plan, [])
    }

    /// The margin of a key that no loss the search reaches removes: none, and why (no figure to show as a margin).
    private static func noMarginLimit(lossDB: Double) -> Assumption {
        Assumption(name: "margin", value: "no limit",
                   basis: "no loss up to \(Format.dB(lossDB + LossThreshold.maxLossDB)) of channel removes the key in this asymptotic "
                       + "model: with these figures the reverse-reconciliation key stays positive past it (without excess noise at the "
                       + "channel input it stays proportional to T, at any loss where beta I_AB stays above chi_BE as T falls; with "
                       + "some, it falls to zero where xi's T ln(1/T) term overtakes it, here beyond the search)")
    }

    /// Why a cv-gg02 link gets no key.
    private static func noKeyReason(_ result: GaussianModulatedCVResult, beta: Double, tolerated: Double?, lossDB: Double)
        -> String {
        let numbers = "beta I_AB = \(Format.number(beta * result.mutualInformation, digits: 3)) bit below chi_BE = \(Format.number(result.holevoBound, digits: 3)) bit"
        if let tolerated, tolerated < 0 {
            // Not "this excess noise": without any, a beta below 1 ends the key too (QA: xi = 0, beta = 90 %, V_A = 18.5).
            return "\(numbers): loss \(Format.dB(lossDB)) exceeds the \(Format.dB(lossDB + tolerated)) this link tolerates "
                + "with beta = \(Format.percent(beta)) and its excess noise"
        }
        return "\(numbers) even without channel loss"
    }
}
