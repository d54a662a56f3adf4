import Foundation
import Testing

import QNetPhysics

@Suite("Repeater chains: Bell-diagonal pairs, heralding, purification, cutoff")
struct RepeaterChainTests {
    @Test("Swapping Bell-diagonal pairs: errors multiply; depolarising either input depolarises the output")
    func swapAlgebra() {
        let bitFlip = BellDiagonalState(a: 0, b: 0, c: 1, d: 0)
        let phaseFlip = BellDiagonalState(a: 0, b: 0, c: 0, d: 1)
        #expect(bitFlip.swapped(with: phaseFlip).b == 1)  // X·Z = Y
        let x = BellDiagonalState(a: 0.8, b: 0.02, c: 0.1, d: 0.08)
        let y = BellDiagonalState(a: 0.9, b: 0.05, c: 0.0, d: 0.05)
        let left = x.depolarised(keeping: 0.7).swapped(with: y)
        let right = x.swapped(with: y).depolarised(keeping: 0.7)
        #expect(abs(left.a - right.a) < 1e-15 && abs(left.c - right.c) < 1e-15)
        #expect(abs(x.bitErrorRate - 0.12) < 1e-15 && abs(x.phaseErrorRate - 0.10) < 1e-15)
    }

    @Test("DEJMPS: the first round on a Werner pair equals BBPSSW's; it converges from any F > 1/2, not from F < 1/2")
    func dejmpsConvergence() {
        // BBPSSW, Bennett et al., PRL 76, 722 (1996): F' = (F² + ((1−F)/3)²) / (F² + 2F(1−F)/3 + 5((1−F)/3)²).
        let f = 0.7
        let bbpssw = (f * f + pow((1 - f) / 3, 2)) / (f * f + 2 * f * (1 - f) / 3 + 5 * pow((1 - f) / 3, 2))
        #expect(abs(DEJMPS.round(.werner(fidelity: f), .werner(fidelity: f)).state.fidelity - bbpssw) < 1e-15)
        // Deutsch et al., PRL 77, 2818 (1996): the map converges to a pure pair for every F > 1/2.
        #expect(DEJMPS.iterate(.werner(fidelity: 0.55), rounds: 12).state.fidelity > 0.99)
        #expect(DEJMPS.iterate(.werner(fidelity: 0.45), rounds: 12).state.fidelity < 0.5)
        let perfect = DEJMPS.iterate(.werner(fidelity: 1), rounds: 3)
        #expect(perfect.state == .werner(fidelity: 1) && perfect.successProbability == 1)
    }

    @Test("Six-state keeps key where BBM92 has none; a perfect pair gives 1 bit")
    func keyFractions() {
        let noisy = BellDiagonalState.werner(fidelity: 1 - 1.5 * 0.12)
        #expect(EntanglementKeyFraction.bbm92(noisy) == 0)
        #expect(EntanglementKeyFraction.sixState(noisy) > 0)
        #expect(EntanglementKeyFraction.bbm92(.werner(fidelity: 1)) == 1)
        #expect(EntanglementKeyFraction.sixState(.werner(fidelity: 1)) == 1)
    }

