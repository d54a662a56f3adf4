import QNetPlanner

/// One-line summaries of the twin-field and CV-QKD figures, for the Markdown and CSV reports.
enum ProtocolDetail {
    /// `sns via R: mu 0.31 per user, eps 0.052, …`.
    static func twinField(_ tf: TwinFieldPlan) -> String {
        var parts = ["\(tf.variant.rawValue) via relay \(tf.relay)", "μ \(EngineeringFormat.number(tf.signalIntensity)) per user"]
        if let eps = tf.sendingProbability { parts.append("sending probability \(EngineeringFormat.number(eps))") }
        parts += [
            "M = \(tf.phaseSlices) phase slices",
            "arms " + tf.armTransmittance.map(EngineeringFormat.number).joined(separator: " / "),
            "dark counts \(EngineeringFormat.number(tf.darkCountPerDetector)) per detector per window",
            "gain \(EngineeringFormat.number(tf.gain))",
            "bit error \(EngineeringFormat.percent(tf.bitErrorRate))",
            "phase error \(EngineeringFormat.percent(tf.phaseErrorRate))",
            "optical error \(EngineeringFormat.percent(tf.opticalError))",
            "\(EngineeringFormat.number(tf.keyPerPulse)) bit per pulse at \(EngineeringFormat.frequency(tf.repetitionRateHz))",
        ]
        return parts.joined(separator: "; ")
    }

    /// `homodyne: V_A 18.5, xi 0.005 at the channel input, …`.
    static func continuousVariable(_ cv: CVQKDPlan) -> String {
        [
            "\(cv.detection.rawValue), V_A \(EngineeringFormat.number(cv.modulationVariance)) SNU",
            "excess noise \(EngineeringFormat.number(cv.excessNoise)) SNU referred to the \(cv.excessNoiseReference == .receiver ? "receiver" : "channel input")"
                + " (\(EngineeringFormat.number(cv.excessNoiseAtInput)) at the channel input)",
            "detector \(EngineeringFormat.percent(cv.detectorEfficiency)), electronic noise \(EngineeringFormat.number(cv.electronicNoise)) SNU",
            "β \(EngineeringFormat.percent(cv.reconciliationEfficiency))",
            "I_AB \(EngineeringFormat.number(cv.mutualInformation)) − χ_BE \(EngineeringFormat.number(cv.holevoBound))",
            "\(EngineeringFormat.number(cv.keyPerSymbol)) bit per symbol at \(EngineeringFormat.frequency(cv.symbolRateHz))",
        ].joined(separator: "; ")
    }
}
