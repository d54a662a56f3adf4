import Foundation
import Testing

@testable import QNetPhysics

/// Reproduces the project's cases in `Tests/validation/finite-key-decoy-bb84.yaml`: Lim, Curty, Walenta, Xu,
/// Zbinden, PRA 89, 022307 (2014), their Sec. IV fibre system.
@Suite("Validation cases (Tests/validation/finite-key-decoy-bb84.yaml)")
struct FiniteKeyValidationTests {
    /// Model families this suite reproduces.
    static let families: Set<String> = ["qkd/finite-key-decoy-bb84"]

    /// The parameters of a row at `lengthKm` of fibre and block size `blockSize`.
    ///
    /// η_sys = 10^(−α·L/10)·η_Bob; the receiver's background Y0 is both detectors' dark counts, 2·p_dc.
    static func parameters(_ row: CaseRow, lengthKm: Double, blockSize: Double) throws -> FiniteKeyDecoyBB84Parameters {
        let secrecy: SecrecyParameter = try row.optionalNumber("secrecy_per_key_bit").map { .perKeyBit($0) }
            ?? .fixed(try row.number("epsilon_sec"))
        return FiniteKeyDecoyBB84Parameters(
            transmittance: Decibel.transmittance(loss: try row.number("attenuation_db_per_km") * lengthKm)
                * (try row.number("receiver_efficiency")),
            darkYield: 2 * (try row.number("dark_count_probability")),
            afterpulseProbability: try row.number("afterpulse_probability"),
            misalignment: try row.number("misalignment"), ecEfficiency: try row.number("ec_efficiency"),
            blockSize: blockSize, secrecy: secrecy, correctness: try row.number("epsilon_cor"))
    }

    /// The row's fixed μ1, μ2, q_X (absent: optimised) and μ3.
    static func choices(_ row: CaseRow) throws -> FiniteKeyDecoyChoices {
        FiniteKeyDecoyChoices(
            signalIntensity: row.optionalNumber("signal_intensity"), decoyIntensity: row.optionalNumber("decoy_intensity"),
            secondDecoyIntensity: try row.number("second_decoy_intensity"), basisBias: row.optionalNumber("basis_bias"))
    }

    @Test("Finite-key decoy BB84 (Lim et al. 2014)", arguments: ValidationCases.rows(model: "qkd/finite-key-decoy-bb84"))
    func finiteKey(_ row: CaseRow) throws {
        let blockSize = try row.number("block_size")
        let choices = try Self.choices(row)
        guard let length = row.optionalNumber("length_km") else {
            // Longest fibre: the threshold system transmittance, less the receiver's efficiency, over alpha.
            let threshold = FiniteKeyDecoyBB84.thresholdTransmittance(
                try Self.parameters(row, lengthKm: 0, blockSize: blockSize), choices: choices)
            let reach = (Decibel.loss(transmittance: try #require(threshold))
                - Decibel.loss(transmittance: try row.number("receiver_efficiency"))) / (try row.number("attenuation_db_per_km"))
            row.check(["max_distance_km": reach])
            return
        }
        let parameters = try Self.parameters(row, lengthKm: length, blockSize: blockSize)
        var computed: [String: Double] = [:]
        if let signalProbability = row.optionalNumber("signal_probability") {
            let settings = FiniteKeyDecoySettings(
                signal: try #require(choices.signalIntensity), decoy: try #require(choices.decoyIntensity),
                secondDecoy: choices.secondDecoyIntensity, signalProbability: signalProbability,
                decoyProbability: try row.number("decoy_probability"), basisBias: try #require(choices.basisBias))
            let result = FiniteKeyDecoyBB84.evaluate(parameters, settings: settings)
            computed = ["pulses_per_block": result.pulsesPerBlock, "qber": result.qber,
                        "vacuum_events": result.vacuumEvents, "single_photon_events": result.singlePhotonEvents,
                        "phase_error_rate": result.phaseErrorRate, "key_length": result.keyLength]
        } else {
            let result = FiniteKeyDecoyBB84.optimise(parameters, choices: choices)
            computed["key_per_pulse"] = result.keyPerPulse
            if let reference = row.optionalNumber("reference_block_size") {
                let base = FiniteKeyDecoyBB84.optimise(
                    try Self.parameters(row, lengthKm: length, blockSize: reference), choices: choices)
                computed["key_rate_ratio"] = result.keyPerPulse / base.keyPerPulse
            }
        }
        row.check(computed)
    }
}
