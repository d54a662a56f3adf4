import Foundation
import Testing

import QNetPhysics

/// `HeraldingRoundFloor` against the exact waiting time R·E[max_i G_i] it bounds (`RepeaterWaiting`; physics.md §4),
/// at every round length on a fine grid, not only at the steps: the floor from R must not exceed the time per pair of
/// any round of R or longer. The values are the formulas' own (success 1 − (1 − p)^k of Collins, Jenkins, Kuzmich,
/// Kennedy, PRL 98, 060502 (2007)), not printed in a paper.
@Suite("Repeaters: a floor under the time per pair of every longer round")
struct HeraldingRoundFloorTests {
    /// R·E[max of geometric(1 − (1 − p_i)^k_i)] with k_i = min(M, ⌊R/Δ_i⌋).
    static func exactSeconds(_ seconds: Double, p: [Double], spacings: [Double], modes: Int) -> Double {
        let success = zip(p, spacings).map { p, spacing in
            HeraldingRound.within(seconds, limit: .source, attemptSuccess: p, modes: modes, pulseSpacing: spacing).success
        }
        return seconds * RepeaterWaiting.expectedRounds(successProbabilities: success)
    }

    @Test("Below the exact waiting time of every longer round, and near it where the modes fill the round",
          arguments: [([0.05, 0.08], [0.7e-6, 1e-6], 20), ([0.001, 0.003, 0.0005], [1e-6, 1.2e-6, 1.5e-6], 200),
                      ([0.3, 0.01], [2e-6, 1e-6], 5), ([1e-4, 1e-4, 1e-4, 1e-4], [1e-6, 1e-6, 1e-6, 1e-6], 1000)])
    func belowEveryLongerRound(p: [Double], spacings: [Double], modes: Int) {
        let floorSeconds = spacings.max() ?? 0
        let top = Double(modes) * floorSeconds * 1.2
        let grid = stride(from: floorSeconds, through: top, by: (top - floorSeconds) / 3000).map { $0 }
        let times = grid.map { Self.exactSeconds($0, p: p, spacings: spacings, modes: modes) }
        let floor = HeraldingRoundFloor(attemptSuccesses: p, spacings: spacings, modes: modes,
                                        waiting: .exact(step: floorSeconds / 4, mostTerms: 2e6))
        var laterBest = Double.infinity
        for index in grid.indices.reversed() {
            laterBest = min(laterBest, times[index])
            #expect(floor.seconds(from: grid[index]) <= laterBest * (1 + 1e-12), "at \(grid[index]) s")
        }
        let any = HeraldingRoundFloor(attemptSuccesses: p, spacings: spacings, modes: modes)
        #expect(floor.seconds(from: floorSeconds) >= any.seconds(from: floorSeconds))
    }

    /// ρ(λ) = 1 − ln((e^λ − 1)/λ)/λ, the least mean rounding up of the last link's exponential excess.
    static func rounding(_ lambda: Double) -> Double { 1 - log(expm1(lambda) / lambda) / lambda }

    @Test("Equal links of p = 1e-4 with 1000 modes: the exact floor, I + R·ρ(aR) ≈ I + R/2, lies far above the slowest link's 1/p")
    func theExactFloorIsTheTighter() {
        let p = [1e-4, 1e-4, 1e-4, 1e-4], spacings = [1e-6, 1e-6, 1e-6, 1e-6]
        let exact = HeraldingRoundFloor(attemptSuccesses: p, spacings: spacings, modes: 1000,
                                        waiting: .exact(step: 0.25e-6, mostTerms: 2e7))
        let any = HeraldingRoundFloor(attemptSuccesses: p, spacings: spacings, modes: 1000)
        // I = H_4/a with a = −ln(1 − 1e-4)/1 us: 2.083 × 9.9995 ms; the slowest link alone about 1/a.
        let rate = -log1p(-1e-4) / 1e-6
        let expectedMax = (1 + 1.0 / 2 + 1.0 / 3 + 1.0 / 4) / rate
        let expected = expectedMax + 10e-6 * Self.rounding(rate * 10e-6)
        #expect(abs(exact.seconds(from: 10e-6) - expected) < 1e-8 * expected)
        #expect(abs(Self.rounding(rate * 10e-6) - 0.5) < 1e-3)
        #expect(any.seconds(from: 10e-6) < 1.01 / rate && exact.seconds(from: 10e-6) > 2 / rate)
    }

