import QNetModel
import QNetPlanner

extension JSONReport {
    /// A tf segment's `twin_field` object.
    struct TwinFieldEntry: Encodable {
        let plan: TwinFieldPlan
        enum Keys: String, CodingKey {
            case variant, relay, signalIntensity = "signal_intensity", sendingProbability = "sending_probability"
            case phaseSlices = "phase_slices", armTransmittance = "arm_transmittance"
            case darkCountPerDetector = "dark_count_probability_per_detector", gain, bitErrorRate = "bit_error_rate"
            case phaseErrorRate = "phase_error_rate", opticalError = "optical_error", keyPerPulse = "key_per_pulse"
            case repetitionRateHz = "repetition_rate_hz", relayDetectors = "relay_detectors", assumptions
        }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(plan.variant.rawValue, forKey: .variant)
            try container.encode(plan.relay.rawValue, forKey: .relay)
            try container.encode(plan.signalIntensity, forKey: .signalIntensity)
            try container.encode(plan.sendingProbability, forKey: .sendingProbability)
            try container.encode(plan.phaseSlices, forKey: .phaseSlices)
            try container.encode(plan.armTransmittance, forKey: .armTransmittance)
            try container.encode(plan.darkCountPerDetector, forKey: .darkCountPerDetector)
            try container.encode(plan.gain, forKey: .gain)
            try container.encode(plan.bitErrorRate, forKey: .bitErrorRate)
            try container.encode(plan.phaseErrorRate, forKey: .phaseErrorRate)
            try container.encode(plan.opticalError, forKey: .opticalError)
            try container.encode(plan.keyPerPulse, forKey: .keyPerPulse)
            try container.encode(plan.repetitionRateHz, forKey: .repetitionRateHz)
            try container.encode(plan.relayDetectors.map { DetectorEntry(budget: $0) }, forKey: .relayDetectors)
            try container.encode(plan.assumptions.map(AssumptionEntry.init), forKey: .assumptions)
        }
    }

    /// A cv-gg02 link's `cv_qkd` object.
    struct CVQKDEntry: Encodable {
        let plan: CVQKDPlan
        enum Keys: String, CodingKey {
            case detection, modulationVariance = "modulation_variance", excessNoise = "excess_noise"
            case excessNoiseReference = "excess_noise_reference", excessNoiseAtInput = "excess_noise_at_input"
            case detectorEfficiency = "detector_efficiency", electronicNoise = "electronic_noise"
            case reconciliationEfficiency = "reconciliation_efficiency", mutualInformation = "mutual_information_bits"
            case holevoBound = "holevo_bound_bits", keyPerSymbol = "key_per_symbol", symbolRateHz = "symbol_rate_hz"
        }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(plan.detection.rawValue, forKey: .detection)
            try container.encode(plan.modulationVariance, forKey: .modulationVariance)
            try container.encode(plan.excessNoise, forKey: .excessNoise)
            try container.encode(plan.excessNoiseReference.rawValue, forKey: .excessNoiseReference)
            try container.encode(plan.excessNoiseAtInput, forKey: .excessNoiseAtInput)
            try container.encode(plan.detectorEfficiency, forKey: .detectorEfficiency)
            try container.encode(plan.electronicNoise, forKey: .electronicNoise)
            try container.encode(plan.reconciliationEfficiency, forKey: .reconciliationEfficiency)
            try container.encode(plan.mutualInformation, forKey: .mutualInformation)
            try container.encode(plan.holevoBound, forKey: .holevoBound)
            try container.encode(plan.keyPerSymbol, forKey: .keyPerSymbol)
            try container.encode(plan.symbolRateHz, forKey: .symbolRateHz)
        }
    }
}
