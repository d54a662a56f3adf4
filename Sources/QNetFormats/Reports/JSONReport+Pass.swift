import QNetPlanner

extension JSONReport {
    /// A satellite link's pass: geometry, duration, key per pass and per day, and the profile from culmination.
    struct PassEntry: Encodable {
        let pass: SatellitePassPlan
        enum Keys: String, CodingKey {
            case altitude = "altitude_m", maxElevation = "max_elevation_deg", minElevation = "min_elevation_deg"
            case duration = "duration_s", passesPerDay = "passes_per_day", keyPerPass = "key_per_pass_bits"
            case keyPerDay = "key_per_day_bits", passAverage = "pass_average_bps", dailyAverage = "daily_average_bps"
            case profile, noKeyReason = "no_key_reason", assumptions, finiteKey = "finite_key"
        }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(pass.altitude, forKey: .altitude)
            try container.encode(degrees(pass.maxElevation), forKey: .maxElevation)
            try container.encode(degrees(pass.minElevation), forKey: .minElevation)
            try container.encode(pass.durationSeconds, forKey: .duration)
            try container.encode(pass.passesPerDay, forKey: .passesPerDay)
            try container.encode(pass.keyPerPassBits, forKey: .keyPerPass)
            try container.encode(pass.keyPerDayBits, forKey: .keyPerDay)
            try container.encode(pass.passAverageBps, forKey: .passAverage)
            try container.encode(pass.dailyAverageBps, forKey: .dailyAverage)
            try container.encode(pass.profile.map(SampleEntry.init), forKey: .profile)
            try container.encode(pass.noKeyReason, forKey: .noKeyReason)
            try container.encode(pass.assumptions.map(AssumptionEntry.init), forKey: .assumptions)
            try container.encodeIfPresent(pass.finiteKey.map(PassFiniteKeyEntry.init), forKey: .finiteKey)
        }
    }

    /// The finite key of a pass (present only when the link has `finite_key:`): one block of the whole pass.
    struct PassFiniteKeyEntry: Encodable {
        let finite: PassFiniteKeyPlan
        enum Keys: String, CodingKey {
            case keyPerPass = "key_per_pass_bits", keyPerDay = "key_per_day_bits", passAverage = "pass_average_bps"
            case dailyAverage = "daily_average_bps", detections, keyBasisDetections = "key_basis_detections", qber
            case phaseError = "phase_error_rate", singlePhoton = "single_photon_events", epsilonSec = "epsilon_sec"
            case epsilonCor = "epsilon_cor", tailBound = "tail_bound", intensities, probabilities, basisBias = "basis_bias"
            case noKeyReason = "no_key_reason", sifting
        }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(finite.keyPerPassBits, forKey: .keyPerPass)
            try container.encode(finite.keyPerDayBits, forKey: .keyPerDay)
            try container.encode(finite.passAverageBps, forKey: .passAverage)
            try container.encode(finite.dailyAverageBps, forKey: .dailyAverage)
            try container.encode(finite.detections, forKey: .detections)
            try container.encode(finite.keyBasisDetections, forKey: .keyBasisDetections)
            try container.encode(finite.qber, forKey: .qber)
            try container.encode(finite.phaseErrorRate, forKey: .phaseError)
            try container.encode(finite.singlePhotonEvents, forKey: .singlePhoton)
            try container.encode(finite.epsilonSec, forKey: .epsilonSec)
            try container.encode(finite.epsilonCor, forKey: .epsilonCor)
            try container.encode(finite.tailBound.rawValue, forKey: .tailBound)
            try container.encode(finite.intensities, forKey: .intensities)
            try container.encode(finite.probabilities, forKey: .probabilities)
            try container.encode(finite.basisBias, forKey: .basisBias)
            try container.encode(finite.noKeyReason, forKey: .noKeyReason)
            try container.encode(finite.sifting.map(AssumptionEntry.init), forKey: .sifting)
        }
    }

    /// One moment of a pass.
    struct SampleEntry: Encodable {
        let sample: PassSample
        enum Keys: String, CodingKey {
            case time = "time_s", elevation = "elevation_deg", slantRange = "slant_range_m", lossDB = "loss_db", qber
            case keyRate = "key_rate_bps"
        }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(sample.timeSeconds, forKey: .time)
            try container.encode(degrees(sample.elevation), forKey: .elevation)
            try container.encode(sample.slantRange, forKey: .slantRange)
            try container.encode(sample.lossDB, forKey: .lossDB)
            try container.encode(sample.qber, forKey: .qber)
            try container.encode(sample.keyRateBps, forKey: .keyRate)
        }
    }

    /// Radians to degrees, as the reports write angles: to 1e-9 deg (3.6 µarcsec, far below any elevation a link
    /// budget resolves), so that a file's `19.8 deg`, held in radians, is written back 19.8, not 19.800000000000004 (QA).
    static func degrees(_ radians: Double) -> Double { (radians * 180 / .pi * 1e9).rounded() / 1e9 }
}
