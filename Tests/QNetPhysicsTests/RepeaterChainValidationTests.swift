import Foundation
import Testing

@testable import QNetPhysics

/// Reproduces the repeater-chain cases of `Tests/validation/repeaters.yaml`, and the shared Werner
/// cases of `../shared/validation/cases.yaml` through the Bell-diagonal model that replaces them in the planner.
@Suite("Validation cases: repeater chains (Tests/validation/repeaters.yaml)")
struct RepeaterChainValidationTests {
    /// Model families this suite reproduces.
    static let families: Set<String> = [
        "repeater/key-threshold", "repeater/dejmps", "repeater/single-click", "repeater/two-click",
        "repeater/multiplexing", "repeater/nested-chain-time", "repeater/dejmps-threshold",
        "repeater/direct-transmission", "repeater/two-click-dark", "repeater/single-click-dark",
    ]

    @Test("QBER threshold of the secret fraction on Werner states", arguments: ValidationCases.rows(model: "repeater/key-threshold"))
    func threshold(_ row: CaseRow) throws {
        let fraction: (BellDiagonalState) -> Double
        switch row.text("protocol") {
        case "bbm92": fraction = EntanglementKeyFraction.bbm92
        case "six-state": fraction = EntanglementKeyFraction.sixState
        default:
            Issue.record("\(row.label): unknown protocol")
            return
        }
        // Werner state of QBER e: F = 1 - 3e/2. Bisect the last e with a positive fraction.
        var (low, high) = (0.01, 0.3)
        for _ in 0..<60 {
            let middle = (low + high) / 2
            if fraction(.werner(fidelity: 1 - 1.5 * middle)) > 0 { low = middle } else { high = middle }
        }
        row.check(["threshold_qber": (low + high) / 2])
    }

    @Test("DEJMPS purification of Werner pairs", arguments: ValidationCases.rows(model: "repeater/dejmps"))
    func dejmps(_ row: CaseRow) throws {
        let outcome = DEJMPS.iterate(.werner(fidelity: try row.number("fidelity")), rounds: Int(try row.number("rounds")))
        row.check(["fidelity": outcome.state.fidelity, "success_probability": outcome.successProbability])
    }

    @Test("Lowest Werner fidelity that DEJMPS purifies towards 1", arguments: ValidationCases.rows(model: "repeater/dejmps-threshold"))
    func dejmpsThreshold(_ row: CaseRow) throws {
        let rounds = Int(try row.number("rounds"))
        // Bisect the input fidelity between one that the rounds drive to the fully mixed state and one they purify.
        var (low, high) = (0.3, 0.9)
        for _ in 0..<60 {
            let middle = (low + high) / 2
            if DEJMPS.iterate(.werner(fidelity: middle), rounds: rounds).state.fidelity > 0.9 { high = middle } else { low = middle }
        }
        row.check(["threshold_fidelity": (low + high) / 2])
    }

    @Test("Direct transmission through fibre, the benchmark repeaters must beat", arguments: ValidationCases.rows(model: "repeater/direct-transmission"))
    func directTransmission(_ row: CaseRow) throws {
        let loss = Fiber.lossDB(length: try row.number("length_km") * 1000, attenuationDBPerKm: try row.number("attenuation_db_per_km"))
        let arrivalsPerSecond = try row.number("source_rate_hz") * Decibel.transmittance(loss: loss)
        row.check(["seconds_between_arrivals": 1 / arrivalsPerSecond])
    }

    @Test("Single-click heralding", arguments: ValidationCases.rows(model: "repeater/single-click"))
    func singleClick(_ row: CaseRow) throws {
        let eta = try row.number("arrival")
        let pair = EntanglementHeralding.singleClick(arrivalA: eta, arrivalB: eta,
                                                     brightStatePopulation: try row.number("bright_state_population"),
                                                     opticalError: 0)
        row.check(["success_probability": pair.successProbability, "fidelity": pair.state.fidelity])
    }

    @Test("Two-click heralding", arguments: ValidationCases.rows(model: "repeater/two-click"))
    func twoClick(_ row: CaseRow) throws {
        let eta = try row.number("arrival")
        let pair = EntanglementHeralding.twoClick(arrivalA: eta, arrivalB: eta, opticalError: try row.number("optical_error"))
        row.check(["success_probability": pair.successProbability, "fidelity": pair.state.fidelity])
    }

    @Test("Two-click heralding with dark counts (Dhara, Englund, Guha 2023, Eqs. (C7)-(C9))",
          arguments: ValidationCases.rows(model: "repeater/two-click-dark"))
    func twoClickDark(_ row: CaseRow) throws {
        let pair = EntanglementHeralding.twoClick(arrivalA: try row.number("arrival_a"), arrivalB: try row.number("arrival_b"),
                                                  opticalError: 0, darkCountProbability: try row.number("dark_count_probability"))
        row.check(["success_probability": pair.successProbability, "fidelity": pair.state.fidelity])
    }

