import Foundation
import Testing

@testable import QNetPhysics

/// Finite key of a whole satellite pass (Lim et al. 2014 bounds on counts summed over the pass, as Sidhu et al. 2022)
/// against Liao et al.'s Micius pass, from `Tests/validation/satellite-pass.yaml`.
@Suite("Finite key per satellite pass (Tests/validation/satellite-pass.yaml)")
struct PassFiniteKeyValidationTests {
    /// Model families this suite reproduces.
    static let families: Set<String> = ["key/finite-key-pass"]
    /// Simpson panels over the half pass (the planner uses 32; the test's loss curve is smooth either way).
    static let intervals = 256

    /// A row's fixed intensities, their probabilities and the basis bias.
    static func settings(_ row: CaseRow) throws -> FiniteKeyDecoySettings {
        FiniteKeyDecoySettings(signal: try row.number("signal_intensity"), decoy: try row.number("decoy_intensity"),
                               secondDecoy: try row.number("second_decoy_intensity"),
                               signalProbability: try row.number("signal_probability"),
                               decoyProbability: try row.number("decoy_probability"), basisBias: try row.number("basis_bias"))
    }

    /// The case's pass: exposures at the loss curve whose level `offsetDB` sets, its settings and parameters.
    struct MiciusPass {
        let row: CaseRow
        let geometry: SatellitePassGeometry
        let times: [Double]
        let weights: [Double]
        /// Loss at each time relative to culmination: 20 log10(d/d_min) + B (airmass - airmass at culmination), dB.
        let shapeDB: [Double]

        init(_ row: CaseRow) throws {
            self.row = row
            geometry = try SatellitePassTests.geometry(row)
            times = geometry.halfPassTimes(intervals: PassFiniteKeyValidationTests.intervals)
            weights = geometry.halfPassWeights(count: times.count)
            let g = geometry
            let closest = g.slantRange(at: 0), farthest = g.slantRange(at: g.halfDuration)
            let highest = Atmosphere.airmass(elevation: g.maxElevation), lowest = Atmosphere.airmass(elevation: g.minElevation)
            let spanDB = Decibel.loss(transmittance: 1 / (try row.number("sifted_rate_ratio")))
            let perAirmass = (spanDB - 20 * log10(farthest / closest)) / (lowest - highest)
            shapeDB = times.map { t in
                20 * log10(g.slantRange(at: t) / closest) + perAirmass * (Atmosphere.airmass(elevation: g.elevation(at: t)) - highest)
            }
        }

        func settings() throws -> FiniteKeyDecoySettings { try PassFiniteKeyValidationTests.settings(row) }

        func parameters(epsilonSec: Double? = nil) throws -> FiniteKeyDecoyBB84Parameters {
            FiniteKeyDecoyBB84Parameters(
                transmittance: 0, darkYield: try row.number("dark_counts_per_window"), afterpulseProbability: 0,
                misalignment: try row.number("misalignment"), ecEfficiency: try row.number("ec_efficiency"), blockSize: 0,
                secrecy: .fixed(try epsilonSec ?? row.number("epsilon_sec")), correctness: try row.number("epsilon_cor"))
        }

        func exposures(offsetDB: Double) throws -> [FiniteKeyExposure] {
            let efficiency = try row.number("detector_efficiency"), rate = try row.number("repetition_rate_hz")
            return zip(shapeDB, weights).map { shape, seconds in
                FiniteKeyExposure(transmittance: efficiency * Decibel.transmittance(loss: offsetDB + shape), pulses: rate * seconds)
            }
        }

        /// The loss at culmination at which the pass collects the case's printed number of detections.
        func calibratedOffsetDB() throws -> Double {
            let target = try row.number("detections"), p = try parameters(), s = try settings()
            var (low, high) = (0.0, 80.0)
            for _ in 0..<60 {
                let middle = (low + high) / 2
                let result = FiniteKeyDecoyBB84.evaluate(p, settings: s, pass: try exposures(offsetDB: middle))
                if result.detectionsPerPulse * result.pulsesPerBlock > target { low = middle } else { high = middle }
            }
            return (low + high) / 2
        }
    }

    @Test("Key of a whole pass from its summed counts", arguments: ValidationCases.rows(model: "key/finite-key-pass"))
    func keyPerPass(_ row: CaseRow) throws {
        let pass = try MiciusPass(row)
        let offset = try pass.calibratedOffsetDB()
        let result = FiniteKeyDecoyBB84.evaluate(try pass.parameters(), settings: try pass.settings(),
                                                 pass: try pass.exposures(offsetDB: offset))
        // The calibration and the chosen e_mis the case's source describes: 3,551,136 detections, E_X = 1.1 %.
        #expect(abs(result.detectionsPerPulse * result.pulsesPerBlock / (try row.number("detections")) - 1) < 1e-6)
        #expect(abs(result.qber - 0.011) < 5e-4)
        #expect(abs(pass.geometry.duration - 276.5) < 0.1)
        let computed = ["key_per_pass_bits": result.keyLength]
        if let issue = row.knownIssue {
            withKnownIssue("\(row.label): \(issue)") { row.check(computed) }
        } else {
            row.check(computed)
        }
    }

    @Test("The known issue's figures: X-basis key 171 kbit; with the Z basis's key too, 339 kbit")
    func bothBases() throws {
        let row = try #require(ValidationCases.rows(model: "key/finite-key-pass").first)
        let pass = try MiciusPass(row)
        let exposures = try pass.exposures(offsetDB: try pass.calibratedOffsetDB())
        let single = FiniteKeyDecoyBB84.evaluate(try pass.parameters(), settings: try pass.settings(), pass: exposures)
        // At q_X = 0.5 the two bases see the same counts, so the Z basis's key (roles swapped) equals the X basis's
        // at the same eps_sec; each gets half of it.
        let half = FiniteKeyDecoyBB84.evaluate(try pass.parameters(epsilonSec: try row.number("epsilon_sec") / 2),
                                               settings: try pass.settings(), pass: exposures)
        // Regression pins of the figures the known issue quotes (not validation): 1 % is the rounding of 171 and
        // 339 kbit as quoted; the key-basis count (a quarter of the calibrated 3,551,136 detections) to 1e-3.
        #expect(abs(single.keyLength / 171_000 - 1) < 0.01)
        #expect(abs(2 * half.keyLength / 339_000 - 1) < 0.01)
        #expect(abs(single.keyBasisDetectionsPerPulse * single.pulsesPerBlock / 887_784 - 1) < 1e-3)
    }
}
