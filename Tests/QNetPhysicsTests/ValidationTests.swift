import Foundation
import Testing

@testable import QNetPhysics

/// Reproduces every case of `../shared/validation/cases.yaml`, one parameterised test per model family.
///
/// Cases whose model starts with `network/` (e.g. `trusted-diamond-max-flow`)
/// belong to the planner's tests and are skipped here.
@Suite("Validation cases (shared/validation/cases.yaml)")
struct ValidationTests {
    /// Model families this suite reproduces.
    static let families = Set([
        "bound/plob", "qkd/bb84-decoy", "detector/dead-time", "detector/window",
        "channel/satellite-geometry", "channel/fiber-dispersion", "channel/pointing",
        "repeater/swap-fidelity", "repeater/secret-fraction", "repeater/memory-decoherence",
        "repeater/waiting-time",
    ]).union(RepeaterChainValidationTests.families).union(TwinFieldCVValidationTests.families)
        .union(SatellitePassTests.families).union(BBM92MDIValidationTests.families)
        .union(FiniteKeyValidationTests.families).union(PassFiniteKeyValidationTests.families)
        .union(SatQuMAPassValidationTests.families)

    @Test("every case file loads, every physics case has a test family and every family has cases")
    func casesFileLoads() throws {
        let rows = try ValidationCases.load()
        #expect(!rows.isEmpty, "no cases in \(ValidationCases.fileURL.path)")
        for row in rows where !row.model.hasPrefix("network/") {
            #expect(Self.families.contains(row.model), "\(row.label): model '\(row.model)' has no physics test")
            #expect(row.source != "no source given", "\(row.label): names no source")
        }
        for family in Self.families {
            #expect(rows.contains { $0.model == family }, "family \(family) has no case: its tests would pass without running")
        }
    }

    @Test("PLOB bound", arguments: ValidationCases.rows(model: "bound/plob"))
    func plob(_ row: CaseRow) throws {
        let eta = try row.number("transmittance")
        let bits = PLOBBound.bitsPerUse(transmittance: eta)
        // Per unit transmittance: the high-loss slope their abstract prints (1.44 eta).
        row.check(["bits_per_use": bits, "bits_per_use_per_transmittance": bits / eta])
    }

    @Test("Decoy-state BB84", arguments: ValidationCases.rows(model: "qkd/bb84-decoy"))
    func decoyBB84(_ row: CaseRow) throws {
        let alpha = try row.number("attenuation_db_per_km")
        let etaBob = try row.number("receiver_efficiency")
        let decoy: DecoyMethod
        switch row.text("decoy") {
        case "infinite": decoy = .infinite
        case "vacuum+weak": decoy = .vacuumWeak(decoyIntensity: try row.number("decoy_intensity"))
        default:
            Issue.record("\(row.label): unknown decoy method")
            return
        }
        var parameters = DecoyBB84Parameters(
            transmittance: etaBob,
            darkYield: try row.number("dark_yield"),
            misalignment: try row.number("misalignment"),
            ecEfficiency: try row.number("ec_efficiency"),
            siftingFactor: try row.number("sifting_factor"),
            decoy: decoy)
        // "auto" (or absent) means the optimiser chooses mu.
        let fixedMu = row.optionalNumber("signal_intensity")
        var computed: [String: Double] = [:]
        if let lengthKm = row.optionalNumber("length_km") {
            parameters.transmittance = Decibel.transmittance(loss: alpha * lengthKm) * etaBob
            let result = fixedMu.map { DecoyBB84.evaluate(parameters, signalIntensity: $0) }
                ?? DecoyBB84.optimise(parameters)
            computed["key_per_pulse"] = result.keyPerPulse
            computed["gain"] = result.gain
            computed["qber"] = result.qber
            computed["optimal_signal_intensity"] = result.signalIntensity
        } else {
            computed["max_distance_km"] = DecoyBB84.maxDistance(
                parameters, attenuationDBPerKm: alpha, receiverEfficiency: etaBob, signalIntensity: fixedMu) / 1000
        }
        row.check(computed)
    }

    @Test("Detector dead time", arguments: ValidationCases.rows(model: "detector/dead-time"))
    func deadTime(_ row: CaseRow) throws {
        let rate = try row.number("true_rate_hz")
        let tau = try row.number("dead_time_s")
        let model: DeadTimeModel = row.flag("paralysable") ? .paralysable : .nonParalysable
        row.check([
            "efficiency_factor": DeadTime.efficiencyFactor(trueRate: rate, deadTime: tau, model: model),
            "observed_rate_hz": DeadTime.observedRate(trueRate: rate, deadTime: tau, model: model),
        ])
    }

