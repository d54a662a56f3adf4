import Foundation
import Testing

@testable import QNetPhysics

/// Reproduces the project's cases in `Tests/validation/twin-field-cv.yaml` and `cv-qkd.yaml`: SNS and PM twin-field
/// QKD, GG02 CV-QKD.
@Suite("Validation cases (Tests/validation/twin-field-cv.yaml, cv-qkd.yaml)")
struct TwinFieldCVValidationTests {
    /// Model families this suite reproduces.
    static let families: Set<String> = ["qkd/tf-sns", "qkd/tf-pm", "qkd/cv-gg02"]

    static func rows(_ model: String) -> [CaseRow] { ValidationCases.rows(model: model) }

    /// The symmetric twin-field parameters of a row at zero distance (each arm = the detector efficiency).
    static func twinField(_ row: CaseRow) throws -> (TwinFieldParameters, attenuation: Double) {
        let efficiency = try row.number("detector_efficiency")
        let parameters = TwinFieldParameters(
            transmittanceA: efficiency, transmittanceB: efficiency,
            darkCountProbability: try row.number("dark_count_probability"), misalignment: try row.number("misalignment"),
            phaseSlices: Int(try row.number("phase_slices")), ecEfficiency: try row.number("ec_efficiency"))
        return (parameters, try row.number("attenuation_db_per_km"))
    }

    /// Checks `row`, as a known issue when the case records one.
    static func check(_ row: CaseRow, _ computed: [String: Double]) {
        if let issue = row.knownIssue {
            withKnownIssue("\(row.label): \(issue)") { row.check(computed) }
        } else {
            row.check(computed)
        }
    }

    @Test("SNS: maximal distance", arguments: rows("qkd/tf-sns"))
    func snsReach(_ row: CaseRow) throws {
        let (parameters, alpha) = try Self.twinField(row)
        let extra = SendingOrNotSending.toleratedExtraLoss(parameters, signalIntensity: nil, removableLossDB: 0) ?? 0
        Self.check(row, ["max_distance_km": extra / alpha])
    }

    /// The rows of `model` that expect `key`.
    static func rows(_ model: String, expecting key: String) -> [CaseRow] {
        rows(model).filter { $0.expected[key] != nil }
    }

    @Test("PM: maximal distance", arguments: rows("qkd/tf-pm", expecting: "max_distance_km"))
    func pmReach(_ row: CaseRow) throws {
        let (parameters, alpha) = try Self.twinField(row)
        let extra = PhaseMatching.toleratedExtraLoss(parameters, signalIntensity: nil, removableLossDB: 0) ?? 0
        Self.check(row, ["max_distance_km": extra / alpha])
    }

    @Test("PM: where the key overtakes the PLOB bound", arguments: rows("qkd/tf-pm", expecting: "plob_crossing_km"))
    func pmCrossing(_ row: CaseRow) throws {
        let (parameters, alpha) = try Self.twinField(row)
        let efficiency = parameters.transmittanceA
        // Key above PLOB of the whole channel (detector included, as in the paper's figure) at `km`.
        func beatsPLOB(_ km: Double) -> Bool {
            let key = PhaseMatching.optimise(parameters.withExtraLoss(alpha * km)).keyPerPulse
            return key > PLOBBound.bitsPerUse(transmittance: efficiency * Decibel.transmittance(loss: alpha * km))
        }
        // The first distance (5 km steps) where the key is above the bound; it falls below again just before
        // the key's end, so the crossing is searched between 50 km and that first point.
        let firstAbove = try #require(stride(from: 50.0, through: 1000, by: 5).first(where: beatsPLOB))
        try #require(!beatsPLOB(50))
        let crossing = Optimise.bisectBoundary(lower: firstAbove, upper: 50, tolerance: 0.01, beatsPLOB)
        Self.check(row, ["plob_crossing_km": crossing])
    }

    @Test("CV-QKD GG02", arguments: rows("qkd/cv-gg02"))
    func gg02(_ row: CaseRow) throws {
        let detection: CoherentDetection = row.text("detection") == "heterodyne" ? .heterodyne : .homodyne
        let result = GaussianModulatedCV.evaluate(GaussianModulatedCVParameters(
            modulationVariance: try row.number("modulation_variance"), transmittance: try row.number("transmittance"),
            excessNoise: try row.number("excess_noise"), detectorEfficiency: try row.number("detector_efficiency"),
            electronicNoise: try row.number("electronic_noise"),
            reconciliationEfficiency: try row.number("reconciliation_efficiency"), detection: detection))
        Self.check(row, ["key_per_symbol": result.keyPerSymbol, "has_key": result.keyPerSymbol > 0 ? 1 : 0,
                         "mutual_information": result.mutualInformation, "holevo_bound": result.holevoBound])
    }
}
