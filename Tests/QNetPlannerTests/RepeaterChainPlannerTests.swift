import Foundation
import QNetModel
import QNetPhysics
import Testing

@testable import QNetPlanner

/// The repeater-chain planner on small chains: heralding, cutoff, purification and the distance table.
@Suite("Repeater chain planner")
struct RepeaterChainPlannerTests {
    let planner = Planner()

    /// A chain A – R1 … R(n−1) – B of `count` fiber links of `km` each, through repeaters with memory `mem`.
    private func makeChain(count: Int, km: Double, heralding: Heralding? = nil, alpha: Tunable? = nil, coherence: Double = 1,
                       configure: (inout Node) -> Void = { _ in }) -> Topology {
        var nodes = [Fixtures.node("A")]
        for i in 1..<count {
            var repeater = Fixtures.node("R\(i)", .repeater)
            repeater.memory = "mem"
            configure(&repeater)
            nodes.append(repeater)
        }
        nodes.append(Fixtures.node("B"))
        let links = (0..<count).map { i in
            var link = Fixtures.fiber("Q\(i)", nodes[i].id.rawValue, nodes[i + 1].id.rawValue, km: km, protocol: .entanglement)
            link.heralding = heralding
            link.brightStatePopulation = alpha
            return link
        }
        var topology = Fixtures.topology(nodes: nodes, links: links)
        var memory = QuantumMemory(name: "mem")
        memory.efficiency = Quantity(90, .percent)
        memory.coherenceTime = Quantity(coherence, .second)
        memory.modes = 10
        topology.equipment.memories = [memory]
        return topology
    }