    @Test("Single-click: p ≈ 2αη and F ≈ 1 − α for small η; two-click needs both photons")
    func heralding() {
        let single = EntanglementHeralding.singleClick(arrivalA: 1e-4, arrivalB: 1e-4, brightStatePopulation: 0.1, opticalError: 0)
        #expect(abs(single.successProbability / (2 * 0.1 * 1e-4) - 1) < 1e-3)
        #expect(abs(single.state.fidelity - 0.9) < 1e-4)
        #expect(abs(single.state.bitErrorRate - 0.1) < 1e-4 && abs(single.state.phaseErrorRate - 0.05) < 1e-4)
        let double = EntanglementHeralding.twoClick(arrivalA: 1e-4, arrivalB: 1e-4, opticalError: 0)
        #expect(abs(double.successProbability - 0.5e-8) < 1e-20)
        #expect(EntanglementHeralding.singleClick(arrivalA: 0, arrivalB: 0, brightStatePopulation: 0.1, opticalError: 0)
            .successProbability == 0)
    }

    @Test("Chain: one link is the link; a link that never succeeds gives no pair; no cutoff equals an infinite one")
    func chainLimits() {
        let pair = BellDiagonalState.werner(fidelity: 0.97)
        let round = 1e-4
        let link = NestedRepeaterChain.Link(attemptSuccess: 0.01, modes: 1, pair: pair)
        let end = NestedRepeaterChain.Node(swapSuccess: 1, coherenceSeconds: .infinity, cutoffSeconds: .infinity)
        let one = NestedRepeaterChain.deliver(links: [link], nodes: [end, end], roundSeconds: round)
        #expect(abs(one.meanSeconds - 1e-2) < 1e-15 && one.state == pair)
        let dead = NestedRepeaterChain.Link(attemptSuccess: 0, modes: 1, pair: pair)
        #expect(NestedRepeaterChain.deliver(links: [link, dead], nodes: [end, end, end], roundSeconds: round).meanSeconds == .infinity)
        #expect(NestedRepeaterChain.deliver(links: [link], nodes: [end, end], roundSeconds: 0).meanSeconds == .infinity)
        let repeater = NestedRepeaterChain.Node(swapSuccess: 0.5, coherenceSeconds: 0.1, cutoffSeconds: .infinity)
        let longCut = NestedRepeaterChain.Node(swapSuccess: 0.5, coherenceSeconds: 0.1, cutoffSeconds: 1e6)
        let a = NestedRepeaterChain.deliver(links: [link, link], nodes: [end, repeater, end], roundSeconds: round)
        let b = NestedRepeaterChain.deliver(links: [link, link], nodes: [end, longCut, end], roundSeconds: round)
        #expect(abs(a.meanSeconds - b.meanSeconds) / a.meanSeconds < 1e-12)
        #expect(abs(a.state.fidelity - b.state.fidelity) < 1e-12)
        // No cutoff: E[max of two geometric(q)] = 2/q − 1/(2q − q²) rounds per swap, 1/p_s swaps. The pair that came
        // first (with 2q(1 − q)/(2q − q²)) waits W ~ geometric(q) and decays by E[z^W] = qz/(1 − (1 − q)z),
        // z = e^(−R/T); both come in the same round with q²/(2q − q²) and nothing decays.
        let q = 0.01
        #expect(abs(a.meanSeconds - round * (2 / q - 1 / (2 * q - q * q)) / 0.5) < 1e-15)
        let z = exp(-round / 0.1)
        let keep = (q * q + 2 * q * (1 - q) * q * z / (1 - (1 - q) * z)) / (2 * q - q * q)
        #expect(abs(a.state.fidelity - pair.swapped(with: pair).depolarised(keeping: keep).fidelity) < 1e-12)
    }

    /// Second reader: at tiny success per round the closed forms lost their digits (a mean wait of 2.2 rounds where
    /// at most 1 is allowed; a memory that never decays depolarising its pair fully).
    @Test("Tiny successes per round: the waiting pair's mean wait and decay keep their digits")
    func tinySuccesses() {
        let pair = BellDiagonalState.werner(fidelity: 1)
        let end = NestedRepeaterChain.Node(swapSuccess: 1, coherenceSeconds: .infinity, cutoffSeconds: .infinity)
        for q in [1e-8, 1e-12, 1e-17] {
            let link = NestedRepeaterChain.Link(attemptSuccess: q, modes: 1, pair: pair)
            // A cutoff of one round: a pair that waits waits exactly 1 round; both come together in 1 attempt of 3.
            let oneRound = NestedRepeaterChain.Node(swapSuccess: 1, coherenceSeconds: .infinity, cutoffSeconds: 1)
            let cut = NestedRepeaterChain.deliver(links: [link, link], nodes: [end, oneRound, end], roundSeconds: 1)
            #expect(abs(cut.longestWaitSeconds - 2.0 / 3) < 1e-6, "q = \(q): \(cut.longestWaitSeconds)")
            #expect(abs(cut.state.fidelity - 1) < 1e-12, "q = \(q): \(cut.state.fidelity)")
            let uncut = NestedRepeaterChain.deliver(links: [link, link], nodes: [end, end, end], roundSeconds: 1)
            #expect(abs(uncut.state.fidelity - 1) < 1e-12, "q = \(q): \(uncut.state.fidelity)")
        }
    }

    @Test("Uneven links (a link split by a what-if repeater): each keeps its own success in the shared round; the join waits for the slower")
    func unevenLinks() {
        let pair = BellDiagonalState.werner(fidelity: 1)
        let short = NestedRepeaterChain.Link(attemptSuccess: 0.2, modes: 1, pair: pair)
        let long = NestedRepeaterChain.Link(attemptSuccess: 0.05, modes: 1, pair: pair)
        let node = NestedRepeaterChain.Node(swapSuccess: 1, coherenceSeconds: .infinity, cutoffSeconds: .infinity)
        // Geometric halves (the model's assumption, Sangouard, Simon, de Riedmatten, Gisin, RMP 83, 33 (2011),
        // generalised to whole rounds): the join of successes x, y per round takes E[max] = 1/x + 1/y − 1/(x + y − xy).
        func joined(_ x: Double, _ y: Double) -> Double { 1 / x + 1 / y - 1 / (x + y - x * y) }
        let round = 1e-4
        let two = NestedRepeaterChain.deliver(links: [short, long], nodes: [node, node, node], roundSeconds: round)
        #expect(abs(two.meanSeconds - round * joined(0.2, 0.05)) <= 1e-12 * two.meanSeconds)
        // Three links split at the middle node by count: the two short links first, then the long one.
        let three = NestedRepeaterChain.deliver(links: [short, short, long], nodes: [node, node, node, node], roundSeconds: round)
        #expect(abs(three.meanSeconds - round * joined(1 / joined(0.2, 0.2), 0.05)) <= 1e-12 * three.meanSeconds)
    }

    /// One mode per round brings at most one pair a round, so the first purification round never finds both copies in
    /// one round (two independent links, as the model took them before, bring both in q²/(2q − q²) of attempts): an
    /// attempt takes 1/q rounds to the first copy and 1/q more to the second, and keeps the pair with DEJMPS's N
    /// (Deutsch et al., PRL 77, 2818 (1996)), so 2/(q·N) rounds per purified pair (derived here). Under a cutoff of
    /// less than a round the stored copy never meets the second: no pair at all.
    @Test("Purification from one mode per round: never both copies in one round, 2/(q·N) rounds per purified pair")
    func purificationFromOneMode() {
        let pair = BellDiagonalState(a: 0.85, b: 0.05, c: 0.06, d: 0.04)
        let end = NestedRepeaterChain.Node(swapSuccess: 1, coherenceSeconds: .infinity, cutoffSeconds: .infinity)
        let outcome = DEJMPS.round(pair, pair)
        for q in [1e-6, 0.01, 0.3, 1] {
            let link = NestedRepeaterChain.Link(attemptSuccess: q, modes: 1, pair: pair)
            let purified = NestedRepeaterChain.deliver(links: [link], nodes: [end, end], roundSeconds: 1, purificationRounds: 1)
            let expected = 2 / (q * outcome.successProbability)
            #expect(abs(purified.meanSeconds - expected) <= 1e-12 * expected, "q = \(q): \(purified.meanSeconds)")
            #expect(abs(purified.state.fidelity - outcome.state.fidelity) < 1e-12, "q = \(q)")
            let short = NestedRepeaterChain.Node(swapSuccess: 1, coherenceSeconds: .infinity, cutoffSeconds: 0.5)
            let cut = NestedRepeaterChain.deliver(links: [link], nodes: [short, short], roundSeconds: 1, purificationRounds: 1)
            #expect(cut.meanSeconds == .infinity && cut.cutoffSurvival == 0, "q = \(q)")
        }
    }

    /// The binomial heralds of a round of M modes (Collins, Jenkins, Kuzmich, Kennedy, PRL 98, 060502 (2007)): at least
    /// two with 1 − (1 − p)^M − M·p·(1 − p)^(M−1), which keeps its digits where M·p is tiny (p² for two modes).
    @Test("At least two heralds in a round: the binomial tail, exact digits at tiny p")
    func atLeastTwoHeralds() {
        for (p, modes) in [(0.01037, 100), (0.3, 4), (0.9, 2), (0.002, 50), (1e-3, 1000)] {
            let direct = 1 - pow(1 - p, Double(modes)) - Double(modes) * p * pow(1 - p, Double(modes - 1))
            let tail = EntanglementHeralding.multiplexedAtLeastTwo(p, modes: modes)
            #expect(abs(tail - direct) <= 1e-12, "p = \(p), M = \(modes): \(tail) against \(direct)")
        }
        for p in [1e-9, 1e-12, 1e-17] {
            #expect(abs(EntanglementHeralding.multiplexedAtLeastTwo(p, modes: 2) - p * p) <= 1e-12 * p * p, "p = \(p)")
        }
        #expect(EntanglementHeralding.multiplexedAtLeastTwo(0.5, modes: 1) == 0)
        #expect(EntanglementHeralding.multiplexedAtLeastTwo(1, modes: 3) == 1)
    }

    @Test("Purification: two rounds on each elementary pair raise the fidelity and cost time")
    func purificationInChain() {
        let link = NestedRepeaterChain.Link(attemptSuccess: 0.05, modes: 1, pair: .werner(fidelity: 0.8))
        let node = NestedRepeaterChain.Node(swapSuccess: 0.5, coherenceSeconds: 10, cutoffSeconds: .infinity)
        let plain = NestedRepeaterChain.deliver(links: [link, link], nodes: [node, node, node], roundSeconds: 1e-4)
        let purified = NestedRepeaterChain.deliver(links: [link, link], nodes: [node, node, node], roundSeconds: 1e-4,
                                                   purificationRounds: 2)
        #expect(purified.state.fidelity > plain.state.fidelity + 0.1)
        #expect(purified.meanSeconds > 2 * plain.meanSeconds)
    }
}
