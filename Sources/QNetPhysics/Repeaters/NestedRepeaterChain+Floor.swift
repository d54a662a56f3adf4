import Foundation

extension NestedRepeaterChain {
    /// A floor under `deliver`'s mean time, in any shared round, for links whose mean times per elementary pair
    /// (round/success) are at least `linkSeconds`, and which grows with each of them (derived here from the model of
    /// Sangouard, Simon, de Riedmatten, Gisin, RMP 83, 33 (2011), as generalised in `deliver`).
    ///
    /// A join of halves whose means are A and B in rounds of R (geometric halves: x = R/A, y = R/B per round) tries a
    /// swap once both halves have a pair, and restarts both after a failed one, so each try lasts at least E[max] of
    /// the two waits, R·(1/x + 1/y − 1/(x + y − xy)) = A + B − A·B/(A + B − R), with or without a cutoff (discarding a
    /// pair only delays it: a try still needs a round with a pair of each half), and the tries number 1/p_s on
    /// average. E[max] falls as R grows and grows with A and B (∂/∂A = 1 − B(B − R)/(A + B − R)² ≥ 0 for A, B ≥ R).
    /// No span is ready in less than R/c on average, with c = 1 for a link, purified or not (one round at least), and
    /// c = p_s·min(c_L, c_R) for a join (1/p_s tries, each at least as long as either half's mean), so
    /// R ≤ min(c_A·A, c_B·B), and a join's mean is at least E[max] at R = min(c_A·A, c_B·B), over p_s. That bound
    /// still grows with A and B (∂/∂A = 1 − B²/((1 − c_A)·A + B)² where c_A·A is the smaller, 1 − (1 − c_B)·B²/
    /// (A + (1 − c_B)·B)² where c_B·B is), so the same expression of the halves' floors is a floor of the join. It is
    /// never below the later half's floor (E[max] ≥ max(A, B)) and equals it for a join of two links (whose pairs may
    /// come in every round). A purification round's mean is at least its pair's (its success is at most 1; the first
    /// one's attempt lasts at least until the link brings a pair, whether that round brings one copy or both). The
    /// floor holds in every round, while the model's own mean also depends on the round (links that succeed in most
    /// rounds are often ready in the same one).
    /// - Complexity: O(N) for N links.
    public static func meanSecondsFloor(linkSeconds: [Double], nodes: [Node]) -> Double {
        guard !linkSeconds.isEmpty, nodes.count == linkSeconds.count + 1 else { return 0 }
        return floor(linkSeconds[...], nodes: nodes, first: 0).seconds
    }

    /// The floor across linkSeconds[first..<first + count], split at its middle node as `deliver` splits it, and its c
    /// (the span's mean is at least R/c in every round of R).
    private static func floor(_ links: ArraySlice<Double>, nodes: [Node], first: Int)
        -> (seconds: Double, cap: Double) {
        let start = links.startIndex, count = links.count, half = (count + 1) / 2
        guard count > 1 else { return (max(0, links[start]), 1) }
        let left = floor(links[start..<start + half], nodes: nodes, first: first)
        let right = floor(links[(start + half)...], nodes: nodes, first: first + half)
        let swap = nodes[first + half].swapSuccess
        guard swap > 0 else { return (.infinity, 0) }
        return (laterOfTwo(left, right) / swap, swap * min(left.cap, right.cap))
    }

    /// A + B − A·B/(A + B − R) at R = min(c_A·A, c_B·B), the least mean wait for the later of two geometric halves of
    /// floors A and B (never below max(A, B), which it is where a half's floor is 0 or not finite).
    private static func laterOfTwo(_ a: (seconds: Double, cap: Double), _ b: (seconds: Double, cap: Double)) -> Double {
        let later = max(a.seconds, b.seconds)
        guard a.seconds > 0, b.seconds > 0, later.isFinite else { return later }
        let round = min(a.cap * a.seconds, b.cap * b.seconds)
        return max(later, a.seconds + b.seconds - a.seconds * b.seconds / (a.seconds + b.seconds - round))
    }
}
