import Foundation

extension NestedRepeaterChain {
    /// A floor under `deliver`'s mean time, in any shared round, for links whose mean times per elementary pair
    /// (round/success) are at least `linkSeconds`, and which grows with each of them (derived here from the model of
    /// Sangouard, Simon, de Riedmatten, Gisin, RMP 83, 33 (2011), as generalised in `deliver`).
    ///
    /// A join ends with the later half's pair: every swap it tries needs a new pair of each half, and a half restarts
    /// after every failed swap, so each try waits at least a half's mean, and the tries until one succeeds number
    /// 1/p_s on average. So a join's mean is at least max(left, right)/p_s, with or without a cutoff (discarding a
    /// pair only delays it), and a purification round's (success at most 1) at least its pair's mean (the first one's
    /// attempt lasts at least until its link brings a pair, whether that round brings one copy or both). The floor is
    /// the same tree of joins with these bounds: max over links of its mean over the product of the swaps above it. It
    /// holds in every round, while the model's own mean also depends on the round (links that succeed in most rounds
    /// are often ready in the same one), so a floor through the model's formulas would not.
    /// - Complexity: O(N) for N links.
    public static func meanSecondsFloor(linkSeconds: [Double], nodes: [Node]) -> Double {
        guard !linkSeconds.isEmpty, nodes.count == linkSeconds.count + 1 else { return 0 }
        return floor(linkSeconds[...], nodes: nodes, first: 0)
    }

    /// The floor across linkSeconds[first..<first + count], split at its middle node as `deliver` splits it.
    private static func floor(_ links: ArraySlice<Double>, nodes: [Node], first: Int) -> Double {
        let start = links.startIndex, count = links.count, half = (count + 1) / 2
        guard count > 1 else { return max(0, links[start]) }
        let left = floor(links[start..<start + half], nodes: nodes, first: first)
        let right = floor(links[(start + half)...], nodes: nodes, first: first + half)
        let swap = nodes[first + half].swapSuccess
        return swap > 0 ? max(left, right) / swap : .infinity
    }
}
