import QNetPlanner

extension JSONReport {
    /// A finite-key link's block, security parameters, settings and the time to collect a block
    /// (Lim, Curty, Walenta, Xu, Zbinden, PRA 89, 022307 (2014)).
    struct FiniteKeyEntry: Encodable {
        let finite: FiniteKeyPlan
        enum Keys: String, CodingKey {
            case blockSize = "block_size", epsilonSec = "epsilon_sec", epsilonCor = "epsilon_cor", tailBound = "tail_bound"
            case intensities
            case probabilities = "intensity_probabilities", basisBias = "basis_bias", keyPerBlock = "key_bits_per_block"
            case pulses = "pulses_per_block", blockTime = "block_time_s", phaseError = "phase_error_rate", sifting
        }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(finite.blockSize, forKey: .blockSize)
            try container.encode(finite.epsilonSec, forKey: .epsilonSec)
            try container.encode(finite.epsilonCor, forKey: .epsilonCor)
            try container.encode(finite.tailBound.rawValue, forKey: .tailBound)
            try container.encode(finite.intensities, forKey: .intensities)
            try container.encode(finite.probabilities, forKey: .probabilities)
            try container.encode(finite.basisBias, forKey: .basisBias)
            try container.encode(finite.keyBitsPerBlock, forKey: .keyPerBlock)
            try container.encode(finite.pulsesPerBlock, forKey: .pulses)
            try container.encode(finite.blockTimeSeconds, forKey: .blockTime)
            try container.encode(finite.phaseErrorRate, forKey: .phaseError)
            try container.encode(finite.sifting.map(AssumptionEntry.init), forKey: .sifting)
        }
    }
}