    /// The paper's single-rail swap counts photons; the planner's threshold detectors also herald the bunched pair
    /// (½ α² η_A η_B (1 − p_d)², a product state), which is taken out of the product heralds before comparing.
    @Test("Single-click heralding with dark counts (Dhara, Englund, Guha 2023, single-rail swap)",
          arguments: ValidationCases.rows(model: "repeater/single-click-dark"))
    func singleClickDark(_ row: CaseRow) throws {
        let (etaA, etaB) = (try row.number("arrival_a"), try row.number("arrival_b"))
        let (alpha, p) = (try row.number("bright_state_population"), try row.number("dark_count_probability"))
        let heralds = HeraldingDarkCounts.singleClick(arrivalA: etaA, arrivalB: etaB, brightStatePopulation: alpha, darkCountProbability: p)
        let bunched = 0.5 * alpha * alpha * etaA * etaB * (1 - p) * (1 - p)
        let oneEmitter = heralds.coherent + heralds.lostPhoton
        row.check(["zz": heralds.product - bunched - oneEmitter, "one_emitter_heralds": oneEmitter,
                   "target_weight": heralds.coherent + heralds.lostPhoton / 2])
    }

    @Test("Multiplexed heralding", arguments: ValidationCases.rows(model: "repeater/multiplexing"))
    func multiplexing(_ row: CaseRow) throws {
        let p = EntanglementHeralding.multiplexed(try row.number("attempt_success"), modes: Int(try row.number("modes")))
        row.check(["success_per_round": p])
    }

    /// Sangouard et al.'s (3/2)^n is the limit of small success per round (their waiting time for two links,
    /// 3/(2·P0) rounds, is that of exponential waits); the model's geometric halves give E[max] = 2/q − 1/(2q − q²)
    /// rounds, 3/(2q)·(1 − q/6 + …). So the model is evaluated at the case's mean time per elementary pair,
    /// L0/(c·P0), with rounds `limitScale` times shorter and successes as many times smaller, where the formula holds.
    @Test("Nested chain time, no cutoff: Sangouard et al.'s (3/2)^n formula in its small-success limit", arguments: ValidationCases.rows(model: "repeater/nested-chain-time"))
    func nestedChainTime(_ row: CaseRow) throws {
        let levels = Int(try row.number("nesting_levels"))
        let count = 1 << levels
        let elementaryKm = try row.number("total_length_km") / Double(count)
        let efficiency = try row.number("memory_efficiency") * row.number("detector_efficiency")
        let transmittance = Decibel.transmittance(loss: try row.number("attenuation_db_per_km") * elementaryKm)
        let arrival = efficiency * transmittance.squareRoot()
        let pair = EntanglementHeralding.twoClick(arrivalA: arrival, arrivalB: arrival, opticalError: 0)
        let limitScale = 1e-4
        let link = NestedRepeaterChain.Link(attemptSuccess: pair.successProbability * limitScale, modes: 1, pair: pair.state)
        let node = NestedRepeaterChain.Node(swapSuccess: efficiency * efficiency / 2, coherenceSeconds: .infinity,
                                            cutoffSeconds: .infinity)
        let delivery = NestedRepeaterChain.deliver(links: Array(repeating: link, count: count),
                                                   nodes: Array(repeating: node, count: count + 1),
                                                   roundSeconds: elementaryKm / (try row.number("light_speed_km_per_s")) * limitScale)
        row.check(["mean_time_s": delivery.meanSeconds])
    }

    // MARK: Shared Werner cases through the Bell-diagonal model

    @Test("Shared swap cases through BellDiagonalState.swapped", arguments: ValidationCases.rows(model: "repeater/swap-fidelity"))
    func bellDiagonalSwap(_ row: CaseRow) throws {
        if let links = row.optionalNumber("links") {
            let link = BellDiagonalState.werner(fidelity: try row.number("elementary_fidelity"))
            let chain = (1..<Int(links)).reduce(link) { state, _ in state.swapped(with: link) }
            row.check(["fidelity": chain.fidelity])
        } else {
            let a = BellDiagonalState.werner(fidelity: try row.number("fidelity_a"))
            row.check(["fidelity": a.swapped(with: .werner(fidelity: try row.number("fidelity_b"))).fidelity])
        }
    }

    @Test("Shared secret-fraction cases through EntanglementKeyFraction.bbm92", arguments: ValidationCases.rows(model: "repeater/secret-fraction"))
    func bellDiagonalKey(_ row: CaseRow) throws {
        row.check(["secret_fraction": EntanglementKeyFraction.bbm92(.werner(fidelity: try row.number("fidelity")))])
    }

    @Test("Shared memory cases through BellDiagonalState.depolarised", arguments: ValidationCases.rows(model: "repeater/memory-decoherence"))
    func bellDiagonalMemory(_ row: CaseRow) throws {
        let keep = exp(-(try row.number("storage_s")) / (try row.number("coherence_time_s")))
        row.check(["fidelity": BellDiagonalState.werner(fidelity: try row.number("fidelity")).depolarised(keeping: keep).fidelity])
    }
}