    @Test("Detection window fraction", arguments: ValidationCases.rows(model: "detector/window"))
    func window(_ row: CaseRow) throws {
        let fraction = Timing.windowFraction(
            window: try row.number("window_s"), sigma: try row.number("jitter_sigma_s"))
        row.check(["fraction": fraction])
    }

    @Test("Satellite geometry", arguments: ValidationCases.rows(model: "channel/satellite-geometry"))
    func satelliteGeometry(_ row: CaseRow) throws {
        let altitude = try row.number("altitude_km") * 1000
        var computed: [String: Double] = [:]
        if let elevationDeg = row.optionalNumber("elevation_deg") {
            computed["slant_range_km"] = SatelliteGeometry.slantRange(
                altitude: altitude, elevation: elevationDeg * .pi / 180) / 1000
        }
        if let rangeKm = row.optionalNumber("slant_range_km") {
            computed["elevation_deg"] = SatelliteGeometry.elevation(
                altitude: altitude, slantRange: rangeKm * 1000) * 180 / .pi
        }
        row.check(computed)
    }

    @Test("Fibre dispersion in the timing budget", arguments: ValidationCases.rows(model: "channel/fiber-dispersion"))
    func dispersion(_ row: CaseRow) throws {
        // ps/(nm km) -> s/m^2 is 1e-12 / (1e-9 * 1e3) = 1e-6.
        let spread = Fiber.dispersionSpread(
            dispersion: try row.number("dispersion_ps_per_nm_km") * 1e-6,
            length: try row.number("length_km") * 1000,
            linewidth: try row.number("linewidth_nm") * 1e-9)
        let detector = try row.number("detector_jitter_fwhm_ps") * 1e-12
        let totalFWHM = Timing.totalSigma(fwhms: [spread, detector]) * Timing.fwhmPerSigma
        row.check(["dispersion_spread_ps": spread * 1e12, "total_fwhm_ps": totalFWHM * 1e12])
    }

    @Test("Pointing jitter", arguments: ValidationCases.rows(model: "channel/pointing"))
    func pointing(_ row: CaseRow) throws {
        // A beam of 1/e^2 half-angle theta has radius theta * L in the far field.
        let divergence = 10e-6
        let distance = 1_000_000.0
        let jitter = try row.number("jitter_over_divergence") * divergence
        row.check([
            "transmittance": GaussianBeam.pointingTransmittance(
                jitter: jitter, distance: distance, beamRadius: divergence * distance)
        ])
    }

    @Test("Werner swap fidelity", arguments: ValidationCases.rows(model: "repeater/swap-fidelity"))
    func swapFidelity(_ row: CaseRow) throws {
        if let links = row.optionalNumber("links") {
            let fidelity = Werner.chain(elementaryFidelity: try row.number("elementary_fidelity"), links: Int(links))
            row.check(["fidelity": fidelity])
        } else {
            row.check(["fidelity": Werner.swap(try row.number("fidelity_a"), try row.number("fidelity_b"))])
        }
    }

    @Test("BBM92 secret fraction of a Werner state", arguments: ValidationCases.rows(model: "repeater/secret-fraction"))
    func secretFraction(_ row: CaseRow) throws {
        row.check(["secret_fraction": Werner.bbm92SecretFraction(fidelity: try row.number("fidelity"))])
    }

    @Test("Memory decoherence", arguments: ValidationCases.rows(model: "repeater/memory-decoherence"))
    func memory(_ row: CaseRow) throws {
        let fidelity = Werner.decohere(
            fidelity: try row.number("fidelity"), storage: try row.number("storage_s"),
            coherenceTime: try row.number("coherence_time_s"))
        row.check(["fidelity": fidelity])
    }

    @Test("Repeater waiting time", arguments: ValidationCases.rows(model: "repeater/waiting-time"))
    func waitingTime(_ row: CaseRow) throws {
        // The model covers deterministic swaps only.
        #expect(row.optionalNumber("swap_success") ?? 1 == 1, "\(row.label): probabilistic swaps are not modelled")
        let links = Int(try row.number("links"))
        let p = try row.number("attempt_success")
        row.check(["mean_attempts": RepeaterWaiting.expectedRounds(successProbabilities: Array(repeating: p, count: links))])
    }
}
