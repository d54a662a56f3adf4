import Foundation

/// Mean delivery time and delivered state of a nested (doubling) repeater chain
/// with multiplexed heralding, probabilistic swaps, a memory cutoff, depolarising
/// memories and optional DEJMPS purification of the elementary pairs.
///
/// Model (Sangouard, Simon, de Riedmatten, Gisin, RMP 83, 33 (2011),
/// generalised): a span of links is split at its middle node; both halves are
/// built in parallel and joined by a swap at that node. Each half's waiting
/// time is treated as exponential (memoryless) with its mean, which is exact
/// for an elementary link in the small-p limit and gives Sangouard et al.'s
/// T = (3/2)^n·L0/(c·P0·P1···Pn) with no cutoff. With a cutoff τ at the
/// joining node, the first pair is discarded when the second has not come
/// within τ; the attempt then restarts (memoryless halves). A failed swap or
/// purification restarts both halves. The pair that waits is depolarised by
/// the mean of e^(−t/T) over its wait (exact for the mean delivered state of
/// a swap, which is linear in it; a mean-field step for DEJMPS, which is not).
/// Classical signalling of swap and purification outcomes is not timed, as in
/// Sangouard et al.
public enum NestedRepeaterChain {
    /// An elementary link: success per round (after multiplexing), round duration and heralded pair.
    public struct Link: Sendable, Hashable {
        public var successPerRound: Double
        public var roundSeconds: Double
        public var pair: BellDiagonalState

        public init(successPerRound: Double, roundSeconds: Double, pair: BellDiagonalState) {
            self.successPerRound = successPerRound
            self.roundSeconds = roundSeconds
            self.pair = pair
        }
    }

    /// A node of the chain: the success of the swap it performs, its memory's coherence time and its cutoff.
    public struct Node: Sendable, Hashable {
        /// Bell-state measurement success probability (unused at the chain's ends).
        public var swapSuccess: Double
        /// Coherence time of its memory, s (`.infinity` where the pair is measured at once).
        public var coherenceSeconds: Double
        /// Longest storage before a waiting pair is discarded, s (`.infinity`: no cutoff).
        public var cutoffSeconds: Double

        public init(swapSuccess: Double, coherenceSeconds: Double, cutoffSeconds: Double) {
            self.swapSuccess = swapSuccess
            self.coherenceSeconds = coherenceSeconds
            self.cutoffSeconds = cutoffSeconds
        }
    }

    /// A pair across a span of the chain: its mean delivery time and its mean state.
    public struct Delivery: Sendable, Hashable {
        /// Mean time from the start until the pair is delivered, s (`.infinity`: never).
        public var meanSeconds: Double
        /// Mean delivered state.
        public var state: BellDiagonalState
        /// Longest mean storage of a waiting pair at any join of the span, s.
        public var longestWaitSeconds: Double
        /// Fraction of joins whose pair survives the cutoff, at the top join (1 without cutoff).
        public var cutoffSurvival: Double
    }

    /// The end-to-end pair of `links` (nodes.count == links.count + 1), each elementary pair purified
    /// `purificationRounds` times (DEJMPS) before swapping.
    /// - Complexity: O(N·(1 + rounds)) for N links.
    public static func deliver(links: [Link], nodes: [Node], purificationRounds: Int = 0) -> Delivery {
        guard !links.isEmpty, nodes.count == links.count + 1 else {
            return Delivery(meanSeconds: .infinity, state: .werner(fidelity: 0.25), longestWaitSeconds: 0, cutoffSurvival: 0)
        }
        return span(links[...], nodes: nodes, first: 0, rounds: max(0, purificationRounds))
    }

    /// The pair across links[first..<first + links.count].
    private static func span(_ links: ArraySlice<Link>, nodes: [Node], first: Int, rounds: Int) -> Delivery {
        let count = links.count
        if count == 1, let link = links.first {
            return elementary(link, left: nodes[first], right: nodes[first + 1], rounds: rounds)
        }
        let half = (count + 1) / 2
        let middle = first + half
        let start = links.startIndex
        let left = span(links[start..<start + half], nodes: nodes, first: first, rounds: rounds)
        let right = span(links[(start + half)...], nodes: nodes, first: middle, rounds: rounds)
        let joiner = nodes[middle]
        let leftCoherence = min(nodes[first].coherenceSeconds, joiner.coherenceSeconds)
        let rightCoherence = min(joiner.coherenceSeconds, nodes[first + count].coherenceSeconds)
        return join(left, right, coherence: (leftCoherence, rightCoherence), cutoff: joiner.cutoffSeconds) { l, r in
            (l.swapped(with: r), joiner.swapSuccess)
        }
    }

    /// An elementary pair, purified `rounds` times from copies of itself.
    private static func elementary(_ link: Link, left: Node, right: Node, rounds: Int) -> Delivery {
        let p = link.successPerRound
        let mean = p > 0 && link.roundSeconds > 0 ? link.roundSeconds / p : (p > 0 ? 0 : .infinity)
        var pair = Delivery(meanSeconds: mean, state: link.pair, longestWaitSeconds: 0, cutoffSurvival: 1)
        let coherence = min(left.coherenceSeconds, right.coherenceSeconds)
        let cutoff = min(left.cutoffSeconds, right.cutoffSeconds)
        for _ in 0..<rounds {
            pair = join(pair, pair, coherence: (coherence, coherence), cutoff: cutoff) { a, b in
                let outcome = DEJMPS.round(a, b)
                return (outcome.state, outcome.successProbability)
            }
        }
        return pair
    }

