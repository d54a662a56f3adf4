import QNetPlanner

extension JSONReport {
    /// A BBM92 or MDI-QKD segment's operating point: `arms`, `intensities` and `figures` (objects keyed by
    /// name), `key_per_pulse`, `repetition_rate_hz` and `assumptions`.
    struct KeyBudgetEntry: Encodable {
        let budget: SegmentKeyBudget
        enum Keys: String, CodingKey {
            case arms, intensities, figures, keyPerPulse = "key_per_pulse", repetitionRate = "repetition_rate_hz"
            case figureBasis = "basis", assumptions
        }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(budget.arms.map(ArmEntry.init), forKey: .arms)
            try container.encode(Dictionary(uniqueKeysWithValues: budget.intensities.map { ($0.key, $0.value) }), forKey: .intensities)
            try container.encode(Dictionary(uniqueKeysWithValues: budget.figures.map { ($0.key, $0.value) }), forKey: .figures)
            try container.encode(budget.keyPerPulse, forKey: .keyPerPulse)
            try container.encode(budget.repetitionRateHz, forKey: .repetitionRate)
            let figures = budget.intensities + budget.figures
            try container.encode(Dictionary(uniqueKeysWithValues: figures.map { ($0.key, $0.basis) }), forKey: .figureBasis)
            try container.encode(budget.assumptions.map(AssumptionEntry.init), forKey: .assumptions)
        }
    }

    /// One arm: its link (null beside a source), channel loss, transmittance, noise, error and detector budget.
    struct ArmEntry: Encodable {
        let arm: ArmBudget
        enum Keys: String, CodingKey {
            case name, link, channelLossDB = "channel_loss_db", transmittance, noise = "noise_probability_per_window"
            case errorRate = "error_rate", detectorBudget = "detector_budget"
        }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(arm.name, forKey: .name)
            try container.encode(arm.link?.rawValue, forKey: .link)
            try container.encode(arm.channelLossDB, forKey: .channelLossDB)
            try container.encode(arm.transmittance, forKey: .transmittance)
            try container.encode(arm.noiseProbability, forKey: .noise)
            try container.encode(arm.errorRate, forKey: .errorRate)
            try container.encode(DetectorEntry(budget: arm.detector), forKey: .detectorBudget)
        }
    }
}
