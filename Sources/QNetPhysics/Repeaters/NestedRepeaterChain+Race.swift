import Foundation

extension NestedRepeaterChain {
    /// ⌊τ/R⌋, the whole rounds a ready pair may wait for the other half under a cutoff of τ s in rounds of R s (robust
    /// to τ = k·R; `.infinity`: no cutoff, or no round).
    public static func cutoffRounds(_ cutoff: Double, roundSeconds: Double) -> Double {
        let ratio = max(0, cutoff) / roundSeconds
        return ratio.isFinite ? (ratio * (1 + 1e-12)).rounded(.down) : .infinity
    }

    /// Two halves that succeed in each round with x and y (geometric waits of means 1/x and 1/y rounds) racing to meet
    /// within K rounds of the first (derived here for `NestedRepeaterChain`'s joins): which comes first or whether both
    /// come in the same round, whether the other comes within K rounds, and the mean length of one attempt in rounds
    /// (the first arrival, then the wait for the other up to K rounds).
    ///
    /// The first arrival is geometric with s = x + y − xy; both come in it with xy/s, the left alone with x(1 − y)/s.
    /// The other's wait W after it is geometric again (memoryless) and ends within K rounds with 1 − (1 − y)^K; an
    /// attempt lasts 1/s + E[min(W, K)], E[min(W, K)] = (1 − (1 − y)^K)/y.
    ///
    /// Two copies of one link's pair (`init(copiesOf:cutoffRounds:)`) race in the link's own rounds instead.
    struct GeometricRace {
        /// Success per round of the left and right halves.
        let x: Double, y: Double
        /// Rounds a pair may wait for the other (`.infinity`: no cutoff).
        let cutoff: Double
        /// Probability that both halves come in the same round, that the left (right) one comes first alone.
        let tie: Double, firstL: Double, firstR: Double
        /// Probability that the other half comes within the cutoff after the left (right) one.
        let withinL: Double, withinR: Double
        /// Mean rounds of one attempt.
        let attempt: Double

        /// Halves of mean `left` and `right` rounds (at least 1; nil where either never comes), and K rounds.
        init?(left: Double, right: Double, cutoffRounds: Double) {
            guard left > 0, right > 0, left.isFinite, right.isFinite else { return nil }
            let (x, y) = (min(1, 1 / left), min(1, 1 / right))
            let s = x + y - x * y
            self.init(x: x, y: y, first: s, arrivals: (x * y / s, x * (1 - y) / s, y * (1 - x) / s),
                      cutoffRounds: cutoffRounds)
        }

        /// Two copies of `link`'s pair for one purification round, made by the link's M modes in the same rounds
        /// (nil where it never succeeds): the first purification round of `NestedRepeaterChain`, derived here.
        ///
        /// A round's heralds are binomial: it brings a pair with q = 1 − (1 − p)^M, at least two with
        /// q₂ = `EntanglementHeralding.multiplexedAtLeastTwo` (Collins, Jenkins, Kuzmich, Kennedy, PRL 98, 060502
        /// (2007)). From nothing stored, the first round with a pair is geometric with q; it brings both copies (the
        /// "tie") with q₂/q and one alone (the "left", stored) with (q − q₂)/q. The stored copy waits W rounds for the
        /// next round with a pair (geometric with q: y = q) and is purified with the first pair of that round; pairs
        /// beyond the two a purification takes are dropped, and a stored copy that has waited K rounds is discarded.
        /// The "right" copy never comes alone first. So one link (M = 1) never brings both in a round.
        init?(copiesOf link: NestedRepeaterChain.Link, cutoffRounds: Double) {
            let q = min(1, link.successPerRound)
            guard q > 0 else { return nil }
            let both = min(q, EntanglementHeralding.multiplexedAtLeastTwo(link.attemptSuccess, modes: link.modes))
            self.init(x: q, y: q, first: q, arrivals: (both / q, (q - both) / q, 0), cutoffRounds: cutoffRounds)
        }

        /// A race whose first arrival is geometric with `first` per round and brings both, the left alone or the right
        /// alone as `arrivals` say, after which the other comes with y (x) per round within K rounds.
        private init(x: Double, y: Double, first: Double, arrivals: (tie: Double, left: Double, right: Double),
                     cutoffRounds: Double) {
            (self.x, self.y, cutoff) = (x, y, cutoffRounds)
            (tie, firstL, firstR) = arrivals
            (withinL, withinR) = (Self.within(y, cutoffRounds), Self.within(x, cutoffRounds))
            attempt = 1 / first + firstL * withinL / y + firstR * withinR / x
        }

        /// Probability that an attempt ends with both halves there.
        var matched: Double { tie + firstL * withinL + firstR * withinR }
        /// E[W | W ≤ K] of the left (right) pair's wait, rounds.
        var meanWaitOfLeft: Double { Self.meanWait(y, cutoff, within: withinL) }
        var meanWaitOfRight: Double { Self.meanWait(x, cutoff, within: withinR) }

        /// E[z^W; W ≤ K] for the left (right) pair's wait W, z what a pair keeps of itself per round.
        func decayOfLeft(perRound z: Double) -> Double { Self.decay(y, cutoff, perRound: z) }
        func decayOfRight(perRound z: Double) -> Double { Self.decay(x, cutoff, perRound: z) }

        /// P(W ≤ K) = 1 − (1 − q)^K for W geometric with q.
        private static func within(_ q: Double, _ k: Double) -> Double {
            guard k >= 1 else { return 0 }
            return k.isFinite ? -expm1(k * log1p(-q)) : 1
        }

        /// E[W | W ≤ K] = (1 − (1 − q)^K·(1 + K·q))/(q·P(W ≤ K)); for K·q < 1e-4, where that difference loses its
        /// digits, its expansion (K + 1)/2 − (K² − 1)·q/12 (second reader).
        private static func meanWait(_ q: Double, _ k: Double, within: Double) -> Double {
            guard within > 0 else { return 0 }
            guard k.isFinite else { return 1 / q }
            if k * q < 1e-4 { return (k + 1) / 2 - (k * k - 1) * q / 12 }
            return (1 - exp(k * log1p(-q)) * (1 + k * q)) / (q * within)
        }

        /// E[z^W; W ≤ K] = q·z·(1 − ((1 − q)·z)^K)/(1 − (1 − q)·z), both differences through expm1, so that a tiny q
        /// with z = 1 keeps its digits.
        private static func decay(_ q: Double, _ k: Double, perRound z: Double) -> Double {
            guard k >= 1, z > 0 else { return 0 }
            let logRatio = log1p(-q) + log(z)
            let kept = k.isFinite ? -expm1(k * logRatio) : 1
            return q * z * kept / -expm1(logRatio)
        }
    }
}