    /// Joins two independently built pairs with `operation` (a swap or a purification round), which
    /// returns the joined state and its success probability.
    private static func join(_ left: Delivery, _ right: Delivery, coherence: (left: Double, right: Double), cutoff: Double,
                             operation: (BellDiagonalState, BellDiagonalState) -> (BellDiagonalState, Double)) -> Delivery {
        let lambdaL = rate(left.meanSeconds), lambdaR = rate(right.meanSeconds)
        let total = lambdaL + lambdaR
        guard lambdaL > 0, lambdaR > 0, total.isFinite else {
            let instant = left.meanSeconds == 0 && right.meanSeconds == 0
            let (state, success) = operation(left.state, right.state)
            let mean = instant && success > 0 ? 0 : Double.infinity
            return Delivery(meanSeconds: mean, state: state, longestWaitSeconds: 0, cutoffSurvival: 1)
        }
        let tau = cutoff > 0 ? cutoff : 0
        let race = Race(lambdaL: lambdaL, lambdaR: lambdaR, cutoff: tau)
        let (firstL, firstR, withinL, withinR, matched) = (race.firstL, race.firstR, race.withinL, race.withinR, race.matched)
        guard matched > 0 else {
            return Delivery(meanSeconds: .infinity, state: left.state, longestWaitSeconds: 0, cutoffSurvival: 0)
        }
        let attempt = race.attempt
        // Mean decay e^(-X/T) of the waiting pair over waits X < tau (joint with the match).
        let keepL = decay(rate: lambdaR, coherence: coherence.left, cutoff: tau)
        let keepR = decay(rate: lambdaL, coherence: coherence.right, cutoff: tau)
        let (stateL, successL) = operation(left.state.depolarised(keeping: keepL / withinL), right.state)
        let (stateR, successR) = operation(left.state, right.state.depolarised(keeping: keepR / withinR))
        let weightL = firstL * withinL * successL, weightR = firstR * withinR * successR
        let success = (weightL + weightR) / matched
        guard success > 0 else {
            return Delivery(meanSeconds: .infinity, state: stateL, longestWaitSeconds: 0, cutoffSurvival: matched)
        }
        let state = mix(stateL, weightL, stateR, weightR)
        let waitL = meanWait(rate: lambdaR, cutoff: tau, within: withinL)
        let waitR = meanWait(rate: lambdaL, cutoff: tau, within: withinR)
        let wait = (firstL * withinL * waitL + firstR * withinR * waitR) / matched
        return Delivery(meanSeconds: attempt / (matched * success), state: state,
                        longestWaitSeconds: max(wait, left.longestWaitSeconds, right.longestWaitSeconds),
                        cutoffSurvival: matched)
    }

    /// Two halves built at rates λ_L and λ_R racing to meet within the cutoff τ: which comes first, whether the other
    /// comes within τ, and the mean time of one attempt (the first arrival, then the wait for the other up to τ).
    struct Race {
        /// Probability that the left (right) half comes first.
        let firstL: Double, firstR: Double
        /// Probability that the other half comes within τ after the left (right) one.
        let withinL: Double, withinR: Double

        /// Probability that an attempt ends in a match.
        var matched: Double { firstL * withinL + firstR * withinR }
        /// Mean duration of an attempt, s.
        let attempt: Double

        /// Halves of positive rates whose sum is finite, cutoff τ ≥ 0.
        init(lambdaL: Double, lambdaR: Double, cutoff tau: Double) {
            let total = lambdaL + lambdaR
            // Left first (probability lambdaL/total), then right within tau; and the mirror case.
            (firstL, firstR) = (lambdaL / total, lambdaR / total)
            (withinL, withinR) = (-expm1(-lambdaR * tau), -expm1(-lambdaL * tau))
            attempt = 1 / total + firstL * withinL / lambdaR + firstR * withinR / lambdaL
        }
    }

    /// 1/mean, 0 for a pair that never comes, +infinity for one that is there at once.
    static func rate(_ mean: Double) -> Double {
        mean.isFinite ? (mean > 0 ? 1 / mean : .infinity) : 0
    }

    /// E[e^(−X/T); X < τ] for X exponential with `rate`: rate/(rate + 1/T)·(1 − e^(−(rate + 1/T)τ)).
    private static func decay(rate: Double, coherence: Double, cutoff: Double) -> Double {
        let s = coherence > 0 ? 1 / coherence : .infinity
        guard s.isFinite else { return 0 }
        let combined = rate + s
        return rate / combined * -expm1(-combined * cutoff)
    }

    /// E[X | X < τ] for X exponential with `rate`, given P(X < τ) = `within`.
    private static func meanWait(rate: Double, cutoff: Double, within: Double) -> Double {
        guard within > 0 else { return 0 }
        guard cutoff.isFinite else { return 1 / rate }
        return 1 / rate - cutoff * exp(-rate * cutoff) / within
    }

    /// The weighted mean of two states.
    private static func mix(_ x: BellDiagonalState, _ wx: Double, _ y: BellDiagonalState, _ wy: Double) -> BellDiagonalState {
        let total = wx + wy
        guard total > 0 else { return x }
        let (u, v) = (wx / total, wy / total)
        return BellDiagonalState(a: u * x.a + v * y.a, b: u * x.b + v * y.b, c: u * x.c + v * y.c, d: u * x.d + v * y.d)
    }
}