    private func repeater(_ topology: Topology) throws -> (SegmentPlan, RepeaterChainPlan) {
        let segment = try #require(planner.plan(topology).segments.first)
        return (segment, try #require(segment.repeater))
    }

    @Test("single-click with α auto: the planner's α beats a fixed α on either side; the fixed one is named by its key")
    func singleClickAlpha() throws {
        let (segment, chain) = try repeater(makeChain(count: 2, km: 50, heralding: .singleClick))
        let alpha = try #require(chain.brightStatePopulation)
        #expect(segment.keyRateBps > 0 && alpha > 0 && alpha <= 0.5)
        #expect(chain.heralding == ["single-click", "single-click"])
        for other in [alpha / 3, min(0.5, alpha * 3)] {
            let (fixed, fixedChain) = try repeater(makeChain(count: 2, km: 50, heralding: .singleClick, alpha: .fixed(other)))
            #expect(fixed.keyRateBps <= segment.keyRateBps * (1 + 1e-9))
            #expect(fixedChain.assumptions.contains { $0.basis.contains("links[0].bright_state_population") })
        }
        // Single-click trades fidelity for rate: F of each elementary pair is about 1 − α − 3/2·e_d.
        #expect(abs(chain.elementaryFidelity[0] - (1 - alpha) * (1 - 1.5 * 0.01)) < 0.01)
    }

    @Test("multiplexing: success per round is 1 − (1 − p)^M with the memories' modes")
    func multiplexing() throws {
        let (_, chain) = try repeater(makeChain(count: 2, km: 50))
        #expect(chain.modes == 10)
        let p = chain.attemptSuccess[0]
        #expect(abs(chain.successPerRound[0] - (1 - pow(1 - p, 10))) < 1e-12)
    }

    @Test("a cutoff buys fidelity with time; one far below the mean wait keeps few pairs")
    func cutoff() throws {
        let (plain, plainChain) = try repeater(makeChain(count: 4, km: 50, coherence: 0.05))
        let (cut, cutChain) = try repeater(makeChain(count: 4, km: 50, coherence: 0.05) { $0.cutoffTime = Quantity(2, .millisecond) })
        #expect(cutChain.cutoffSeconds == 2e-3 && cutChain.cutoffSurvival < 1)
        #expect(try #require(cut.fidelity) > #require(plain.fidelity))
        #expect(cutChain.meanTimeSeconds > plainChain.meanTimeSeconds)
        // A cutoff under one round (1 us; rounds of 250 us, 50 km at 2e5 km/s) swaps only pairs ready in the same
        // round: few at the top join, whose halves are each ready in about one round in eight here.
        let (tight, tightChain) = try repeater(makeChain(count: 4, km: 50, coherence: 0.05) { $0.cutoffTime = Quantity(1, .microsecond) })
        #expect(tight.keyRateBps < 0.05 * cut.keyRateBps && tightChain.cutoffSurvival < 0.05 * cutChain.cutoffSurvival)
        #expect(tightChain.assumptions.first { $0.name == "cutoff" }?.value == "1 us (under 1 round)")
    }

    @Test("purification: DEJMPS rounds raise the delivered fidelity; naming dejmps without rounds means one round")
    func purification() throws {
        let (plain, _) = try repeater(makeChain(count: 2, km: 25))
        let (once, onceChain) = try repeater(makeChain(count: 2, km: 25) { $0.purification = .dejmps })
        let (twice, twiceChain) = try repeater(makeChain(count: 2, km: 25) { $0.purification = .dejmps; $0.purificationRounds = 2 })
        #expect(onceChain.purificationRounds == 1 && twiceChain.purificationRounds == 2)
        #expect(try #require(once.fidelity) > #require(plain.fidelity))
        #expect(try #require(twice.fidelity) > #require(once.fidelity))
        #expect(twiceChain.assumptions.contains { $0.basis.contains("nodes[1].purification_rounds") })
    }

    @Test("the distance table holds the chain's own length with its plan's figures, and the PLOB bound of each length")
    func distanceTable() throws {
        let topology = makeChain(count: 4, km: 50)
        let (segment, chain) = try repeater(topology)
        let lengths = chain.sweep.map(\.lengthMeters)
        #expect(lengths == lengths.sorted() && lengths.contains(200e3) && lengths.contains(1000e3))
        let own = try #require(chain.sweep.first { $0.isPlanned })
        #expect(own.lengthMeters == 200e3)
        #expect(abs(own.keyRateBps - segment.keyRateBps) <= 1e-12 * segment.keyRateBps)
        let ownBound = try #require(own.plobBoundBps), segmentBound = try #require(segment.plobBoundBps)
        #expect(abs(ownBound - segmentBound) <= 1e-9 * segmentBound)
        for point in chain.sweep {
            let eta = pow(10, -0.02 * point.lengthMeters / 1000)
            let bound = try #require(point.plobBoundBps)
            #expect(abs(bound - PLOBBound.bitsPerUse(transmittance: eta) * 1e9) <= 1e-9 * bound)
            #expect(point.trustedChainBps >= 0 && point.fidelity >= 0.25 - 1e-12)
        }
        #expect(chain.beatsPLOBAtMeters == chain.sweep.filter { point in point.plobBoundBps.map { point.keyRateBps > max(0, $0) } ?? false }.map(\.lengthMeters))
    }

    @Test("the memories' efficiency and coherence time are shown with their keys, or the built-in default when a repeater names none")
    func memoryFiguresAreTraced() throws {
        let (_, named) = try repeater(makeChain(count: 2, km: 20))
        let efficiency = try #require(named.assumptions.first { $0.name == "memory efficiency" })
        #expect(efficiency.value == "90 % at R1" && efficiency.basis.hasPrefix("equipment.memories.mem.efficiency"))
        let coherence = try #require(named.assumptions.first { $0.name == "memory coherence time" })
        #expect(coherence.value == "1 s at R1" && coherence.basis.hasPrefix("equipment.memories.mem.coherence_time"))
        // The QA tester's A~R~B: R names no memory, so the 50 % default halves the attempt success
        // p = 1/2 eta_A eta_B (eta_A = sqrt(eta_link) eta_d at the end, eta_B = eta_mem sqrt(eta_link) eta_d at R).
        var bare = makeChain(count: 2, km: 20)
        bare.nodes[1].memory = nil
        let (_, chain) = try repeater(bare)
        let shown = try #require(chain.assumptions.first { $0.name == "memory efficiency" })
        #expect(shown.value == "50 % at R1" && shown.basis.hasPrefix(PlanningDefaults.memoryEfficiency.basis))
        #expect(chain.assumptions.first { $0.name == "memory coherence time" }?.basis.hasPrefix(PlanningDefaults.memoryCoherenceTime.basis) == true)
        let station = try #require(chain.assumptions.first { $0.name == "station detection" })
        #expect(station.value.contains("= 80 %") && station.basis.hasPrefix(PlanningDefaults.defaultDetector.efficiency.basis))
        let eta = pow(10, -0.4)  // 20 km at 0.2 dB/km
        #expect(abs(chain.attemptSuccess[0] - 0.5 * eta * 0.8 * 0.8 * 0.5) < 1e-4)
    }

    @Test("repeaters that swap or cut off differently are each shown, after the chain's lowest figure")
    func perRepeaterFigures() throws {
        var topology = makeChain(count: 3, km: 20)
        topology.nodes[1].swapSuccess = Quantity(75, .percent)
        topology.nodes[2].swapSuccess = Quantity(50, .percent)
        topology.nodes[1].cutoffTime = Quantity(20, .millisecond)
        let (_, chain) = try repeater(topology)
        let swap = try #require(chain.assumptions.first { $0.name == "swap success" })
        #expect(swap.value == "50 % lowest; 75 % at R1; 50 % at R2")
        #expect(swap.basis.contains("nodes[1].swap_success") && swap.basis.contains("nodes[2].swap_success"))
        let cutoff = try #require(chain.assumptions.first { $0.name == "cutoff" })
        // Rounds of 100 us (20 km at 2e5 km/s): the cutoff lets a ready pair wait 200 of them.
        #expect(cutoff.value == "20 ms (200 rounds) lowest; 20 ms (200 rounds) at R1; none at R2")
        #expect(chain.cutoffSeconds == 0.02 && chain.lowestCutoffRepeaters == ["R1"])
        // Purification: the chain purifies every pair with the most rounds a repeater names (QA: R1's 0 went unsaid).
        topology.nodes[1].purification = .dejmps
        topology.nodes[1].purificationRounds = 0
        topology.nodes[2].purification = .dejmps
        let (_, purified) = try repeater(topology)
        let purification = try #require(purified.assumptions.first { $0.name == "purification" })
        #expect(purification.value == "DEJMPS, 1 round(s) on each elementary pair (the most named); 0 round(s) at R1; 1 round(s) at R2",
                "\(purification.value)")
        #expect(purification.basis.hasSuffix("the chain purifies every pair with the most rounds any repeater names"))
        // Equal figures keep the one-value line.
        let (_, same) = try repeater(makeChain(count: 3, km: 20))
        #expect(same.assumptions.first { $0.name == "swap success" }?.value == "50 %")
        #expect(same.lowestCutoffRepeaters.isEmpty)
    }

