import Foundation
import QNetModel
import QNetPhysics
import Testing

@testable import QNetPlanner

/// A repeater chain whose heralding stations' detector clicks in the dark: the QA report's 2 × 5 km chain, planned with
/// dark-count probabilities per gate from negligible to overwhelming.
@Suite("Repeater chains with detector dark counts")
struct RepeaterDarkCountTests {
    /// A —Q1 5 km— R —Q2 5 km— B through repeater R (memory `mem`, 90 %, 1 s), every node and link on detector `noisy`
    /// (90 %, `probability` dark counts per gate); the demand allows no trusted node.
    static func chain(darkCountProbability probability: Double) -> Topology {
        var repeater = Fixtures.node("R", .repeater)
        repeater.memory = "mem"
        var nodes = [Fixtures.node("A"), repeater, Fixtures.node("B")]
        for index in nodes.indices { nodes[index].detector = "noisy" }
        var links = [Fixtures.fiber("Q1", "A", "R", km: 5, protocol: .entanglement),
                     Fixtures.fiber("Q2", "R", "B", km: 5, protocol: .entanglement)]
        for index in links.indices { links[index].detector = "noisy" }
        var topology = Fixtures.topology(nodes: nodes, links: links, demands: [Fixtures.demand("A", "B", maxTrusted: 0)])
        var noisy = Detector(name: "noisy")
        noisy.efficiency = Quantity(90, .percent)
        noisy.darkCountProbability = Quantity(probability, .fraction)
        topology.equipment.detectors.append(noisy)
        var memory = QuantumMemory(name: "mem")
        memory.efficiency = Quantity(90, .percent)
        memory.coherenceTime = Quantity(1, .second)
        topology.equipment.memories = [memory]
        return topology
    }

    private func plan(_ probability: Double) throws -> (SegmentPlan, RepeaterChainPlan) {
        let segment = try #require(Planner().plan(Self.chain(darkCountProbability: probability)).segments.first)
        return (segment, try #require(segment.repeater))
    }

    @Test("1e-9 dark counts per gate leave the chain as a detector without any; 0.2 and 0.9 per gate take its key")
    func darkCountsReachTheChain() throws {
        let (dark, _) = try plan(0)
        let (quiet, quietChain) = try plan(1e-9)
        #expect(quiet.keyRateBps > 0 && abs(quiet.keyRateBps - dark.keyRateBps) <= 1e-6 * dark.keyRateBps)
        let quietFidelity = try #require(quiet.fidelity)
        for probability in [0.2, 0.9] {
            let (noisy, noisyChain) = try plan(probability)
            #expect(noisy.keyRateBps == 0)
            #expect(try #require(noisy.fidelity) < quietFidelity - 0.2)
            #expect(noisy.noKeyReason?.contains("BBM92 secret fraction") == true)
            #expect(noisyChain.beatsTrustedChainAtMeters.isEmpty && noisyChain.beatsPLOBAtMeters.isEmpty)
        }
        // At 0.1 per detector false heralds outnumber the true ones spoiled: attempts succeed more often, with worse
        // pairs. At 0.45 per detector a window seldom stays silent and the herald pattern itself fails more often.
        let (_, someDark) = try plan(0.2), (_, mostlyDark) = try plan(0.9)
        #expect(someDark.attemptSuccess[0] > quietChain.attemptSuccess[0] && mostlyDark.attemptSuccess[0] < quietChain.attemptSuccess[0])
    }

    @Test("the chain's assumptions name the dark counts per detector, the key they come from and the paper")
    func assumptionNamesTheDarkCounts() throws {
        let (_, chain) = try plan(0.2)
        let line = try #require(chain.assumptions.first { $0.name == "detector dark counts" })
        #expect(line.value.hasPrefix("p_d = 0.1 per detector per window: the station detector's 0.2 dark and stray-light counts per window over its 2 detectors (2 link(s))"))
        #expect(line.basis.contains("equipment.detectors.noisy.dark_count_probability"))
        #expect(line.basis.contains("Dhara, Englund, Guha, Phys. Rev. Research 5, 033149 (2023)"))
        let fidelity = try #require(chain.assumptions.first { $0.name == "elementary fidelity" })
        #expect(fidelity.value.contains("F0 = (1 - 2 e_d) F_h + e_d/2 = 0.718, F_h = 0.727 the two-click fidelity with false heralds from dark counts"))
    }

    @Test("the elementary pair is the heralding model's at the station's per-detector dark-count probability")
    func elementaryPairIsThePhysicsModels() throws {
        let topology = Self.chain(darkCountProbability: 0.2)
        let outcome = try #require(Planner().plan(topology).links.first)
        let detector = try #require(outcome.detector)
        let (_, chain) = try plan(0.2)
        // End A measures at once (η_mem = 1); R's memory is 90 %. Each photon crosses half the link.
        let half = outcome.transmittance.squareRoot() * detector.detectorEfficiency * detector.windowFraction
        let opticalError = PlanningDefaults.misalignment.value + detector.interSymbolFraction / 2
        let pair = EntanglementHeralding.twoClick(arrivalA: half, arrivalB: 0.9 * half, opticalError: opticalError,
                                                  darkCountProbability: 0.1)
        #expect(abs(chain.attemptSuccess[0] - pair.successProbability) <= 1e-12)
        #expect(abs(chain.elementaryFidelity[0] - pair.state.fidelity) <= 1e-12)
    }
}