    /// Two groups of links (rates a and b, two links each): I = E[max of four exponential times] by inclusion–exclusion,
    /// 2/a + 2/b − 1/(2a) − 1/(2b) − 4/(a + b) + 2/(2a + b) + 2/(a + 2b) − 1/(2a + 2b); at 1 us the floor is I plus
    /// 1 us·ρ(b·1 us) (b the larger).
    @Test("I of unequal links by inclusion-exclusion over groups of equal rates")
    func expectedMaxOfUnequalLinks() {
        let p = [1e-3, 4e-3, 1e-3, 4e-3], spacings = [1e-6, 1e-6, 1e-6, 1e-6]
        let (a, b) = (-log1p(-1e-3) / 1e-6, -log1p(-4e-3) / 1e-6)
        let expectedMax = 2 / a + 2 / b - 1 / (2 * a) - 1 / (2 * b) - 4 / (a + b) + 2 / (2 * a + b) + 2 / (a + 2 * b)
            - 1 / (2 * a + 2 * b)
        let floor = HeraldingRoundFloor(attemptSuccesses: p, spacings: spacings, modes: 10, waiting: .exact(step: 1e-6, mostTerms: 2e6))
        let expected = expectedMax + 1e-6 * Self.rounding(b * 1e-6)
        #expect(abs(floor.seconds(from: 1e-6) - expected) < 1e-8 * expected)
    }

    /// ρ falls from 1/2 towards 0 as λ grows (the floor's rounding is least for the fastest link), while R·ρ(a·R) grows
    /// with R.
    @Test("ρ(λ) falls with λ; R·ρ(aR) grows with R")
    func roundingShape() {
        let lambdas = stride(from: 0.001, through: 25, by: 0.001).map { $0 }
        #expect(zip(lambdas, lambdas.dropFirst()).allSatisfy { Self.rounding($0) >= Self.rounding($1) })
        #expect(zip(lambdas, lambdas.dropFirst()).allSatisfy { $0 * Self.rounding($0) <= $1 * Self.rounding($1) })
        #expect(abs(Self.rounding(1e-4) - 0.5) < 1e-4 && Self.rounding(25) < 0.14)
    }

    /// Five links, 50 % swaps, a 2 ms cutoff: the floor (`NestedRepeaterChain.meanSecondsFloor`) lies below the
    /// nested model's mean in every round (short rounds, where the links rarely succeed, and long ones, where they
    /// succeed in most), with and without purification (one mode or many per round), and grows with each link's mean
    /// (Sangouard, Simon, de Riedmatten, Gisin, RMP 83, 33 (2011), as `deliver` generalises it).
    @Test("The nested model's floor: below its mean in every round, with and without purification, growing with each link")
    func nestedFloor() {
        let means = [1e-3, 4e-3, 2.5e-3, 0.7e-3, 6e-3]
        let nodes = (0...means.count).map { i in
            NestedRepeaterChain.Node(swapSuccess: 0.5, coherenceSeconds: i == 0 || i == means.count ? .infinity : 0.05,
                                     cutoffSeconds: i == 0 || i == means.count ? .infinity : 2e-3)
        }
        let floor = NestedRepeaterChain.meanSecondsFloor(linkSeconds: means, nodes: nodes)
        // Split 3 + 2, then 2 + 1 and 1 + 1: the halves' floors are 16 ms (the 4 ms link under two swaps; never ready
        // in less than 4 rounds) and 12 ms (the 6 ms link under one; 2 rounds), so in a round of at most 4 ms the later
        // of them waits at least 16 + 12 - 16·12/(28 - 4) = 20 ms, over the top swap's 50 %: 40 ms (the later half's
        // floor over the swap alone gave 32 ms).
        #expect(abs(floor - 40e-3) <= 1e-15)
        // One mode per round, or 100 modes whose successes per round are the same (the first purification round's two
        // copies then often come in one round).
        for round in [1e-6, 1e-5, 1e-4, 0.7e-3] {
            for modes in [1, 100] {
                let links = means.map { mean in
                    NestedRepeaterChain.Link(attemptSuccess: -expm1(log1p(-round / mean) / Double(modes)), modes: modes,
                                             pair: .werner(fidelity: 0.95))
                }
                for rounds in [0, 1, 2] {
                    let mean = NestedRepeaterChain.deliver(links: links, nodes: nodes, roundSeconds: round,
                                                           purificationRounds: rounds).meanSeconds
                    #expect(floor <= mean * (1 + 1e-12) && floor > 0, "round \(round), \(modes) modes, \(rounds) purification round(s)")
                }
            }
        }
        for i in means.indices {
            var slower = means
            slower[i] *= 1.01
            #expect(NestedRepeaterChain.meanSecondsFloor(linkSeconds: slower, nodes: nodes) >= floor)
        }
    }
}
