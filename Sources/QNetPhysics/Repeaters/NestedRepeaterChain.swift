import Foundation

/// Mean delivery time and delivered state of a nested (doubling) repeater chain
/// with multiplexed heralding, probabilistic swaps, a memory cutoff, depolarising
/// memories and optional DEJMPS purification of the elementary pairs.
///
/// Model (Sangouard, Simon, de Riedmatten, Gisin, RMP 83, 33 (2011),
/// generalised to whole rounds): the links share one heralding round; a span of
/// links is split at its middle node; both halves are built in parallel and
/// joined by a swap at that node, in the round the later one is ready. Each
/// half's wait is treated as geometric in rounds (memoryless) with its mean:
/// exact for an elementary link, so exact for one join of two links, and
/// giving Sangouard et al.'s T = (3/2)^n·L0/(c·P0·P1···Pn) in the limit of
/// small success per round (two links that succeed in every round are joined
/// in that round, not 3/2 of it later). With a cutoff τ at the joining node, a
/// pair that has waited ⌊τ/R⌋ rounds without the other is discarded; the
/// attempt then restarts (memoryless halves). A failed swap or purification
/// restarts both halves. The pair that waits w rounds is depolarised by the
/// mean of e^(−w·R/T) over its wait (exact for the mean delivered state of a
/// swap, and of a DEJMPS round weighted by its success: the success and the
/// kept pair before normalisation are linear in each input's state).
/// DEJMPS (Deutsch et al., PRL 77, 2818 (1996)) purifies each elementary pair
/// before it is swapped. Its first round takes both copies from the link's own
/// M modes (Collins, Jenkins, Kuzmich, Kennedy, PRL 98, 060502 (2007)): a round
/// brings both when at least two modes are heralded, else one is stored until
/// a later round brings a pair (`GeometricRace.init(copiesOf:cutoffRounds:)`),
/// exact for the mean time, state and cutoff survival of that round. Each
/// later round purifies two pairs of the round before, taken as built
/// independently (the link's modes shared between them are not modelled).
/// Classical signalling of swap and purification outcomes is not timed, as in
/// Sangouard et al.
public enum NestedRepeaterChain {
    /// An elementary link: the success of one mode, the modes it tries per round and its heralded pair (Collins,
    /// Jenkins, Kuzmich, Kennedy, PRL 98, 060502 (2007)).
    public struct Link: Sendable, Hashable {
        /// Heralding probability of one attempt (one mode).
        public var attemptSuccess: Double
        /// Modes tried per round (at least 1).
        public var modes: Int
        public var pair: BellDiagonalState

        public init(attemptSuccess: Double, modes: Int, pair: BellDiagonalState) {
            self.attemptSuccess = attemptSuccess
            self.modes = modes
            self.pair = pair
        }

        /// Success per round, 1 − (1 − p)^M (`EntanglementHeralding.multiplexed`).
        public var successPerRound: Double { EntanglementHeralding.multiplexed(attemptSuccess, modes: modes) }
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

        /// A pair that never comes.
        static func never(_ state: BellDiagonalState, cutoffSurvival: Double = 0) -> Delivery {
            Delivery(meanSeconds: .infinity, state: state, longestWaitSeconds: 0, cutoffSurvival: cutoffSurvival)
        }
    }

    /// The end-to-end pair of `links` (nodes.count == links.count + 1) heralded in a shared round of `roundSeconds`,
    /// each elementary pair purified `purificationRounds` times (DEJMPS) before swapping. A round that is not positive
    /// and finite delivers no pair.
    /// - Complexity: O(N·(1 + rounds)) for N links.
    public static func deliver(links: [Link], nodes: [Node], roundSeconds: Double, purificationRounds: Int = 0) -> Delivery {
        guard !links.isEmpty, nodes.count == links.count + 1, roundSeconds > 0, roundSeconds.isFinite else {
            return .never(.werner(fidelity: 0.25))
        }
        let chain = Chain(nodes: nodes, round: roundSeconds, rounds: max(0, purificationRounds))
        return chain.span(links[...], first: 0)
    }

    /// The nodes, round and purification rounds of one chain, which its spans share.
    private struct Chain {
        let nodes: [Node]
        /// The shared round, s.
        let round: Double
        /// DEJMPS rounds per elementary pair.
        let rounds: Int