    @Test("a one-link chain stores nothing: its memory lines say so")
    func oneLinkChainHasNoMemories() throws {
        let (_, chain) = try repeater(makeChain(count: 1, km: 20))
        #expect(chain.assumptions.first { $0.name == "memory efficiency" }?.value == "none (no repeater)")
    }

    /// QA: a single link between two key holders was given rounds of its communication time L/c, as if a memory had
    /// to wait for the herald; its ends measure at once, so it tries a pulse every spacing (one mode per round).
    @Test("a one-link chain tries a pulse every spacing, not every communication time")
    func oneLinkChainIsNotHeldByTheHerald() throws {
        let (segment, chain) = try repeater(makeChain(count: 1, km: 25))
        #expect(chain.roundSeconds < 25e3 / 2e8 / 10, "round \(chain.roundSeconds) s")
        let round = try #require(chain.assumptions.first { $0.name == "round" })
        #expect(round.value.contains("the ends measure at once, so no memory waits the 125 us communication time over 25 km for the herald"))
        // Two such links through a repeater wait for the herald: the single link beats them by far.
        let (twoSegment, twoChain) = try repeater(makeChain(count: 2, km: 12.5))
        #expect(abs(twoChain.roundSeconds - 12.5e3 / 2e8) < 1e-12 && segment.keyRateBps > 10 * twoSegment.keyRateBps)
    }

    @Test("a repeater memory of 0 % efficiency is named as the reason, not the fidelity its dark-count heralds give")
    func deadMemoryIsTheReason() throws {
        var topology = makeChain(count: 2, km: 25)
        topology.equipment.memories[0].efficiency = Quantity(0, .percent)
        let (segment, _) = try repeater(topology)
        #expect(segment.keyRateBps == 0)
        #expect(segment.noKeyReason?.hasPrefix("the memory at R1 releases no photon (efficiency 0 %, equipment.memories.mem.efficiency)") == true,
                "\(segment.noKeyReason ?? "nil")")
    }

    @Test("every figure stays finite and non-negative for lossless, hopeless and zero-efficiency chains")
    func edgeInputs() throws {
        for km in [0.0, 5000.0] {
            let plan = planner.plan(makeChain(count: 2, km: km, heralding: .singleClick))
            #expect(Fixtures.nonFiniteFields(plan).isEmpty)
            let chain = try #require(plan.segments.first?.repeater)
            #expect(chain.sweep.allSatisfy { $0.keyRateBps.isFinite && $0.keyRateBps >= 0 && $0.fidelity.isFinite })
        }
    }
}
