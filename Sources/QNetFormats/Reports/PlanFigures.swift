import QNetModel
import QNetPlanner

/// The figures of each protocol's plan as label/value lists, shared by the reports and the workbench's inspector.
public enum PlanFigures {
    /// A link's key rate, `568 kbit/s in view` for a satellite link at one geometry and no pass, whose key holds only
    /// while the satellite is there (`LinkPlan.keyOnlyWhileInView`; its segment carries no key).
    public static func linkRate(_ link: LinkPlan) -> String {
        EngineeringFormat.rate(link.keyRateBps) + (link.keyOnlyWhileInView ? " in view" : "")
    }

    /// A BBM92 or MDI-QKD operating point: the intensities and observables with their basis, then the key per pulse.
    public static func keyBudget(_ budget: SegmentKeyBudget) -> [PlanFigure] {
        (budget.intensities + budget.figures).map { PlanFigure($0.name, EngineeringFormat.number($0.value), basis: $0.basis) }
            + [PlanFigure("key per pulse", EngineeringFormat.number(budget.keyPerPulse) + " bit"),
               PlanFigure("repetition rate", EngineeringFormat.frequency(budget.repetitionRateHz))]
    }

    /// One arm of a two-arm segment: its channel and its receiver at the operating point.
    public static func arm(_ arm: ArmBudget) -> [PlanFigure] {
        [
            PlanFigure("channel loss", EngineeringFormat.decibels(arm.channelLossDB)),
            PlanFigure("η (channel × detection)", EngineeringFormat.number(arm.transmittance)),
            PlanFigure("noise per window", EngineeringFormat.number(arm.noiseProbability)),
            PlanFigure("optical error", EngineeringFormat.percent(arm.errorRate)),
            PlanFigure("window", EngineeringFormat.time(arm.detector.windowSeconds), basis: arm.detector.bases.window),
            PlanFigure("in window", EngineeringFormat.percent(arm.detector.windowFraction)),
            PlanFigure("dark per window", EngineeringFormat.number(arm.detector.darkProbabilityPerWindow),
                       basis: arm.detector.bases.darkCounts),
            PlanFigure("click rate before dead time", EngineeringFormat.frequency(arm.detector.countRateHz)),
            PlanFigure("dead-time factor", EngineeringFormat.number(arm.detector.deadTimeFactor)),
        ]
    }

    /// A twin-field segment's operating point; `links` names its arms (first link first).
    public static func twinField(_ tf: TwinFieldPlan, links: [Identifier]) -> [PlanFigure] {
        var figures = [PlanFigure("variant", tf.variant.rawValue), PlanFigure("relay", tf.relay.rawValue),
                       PlanFigure("μ per user", EngineeringFormat.number(tf.signalIntensity))]
        if let eps = tf.sendingProbability { figures.append(PlanFigure("sending probability", EngineeringFormat.number(eps))) }
        figures.append(PlanFigure("phase slices M", "\(tf.phaseSlices)"))
        for (index, eta) in tf.armTransmittance.enumerated() {
            let arm = links.indices.contains(index) ? links[index].rawValue : "\(index + 1)"
            figures.append(PlanFigure("arm \(arm) transmittance", EngineeringFormat.number(eta)))
        }
        if let relay = tf.relayDetectors.first {
            let detectors = PlanningDefaults.twinFieldRelayDetectors.value
            figures.append(PlanFigure("relay click rate before dead time (\(detectors) detectors)",
                                      EngineeringFormat.frequency(relay.countRateHz)))
            figures.append(PlanFigure("relay dead-time factor (each)", EngineeringFormat.number(relay.deadTimeFactor)))
        }
        return figures + [
            PlanFigure("dark per detector per window", EngineeringFormat.number(tf.darkCountPerDetector)),
            PlanFigure("gain", EngineeringFormat.number(tf.gain)),
            PlanFigure("bit error", EngineeringFormat.percent(tf.bitErrorRate)),
            PlanFigure("phase error", EngineeringFormat.percent(tf.phaseErrorRate)),
            PlanFigure("optical error", EngineeringFormat.percent(tf.opticalError)),
            PlanFigure("key per pulse", EngineeringFormat.number(tf.keyPerPulse) + " bit"),
            PlanFigure("repetition rate", EngineeringFormat.frequency(tf.repetitionRateHz)),
        ]
    }

    /// A CV-QKD GG02 link's figures: modulation, noise, β, I_AB and χ_BE, and the key per symbol.
    public static func continuousVariable(_ cv: CVQKDPlan) -> [PlanFigure] {
        let reference = cv.excessNoiseReference == .receiver ? "receiver" : "channel input"
        var figures = [PlanFigure("detection", cv.detection.rawValue),
                       PlanFigure("V_A", EngineeringFormat.number(cv.modulationVariance) + " SNU"),
                       PlanFigure("excess noise ξ (\(reference))", EngineeringFormat.number(cv.excessNoise) + " SNU")]
        if cv.excessNoiseReference == .receiver {
            figures.append(PlanFigure("ξ at the channel input", EngineeringFormat.number(cv.excessNoiseAtInput) + " SNU"))
        }
        return figures + [
            PlanFigure("detector efficiency", EngineeringFormat.percent(cv.detectorEfficiency)),
            PlanFigure("electronic noise", EngineeringFormat.number(cv.electronicNoise) + " SNU"),
            PlanFigure("β (reconciliation)", EngineeringFormat.percent(cv.reconciliationEfficiency)),
            PlanFigure("I_AB", EngineeringFormat.number(cv.mutualInformation) + " bit/symbol"),
            PlanFigure("χ_BE", EngineeringFormat.number(cv.holevoBound) + " bit/symbol"),
            PlanFigure("key per symbol (β I_AB − χ_BE)", EngineeringFormat.number(cv.keyPerSymbol) + " bit"),
            PlanFigure("symbol rate", EngineeringFormat.frequency(cv.symbolRateHz)),
        ]
    }
}