        /// The pair across links[first..<first + links.count].
        func span(_ links: ArraySlice<Link>, first: Int) -> Delivery {
            let count = links.count
            if count == 1, let link = links.first {
                return elementary(link, left: nodes[first], right: nodes[first + 1])
            }
            let half = (count + 1) / 2
            let middle = first + half
            let start = links.startIndex
            let left = span(links[start..<start + half], first: first)
            let right = span(links[(start + half)...], first: middle)
            let joiner = nodes[middle]
            let leftCoherence = min(nodes[first].coherenceSeconds, joiner.coherenceSeconds)
            let rightCoherence = min(joiner.coherenceSeconds, nodes[first + count].coherenceSeconds)
            let cutoff = NestedRepeaterChain.cutoffRounds(joiner.cutoffSeconds, roundSeconds: round)
            let race = GeometricRace(left: left.meanSeconds / round, right: right.meanSeconds / round, cutoffRounds: cutoff)
            return join(left, right, race: race, coherence: (leftCoherence, rightCoherence)) { l, r in
                (l.swapped(with: r), joiner.swapSuccess)
            }
        }

        /// An elementary pair, purified `rounds` times: the first round from two of the link's heralded pairs
        /// (`GeometricRace.init(copiesOf:cutoffRounds:)`), each later one from two pairs of the round before, taken as
        /// built independently.
        private func elementary(_ link: Link, left: Node, right: Node) -> Delivery {
            let p = min(1, link.successPerRound)
            guard p > 0 else { return .never(link.pair, cutoffSurvival: 1) }
            var pair = Delivery(meanSeconds: round / p, state: link.pair, longestWaitSeconds: 0, cutoffSurvival: 1)
            let coherence = min(left.coherenceSeconds, right.coherenceSeconds)
            let cutoffSeconds = min(left.cutoffSeconds, right.cutoffSeconds)
            let cutoff = NestedRepeaterChain.cutoffRounds(cutoffSeconds, roundSeconds: round)
            for done in 0..<rounds {
                let race = done == 0 ? GeometricRace(copiesOf: link, cutoffRounds: cutoff)
                    : GeometricRace(left: pair.meanSeconds / round, right: pair.meanSeconds / round, cutoffRounds: cutoff)
                pair = join(pair, pair, race: race, coherence: (coherence, coherence)) { a, b in
                    let outcome = DEJMPS.round(a, b)
                    return (outcome.state, outcome.successProbability)
                }
            }
            return pair
        }

        /// Joins two pairs that meet as `race` says (nil: one never comes) with `operation` (a swap or a purification
        /// round), which returns the joined state and its success probability.
        private func join(_ left: Delivery, _ right: Delivery, race: GeometricRace?,
                          coherence: (left: Double, right: Double),
                          operation: (BellDiagonalState, BellDiagonalState) -> (BellDiagonalState, Double)) -> Delivery {
            guard let race, race.matched > 0 else { return .never(left.state) }
            // Mean decay e^(-w·R/T) of the waiting pair over waits of w ≤ K rounds (joint with the match).
            let keepL = race.decayOfLeft(perRound: Self.decay(round: round, coherence: coherence.left))
            let keepR = race.decayOfRight(perRound: Self.decay(round: round, coherence: coherence.right))
            let (stateT, successT) = operation(left.state, right.state)
            let (stateL, successL) = operation(left.state.depolarised(keeping: keepL / race.withinL), right.state)
            let (stateR, successR) = operation(left.state, right.state.depolarised(keeping: keepR / race.withinR))
            let weights = (tie: race.tie * successT, left: race.firstL * race.withinL * successL,
                           right: race.firstR * race.withinR * successR)
            let succeeded = weights.tie + weights.left + weights.right
            guard succeeded > 0 else { return .never(stateL, cutoffSurvival: race.matched) }
            let state = BellDiagonalState.mixture([(stateT, weights.tie), (stateL, weights.left), (stateR, weights.right)])
            let wait = (race.firstL * race.withinL * race.meanWaitOfLeft + race.firstR * race.withinR * race.meanWaitOfRight)
                / race.matched
            return Delivery(meanSeconds: round * race.attempt / succeeded, state: state,
                            longestWaitSeconds: max(wait * round, left.longestWaitSeconds, right.longestWaitSeconds),
                            cutoffSurvival: race.matched)
        }

        /// e^(−R/T): what a stored pair keeps of itself over one round (0 for a memory that keeps nothing).
        private static func decay(round: Double, coherence: Double) -> Double {
            coherence > 0 ? exp(-round / coherence) : 0
        }
    }
}
