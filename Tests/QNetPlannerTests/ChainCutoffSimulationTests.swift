import Foundation
import Testing

@testable import QNetPlanner
import QNetPhysics

/// Checks `NestedRepeaterChain`'s closed forms for a cutoff against a simulation (here for the seeded
/// `SplitMix64` of the planner's benchmarks).
@Suite("Repeater chains: cutoff closed forms against a simulation")
struct ChainCutoffSimulationTests {
    /// Simulates one join of two pairs made after exponential waits of mean `mean` (the model's
    /// assumption): a stored pair older than `cutoff` is discarded and its link starts again; when both are
    /// there the swap succeeds with `swap`, else both start again. Returns the mean time to a successful
    /// swap and the mean of e^(−age/T) of the pair that waited.
    private func simulateJoin(mean: Double, cutoff: Double, swap: Double, coherence: Double, samples: Int)
        -> (time: Double, keep: Double) {
        var random = SplitMix64(seed: 2011)
        func exponential() -> Double { -mean * log(1 - random.unit()) }
        var totalTime = 0.0, totalKeep = 0.0
        for _ in 0..<samples {
            var time = 0.0
            while true {
                let (a, b) = (exponential(), exponential())
                let (first, gap) = (min(a, b), abs(a - b))
                if gap > cutoff {
                    time += first + cutoff  // the first pair is dropped; the other link is memoryless
                    continue
                }
                time += first + gap
                if random.unit() < swap {
                    totalTime += time
                    totalKeep += exp(-gap / coherence)
                    break
                }
            }
        }
        return (totalTime / Double(samples), totalKeep / Double(samples))
    }

    @Test("Cutoff at one join: the model's closed forms against a simulation of its own protocol")
    func cutoffAgainstSimulation() {
        // Derived check (no published number): the closed forms for the mean time and the mean memory decay
        // with a cutoff must agree with a direct simulation of exponential waits within its statistical
        // error (about 0.5 % for 40,000 samples).
        let mean = 100.0, cutoff = 50.0, swap = 0.5, coherence = 80.0
        let simulated = simulateJoin(mean: mean, cutoff: cutoff, swap: swap, coherence: coherence, samples: 40_000)
        let perfect = BellDiagonalState.werner(fidelity: 1)
        let link = NestedRepeaterChain.Link(successPerRound: 0.01, roundSeconds: 1, pair: perfect)
        let end = NestedRepeaterChain.Node(swapSuccess: 1, coherenceSeconds: .infinity, cutoffSeconds: .infinity)
        let middle = NestedRepeaterChain.Node(swapSuccess: swap, coherenceSeconds: coherence, cutoffSeconds: cutoff)
        let model = NestedRepeaterChain.deliver(links: [link, link], nodes: [end, middle, end])
        #expect(abs(model.meanSeconds / simulated.time - 1) < 0.02, "model \(model.meanSeconds), simulated \(simulated.time)")
        // The delivered fidelity is 1/4 + 3/4·(mean keep) for a perfect pair.
        let modelKeep = (model.state.fidelity - 0.25) / 0.75
        #expect(abs(modelKeep - simulated.keep) < 0.01, "model keep \(modelKeep), simulated \(simulated.keep)")
        // The cutoff costs time but buys fidelity against the same join without it.
        let uncut = NestedRepeaterChain.deliver(links: [link, link], nodes: [
            end, NestedRepeaterChain.Node(swapSuccess: swap, coherenceSeconds: coherence, cutoffSeconds: .infinity), end])
        #expect(model.meanSeconds > uncut.meanSeconds && model.state.fidelity > uncut.state.fidelity)
    }
}
