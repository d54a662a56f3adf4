import Foundation
import Testing

@testable import QNetPlanner
import QNetPhysics

/// `NestedRepeaterChain.meanSecondsFloor` (derived there: a join's later half waits at least E[max] of geometric halves
/// at the longest round their floors allow) against the nested model itself on random chains, in random rounds: the
/// proof's check by sampling, with the seeded `SplitMix64` of the planner's benchmarks.
@Suite("Repeater chains: the nested model's floor on random chains")
struct NestedFloorSamplingTests {
    /// Random chains of 1-9 links whose mean times per pair span four decades, in rounds from 10^-4 of the fastest
    /// link's mean up to all of it (where that link succeeds in every round), with 1-1000 modes, swaps of 5-100 %,
    /// cutoffs of 0-10 rounds or none, memories of half a round to 1000 rounds or perfect, 0-2 purification rounds.
    @Test("200,000 random chains: the floor never above the model's mean")
    func floorHoldsOnRandomChains() {
        var random = SplitMix64(seed: 2007)
        var tightest = 0.0
        for _ in 0..<200_000 {
            let count = 1 + Int(random.unit() * 9)
            let means = (0..<count).map { _ in pow(10, -4 * random.unit()) }
            let fastest = means.min() ?? 1
            // A quarter of the rounds are the fastest link's whole mean: it then succeeds in every round.
            let round = random.unit() < 0.25 ? fastest : fastest * pow(10, -4 * random.unit())
            let modes = [1, 2, 10, 100, 1000][Int(random.unit() * 5)]
            let links = means.map { mean in
                NestedRepeaterChain.Link(attemptSuccess: -expm1(log1p(-min(1, round / mean)) / Double(modes)), modes: modes,
                                         pair: .werner(fidelity: 0.6 + 0.4 * random.unit()))
            }
            let nodes = (0...count).map { _ in
                let cutoff = [0.5, 1.5, 2.5, 3.5, 10.5, .infinity][Int(random.unit() * 6)]
                return NestedRepeaterChain.Node(swapSuccess: random.unit() < 0.2 ? 1 : 0.05 + 0.95 * random.unit(),
                                                coherenceSeconds: random.unit() < 0.2 ? .infinity : round * pow(10, 3.3 * random.unit() - 0.3),
                                                cutoffSeconds: cutoff * round)
            }
            let purification = Int(random.unit() * 3)
            let linkSeconds = links.map { round / $0.successPerRound }
            let floor = NestedRepeaterChain.meanSecondsFloor(linkSeconds: linkSeconds, nodes: nodes)
            let mean = NestedRepeaterChain.deliver(links: links, nodes: nodes, roundSeconds: round,
                                                   purificationRounds: purification).meanSeconds
            #expect(floor <= mean * (1 + 1e-12), "floor \(floor) above the mean \(mean): \(means), round \(round), \(nodes)")
            if mean.isFinite { tightest = max(tightest, floor / mean) }
        }
        // Some chain comes close: the floor is not far below the model everywhere.
        #expect(tightest > 0.9, "closest floor/mean \(tightest)")
    }
}
