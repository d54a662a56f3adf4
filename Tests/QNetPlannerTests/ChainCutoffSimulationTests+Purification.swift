import Foundation
import Testing

@testable import QNetPlanner
import QNetPhysics

/// Checks the first purification round of `NestedRepeaterChain` (two copies of an elementary pair from one link's
/// modes, `GeometricRace.init(copiesOf:cutoffRounds:)`) against a round-by-round simulation of the protocol it models.
/// Derived checks, no published number: DEJMPS is Deutsch et al., PRL 77, 2818 (1996), the multiplexed link Collins,
/// Jenkins, Kuzmich, Kennedy, PRL 98, 060502 (2007); the timing of the two copies is derived here, and exact, so the
/// model must agree with the simulation within its statistical error.
extension ChainCutoffSimulationTests {
    /// One link's first purification round in whole rounds: each of M modes is heralded with p per round; a round with
    /// two heralds or more purifies two of its pairs at once (the rest are dropped); a lone pair is stored until a
    /// later round brings one, and purified with the first pair of that round after decaying by e^(−R/T) per round of
    /// its wait w; a stored pair that has waited K rounds is discarded; a failed DEJMPS round starts again from
    /// nothing.
    private struct PurificationProtocol {
        let attempt: Double, modes: Int, cutoffRounds: Int, keptPerRound: Double, pair: BellDiagonalState
        var random = SplitMix64(seed: 1996)

        init(attempt: Double, modes: Int, cutoffRounds: Int, keptPerRound: Double, pair: BellDiagonalState) {
            (self.attempt, self.modes, self.cutoffRounds) = (attempt, modes, cutoffRounds)
            (self.keptPerRound, self.pair) = (keptPerRound, pair)
        }

        /// What the simulated pairs averaged, each figure with its standard error.
        struct Averages {
            var rounds: (mean: Double, error: Double)
            var fidelity: (mean: Double, error: Double)
            /// Of the attempts (first pairs from nothing stored), the share that reached a DEJMPS round.
            var survival: (mean: Double, error: Double)
            /// Mean wait of the stored pair over the DEJMPS rounds tried (0 for two pairs of one round).
            var wait: (mean: Double, error: Double)
        }

        /// Heralded modes of a round, counted up to 2 (the gaps between heralded modes are geometric with p).
        mutating func heralds() -> Int {
            var mode = 0, count = 0
            while count < 2 {
                mode += attempt >= 1 ? 1 : 1 + Int(log(1 - random.unit()) / log1p(-attempt))
                guard mode <= modes else { break }
                count += 1
            }
            return count
        }

        /// Averages over `samples` purified pairs.
        mutating func run(samples: Int) -> Averages {
            var rounds = Tally(), fidelity = Tally(), survival = Tally(), wait = Tally()
            for _ in 0..<samples {
                var round = 0
                var stored: Int?
                while true {
                    round += 1
                    if let since = stored, round - since > cutoffRounds {
                        survival.add(0)
                        stored = nil
                    }
                    let count = heralds()
                    let first: BellDiagonalState
                    if let since = stored {
                        guard count >= 1 else { continue }
                        first = pair.depolarised(keeping: pow(keptPerRound, Double(round - since)))
                        wait.add(Double(round - since))
                        stored = nil
                    } else {
                        if count == 1 { stored = round }
                        guard count >= 2 else { continue }
                        first = pair
                        wait.add(0)
                    }
                    survival.add(1)
                    let outcome = DEJMPS.round(first, pair)
                    if random.unit() < outcome.successProbability {
                        rounds.add(Double(round))
                        fidelity.add(outcome.state.fidelity)
                        break
                    }
                }
            }
            return Averages(rounds: rounds.result, fidelity: fidelity.result, survival: survival.result,
                            wait: wait.result)
        }
    }

    /// A running mean and its standard error.
    private struct Tally {
        var count = 0.0, sum = 0.0, squares = 0.0

        mutating func add(_ x: Double) { (count, sum, squares) = (count + 1, sum + x, squares + x * x) }

        var result: (mean: Double, error: Double) {
            let mean = sum / count
            return (mean, (max(0, squares / count - mean * mean) / count).squareRoot())
        }
    }

    /// One mode (no two pairs in a round, which two independent links would bring); many modes of small p (Poisson
    /// heralds); cutoffs of 0-3 rounds; memories of 3-10 rounds' coherence and a perfect one.
    @Test("The first purification round from one link's modes: time, fidelity, survival, wait within simulated errors",
          arguments: [(0.3, 1, Int.max, Double.infinity), (0.05, 1, 2, 5.0), (0.001, 1000, Int.max, 10.0),
                      (0.0005, 400, 1, 3.0), (0.01037, 100, 3, 4.0), (0.02, 20, 0, Double.infinity)])
    func firstPurificationRound(attempt: Double, modes: Int, cutoff: Int, coherence: Double) {
        let pair = BellDiagonalState(a: 0.85, b: 0.05, c: 0.06, d: 0.04)
        var simulation = PurificationProtocol(attempt: attempt, modes: modes, cutoffRounds: cutoff,
                                              keptPerRound: exp(-1 / coherence), pair: pair)
        let simulated = simulation.run(samples: 40_000)
        let node = NestedRepeaterChain.Node(swapSuccess: 1, coherenceSeconds: coherence,
                                            cutoffSeconds: cutoff == Int.max ? .infinity : Double(cutoff))
        let link = NestedRepeaterChain.Link(attemptSuccess: attempt, modes: modes, pair: pair)
        let model = NestedRepeaterChain.deliver(links: [link], nodes: [node, node], roundSeconds: 1,
                                                purificationRounds: 1)
        // Four standard errors (a fixed seed: the same draws each run), and rounding where a figure never varies.
        func agrees(_ modelled: Double, _ simulated: (mean: Double, error: Double)) -> Bool {
            abs(modelled - simulated.mean) <= 4 * simulated.error + 1e-9
        }
        #expect(agrees(model.meanSeconds, simulated.rounds),
                "time: model \(model.meanSeconds), simulated \(simulated.rounds)")
        #expect(agrees(model.state.fidelity, simulated.fidelity),
                "fidelity: model \(model.state.fidelity), simulated \(simulated.fidelity)")
        #expect(agrees(model.cutoffSurvival, simulated.survival),
                "survival: model \(model.cutoffSurvival), simulated \(simulated.survival)")
        #expect(agrees(model.longestWaitSeconds, simulated.wait),
                "wait: model \(model.longestWaitSeconds), simulated \(simulated.wait)")
    }
}
