import Foundation
import Testing

@testable import QNetPhysics

/// Reproduces the project's cases in `Tests/validation/bbm92-mdi.yaml`: BBM92 with a PDC source, MDI-QKD.
@Suite("Validation cases (Tests/validation/bbm92-mdi.yaml)")
struct BBM92MDIValidationTests {
    /// Model families this suite reproduces.
    static let families: Set<String> = ["qkd/bbm92", "qkd/mdi"]

    static func rows(_ model: String) -> [CaseRow] { ValidationCases.rows(model: model) }

    /// Largest loss, dB, searched for where a key vanishes.
    static let searchLossDB = 200.0

    /// The largest loss (dB) at which `hasKey` still holds, to 1e-6 dB; 0 when there is no key without loss.
    static func lossLimit(_ hasKey: (Double) -> Bool) -> Double {
        guard hasKey(0) else { return 0 }
        return Optimise.bisectBoundary(lower: 0, upper: searchLossDB, tolerance: 1e-6, hasKey)
    }

    // MARK: BBM92

    /// The BBM92 parameters of a row as a function of the channel loss (dB): split evenly between the arms
    /// (`geometry: middle`) or all on arm B (`end`, the source beside receiver A).
    static func bbm92(_ row: CaseRow) throws -> (Double) -> BBM92Parameters {
        let middle = row.text("geometry") != "end"
        let (efficiencyA, efficiencyB) = (try row.number("efficiency_a"), try row.number("efficiency_b"))
        let dark = try row.number("dark_yield")
        let (misalignment, ec, sifting) = (try row.number("misalignment"), try row.number("ec_efficiency"),
                                           try row.number("sifting_factor"))
        return { loss in
            BBM92Parameters(
                transmittanceA: efficiencyA * Decibel.transmittance(loss: middle ? loss / 2 : 0),
                transmittanceB: efficiencyB * Decibel.transmittance(loss: middle ? loss / 2 : loss),
                darkYieldA: dark, darkYieldB: dark, misalignment: misalignment, ecEfficiency: ec, siftingFactor: sifting)
        }
    }

    /// Infinite-decoy BB84 with the detection of a BBM92 row's receiver B, as a function of the channel loss (dB):
    /// the coherent-state QKD that Ma, Fung and Lo compare the PDC source with.
    static func decoyWithSameDetection(_ row: CaseRow) throws -> (Double) -> DecoyBB84Parameters {
        let (efficiency, dark) = (try row.number("efficiency_b"), try row.number("dark_yield"))
        let (misalignment, ec, sifting) = (try row.number("misalignment"), try row.number("ec_efficiency"),
                                           try row.number("sifting_factor"))
        return { loss in
            DecoyBB84Parameters(transmittance: efficiency * Decibel.transmittance(loss: loss), darkYield: dark,
                                misalignment: misalignment, ecEfficiency: ec, siftingFactor: sifting, decoy: .infinite)
        }
    }

    @Test("BBM92 with a PDC source", arguments: rows("qkd/bbm92"))
    func bbm92Case(_ row: CaseRow) throws {
        let parameters = try Self.bbm92(row)
        let decoy = row.flag("compare_with_decoy") ? try Self.decoyWithSameDetection(row) : nil
        var computed: [String: Double] = [:]
        if let loss = row.optionalNumber("total_loss_db") {
            let result = row.optionalNumber("mean_pair_number").map { BBM92.evaluate(parameters(loss), meanPairNumber: $0) }
                ?? BBM92.optimise(parameters(loss))
            computed = ["gain": result.gain, "qber": result.qber, "key_per_pulse": result.keyPerPulse,
                        "optimal_mean_pair_number": result.meanPairNumber]
            if let decoy {
                computed["decoy_key_is_higher"] = DecoyBB84.optimise(decoy(loss)).keyPerPulse > result.keyPerPulse ? 1 : 0
            }
        } else {
            let limit = Self.lossLimit { BBM92.optimise(parameters($0)).keyPerPulse > 0 }
            computed["max_total_loss_db"] = limit
            if let alpha = row.optionalNumber("attenuation_db_per_km") { computed["max_distance_km"] = limit / alpha }
            if let decoy {
                let decoyLimit = Self.lossLimit { DecoyBB84.optimise(decoy($0)).keyPerPulse > 0 }
                computed["tolerates_more_loss_than_decoy"] = limit > decoyLimit ? 1 : 0
            }
        }
        row.check(computed)
    }

    // MARK: MDI-QKD

    /// The MDI parameters of a row with arm transmittances η_a, η_b.
    static func mdi(_ row: CaseRow) throws -> (Double, Double) -> MDIParameters {
        let dark = try row.number("dark_count_per_detector")
        let (misalignment, ec, sifting) = (try row.number("misalignment"), try row.number("ec_efficiency"),
                                           try row.number("sifting_factor"))
        return { etaA, etaB in
            MDIParameters(transmittanceA: etaA, transmittanceB: etaB, darkCountProbability: dark,
                          misalignment: misalignment, ecEfficiency: ec, siftingFactor: sifting)
        }
    }

    @Test("MDI-QKD, infinite decoys", arguments: rows("qkd/mdi"))
    func mdiCase(_ row: CaseRow) throws {
        let parameters = try Self.mdi(row)
        var computed: [String: Double] = [:]
        if let muA = row.optionalNumber("intensity_a") {
            let result = MDIQKD.evaluate(parameters(try row.number("transmittance_a"), try row.number("transmittance_b")),
                                         intensityA: muA, intensityB: try row.number("intensity_b"))
            computed = ["y11": result.singlePhotonYield, "e11": result.singlePhotonError, "qber": result.qber]
        } else {
            // The relay in the middle of the fiber: each arm carries half the loss.
            let (efficiency, alpha) = (try row.number("efficiency"), try row.number("attenuation_db_per_km"))
            func result(lossDB: Double) -> MDIResult {
                let arm = efficiency * Decibel.transmittance(loss: lossDB / 2)
                return MDIQKD.optimise(parameters(arm, arm))
            }
            if let length = row.optionalNumber("length_km") {
                let best = result(lossDB: alpha * length)
                computed = ["key_per_pulse": best.keyPerPulse, "optimal_intensity": best.intensityA,
                            "has_key": best.keyPerPulse > 0 ? 1 : 0]
            } else {
                computed["max_distance_km"] = Self.lossLimit { result(lossDB: $0).keyPerPulse > 0 } / alpha
            }
        }
        row.check(computed)
    }
}
