import Foundation

extension NestedRepeaterChain {
    /// A floor under `deliver`'s mean time for links whose mean times per elementary pair (round/success) are at least
    /// `linkSeconds`, and which grows with each of them (derived here from the model of Sangouard, Simon,
    /// de Riedmatten, Gisin, RMP 83, 33 (2011), as generalised in `deliver`).
    ///
    /// A join of halves of rates a and b waits attempt/matched = (1 + u/b + v/a)/(u + v) per match, with
    /// u = a·(1 − e^(−b·τ)) ≤ a and v = b·(1 − e^(−a·τ)) ≤ b (`Race`). Its derivative in u is (v/b − 1 − v/a)/(u + v)²
    /// < 0, in v likewise, and in a at fixed u, v it is −v/a²/(u + v) ≤ 0; u and v grow with a and b. So the wait per
    /// match falls as either half comes faster: it grows with each half's mean. A swap succeeds with p_s whatever the
    /// states, so its mean is that wait over p_s; a purification round succeeds with at most 1 (the states' decay
    /// only lowers it), so its mean is at least that wait. The floor is the same tree of joins with these bounds.
    /// - Complexity: O(N·(1 + rounds)) for N links.
    public static func meanSecondsFloor(linkSeconds: [Double], nodes: [Node], purificationRounds: Int = 0) -> Double {
        guard !linkSeconds.isEmpty, nodes.count == linkSeconds.count + 1 else { return 0 }
        return floor(linkSeconds[...], nodes: nodes, first: 0, rounds: max(0, purificationRounds))
    }

    /// The floor across linkSeconds[first..<first + count], split at its middle node as `deliver` splits it.
    private static func floor(_ links: ArraySlice<Double>, nodes: [Node], first: Int, rounds: Int) -> Double {
        let start = links.startIndex, count = links.count, half = (count + 1) / 2
        guard count > 1 else {
            let cutoff = min(nodes[first].cutoffSeconds, nodes[first + 1].cutoffSeconds)
            return (0..<rounds).reduce(max(0, links[start])) { mean, _ in waitPerMatch(mean, mean, cutoff: cutoff) }
        }
        let left = floor(links[start..<start + half], nodes: nodes, first: first, rounds: rounds)
        let right = floor(links[(start + half)...], nodes: nodes, first: first + half, rounds: rounds)
        let joiner = nodes[first + half]
        guard joiner.swapSuccess > 0 else { return .infinity }
        return waitPerMatch(left, right, cutoff: joiner.cutoffSeconds) / joiner.swapSuccess
    }

    /// attempt/matched of halves of means `left` and `right` s (`Race`); 0 where `deliver` would have them there at
    /// once or the floor cannot tell, +infinity where a half never comes.
    private static func waitPerMatch(_ left: Double, _ right: Double, cutoff: Double) -> Double {
        let lambdaL = rate(left), lambdaR = rate(right)
        guard lambdaL > 0, lambdaR > 0 else { return .infinity }
        guard (lambdaL + lambdaR).isFinite else { return 0 }
        let race = Race(lambdaL: lambdaL, lambdaR: lambdaR, cutoff: cutoff > 0 ? cutoff : 0)
        return race.matched > 0 ? race.attempt / race.matched : .infinity
    }
}
