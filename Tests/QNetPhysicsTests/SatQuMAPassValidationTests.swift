import Foundation
import Testing

@testable import QNetPhysics

/// Finite key of a whole pass from a table of per-second link efficiencies, against SatQuMA's own runs (Sidhu et al.,
/// npj Quantum Inf. 8, 18 (2022)), from `Tests/validation/satquma-pass.yaml`.
@Suite("SatQuMA's passes from its loss table (Tests/validation/satquma-pass.yaml)")
struct SatQuMAPassValidationTests {
    /// Model families this suite reproduces.
    static let families: Set<String> = ["key/finite-key-pass-table"]

    /// The link efficiency of each one-second slot t = 0, 1, … of a table `t_s,link_efficiency` under `Tests/validation/`.
    static func linkEfficiencies(_ path: String) throws -> [Double] {
        let url = ValidationCases.projectFolderURL.appendingPathComponent(path)
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").filter { !$0.hasPrefix("#") }
        return try lines.dropFirst().enumerated().map { index, line in
            let fields = line.split(separator: ",")
            guard fields.count == 2, Int(fields[0]) == index, let efficiency = Double(fields[1]) else {
                throw CaseError.malformed("\(path): row \(index) is not '\(index),<efficiency>'")
            }
            return efficiency
        }
    }

    /// The slots t = −dt … dt of the row's symmetric table, each at the link efficiency × the excess loss.
    static func exposures(_ row: CaseRow) throws -> [FiniteKeyExposure] {
        guard let path = row.text("loss_table") else { throw CaseError.missingInput("loss_table", row.label) }
        let table = try linkEfficiencies(path)
        let halfWindow = Int(try row.number("half_window_s"))
        guard halfWindow < table.count else { throw CaseError.malformed("\(path) ends before t = \(halfWindow) s") }
        let excess = Decibel.transmittance(loss: try row.number("excess_loss_db"))
        let pulses = try row.number("pulses_per_slot")
        return (-halfWindow...halfWindow).map { FiniteKeyExposure(transmittance: table[abs($0)] * excess, pulses: pulses) }
    }

    /// The row's receiver: SatQuMA's DRate_j, (1 + Pap)(1 − (1 − 2 Pec) e^(−η μ)), is Lim et al.'s R_k with Y0 = 2 Pec,
    /// and its intrinsic QBER plays e_mis; `tail_bound` (SatQuMA's boundFunc) is Hoeffding's unless the case names one.
    static func parameters(_ row: CaseRow) throws -> FiniteKeyDecoyBB84Parameters {
        let bound = row.text("tail_bound") ?? FiniteKeyTailBound.hoeffding.rawValue
        guard let tailBound = FiniteKeyTailBound(rawValue: bound) else {
            throw CaseError.malformed("\(row.label): tail_bound '\(bound)' is not hoeffding or chernoff")
        }
        return FiniteKeyDecoyBB84Parameters(
            transmittance: 0, darkYield: 2 * (try row.number("extraneous_count_probability")),
            afterpulseProbability: try row.number("afterpulse_probability"),
            misalignment: try row.number("intrinsic_qber"), ecEfficiency: try row.number("ec_efficiency"), blockSize: 0,
            secrecy: .fixed(try row.number("epsilon_sec")), correctness: try row.number("epsilon_cor"), tailBound: tailBound)
    }

    @Test("Counts, bounds and key of a pass read from a loss table", arguments: ValidationCases.rows(model: "key/finite-key-pass-table"))
    func pass(_ row: CaseRow) throws {
        let settings = try PassFiniteKeyValidationTests.settings(row)
        let result = FiniteKeyDecoyBB84.evaluate(try Self.parameters(row), settings: settings, pass: try Self.exposures(row))
        let clicks = result.detectionsPerPulse * result.pulsesPerBlock
        let testBasis = (1 - settings.basisBias) * (1 - settings.basisBias)
        let computed = [
            "n_x": result.keyBasisDetectionsPerPulse * result.pulsesPerBlock, "n_z": testBasis * clicks,
            "qber_x": result.qber, "vacuum_x": result.vacuumEvents, "single_photon_x": result.singlePhotonEvents,
            "key_length_bits": result.keyLength,
        ]
        if let issue = row.knownIssue {
            withKnownIssue("\(row.label): \(issue)") { row.check(computed) }
        } else {
            row.check(computed)
        }
    }
}
