import Foundation

/// A floor under a chain's mean time per pair in every shared round of R or longer (derived here), so that a search
/// over round lengths in increasing order (`HeraldingRound.candidateSeconds`) can stop once the floor reaches the best
/// time found. In a round R link i tries k_i = min(M, ⌊R/Δ_i⌋) modes and succeeds with q_i = 1 − (1 − p_i)^k_i
/// (Collins, Jenkins, Kuzmich, Kennedy, PRL 98, 060502 (2007)).
///
/// Any waiting model: a pair waits at least as long as each of its links (E[max_i G_i] ≥ E[G_i] = 1/q_i rounds; in
/// the nested model of `NestedRepeaterChain` a join's mean is at least each half's), so the time per pair is at least
/// max_i R/q_i ≥ max_i k_i·Δ_i/(1 − (1 − p_i)^k_i) (R ≥ k_i·Δ_i), and k·Δ/(1 − (1 − p)^k) grows with k
/// ((1 − (1 − p)^k)/k falls: 1 − (1 − p)^k is concave in k and 0 at k = 0), so with R.
///
/// The nested model (`NestedRepeaterChain.deliver`): its mean is at least `NestedRepeaterChain.meanSecondsFloor` of
/// the links' means R/q_i, which grows with each, so at least that floor of the k_i·Δ_i/(1 − (1 − p_i)^k_i), which
/// grow with R.
///
/// The exact waiting time R·E[max_i G_i] (deterministic swaps, `RepeaterWaiting`) is at least I + R·ρ(a·R),
/// with a_i = −ln(1 − p_i)/Δ_i, a = max a_i, I = E[max_i of exponential times of rates a_i] and
/// ρ(λ) = 1 − ln((e^λ − 1)/λ)/λ: write G_i = ⌈E_i⌉ with E_i exponential of rate λ_i = k_i·(−ln(1 − p_i)) ≤ a_i·R per
/// round (k_i·Δ_i ≤ R); then R·E[max E_i] ≥ I. Given which link is last and when the others came (ℓ short of a
/// whole round), the last one's excess X is exponential (memoryless) of rate λ = λ_j, so the rounding up ⌈Z⌉ − Z of
/// Z = max E_i averages ℓ − (1 − e^(−λℓ))/λ + e^(−λℓ)·r (before the next whole round, and after it, where an
/// exponential's rounding up averages r = 1/(1 − e^(−λ)) − 1/λ), convex in ℓ and least at ℓ = ln(1 + λ·r)/λ ≤ 1,
/// where it equals that ℓ: ρ(λ). ρ is 1 − (the cumulant generating
/// function of a uniform variable)/λ, which falls with λ, so ρ(λ) ≥ ρ(a·R); and R·ρ(a·R) grows with R (its
/// derivative is 1 less the mean of a tilted uniform). I = Σ_{S≠∅} (−1)^(|S|+1)/Σ_{i∈S} a_i
/// (inclusion–exclusion, summed over groups of equal rates: Π(n_g + 1) terms), or, where that takes too many terms or
/// loses too many digits, bounded below by the right Riemann sum h·Σ_{n≥1} P(max > n·h) = h·(E_h − 1) of its
/// decreasing integrand, E_h the exact waiting time in rounds of h (`RepeaterWaiting.expectedRounds`, whose series
/// stops early, so from below).
public struct HeraldingRoundFloor: Sendable {
    /// The waiting model whose time per pair is bounded, beyond each link's own.
    public enum Waiting: Sendable {
        /// The exact waiting time, its I summed in steps of `step`, or of the shortest step whose sum takes at most
        /// `mostTerms` terms (about 37·N/min(1 − e^(−a_i·h))).
        case exact(step: Double, mostTerms: Double)
        /// The nested model over `nodes` (with or without purification: its floor holds for both).
        case nested(nodes: [NestedRepeaterChain.Node])
    }

    private let attemptSuccesses: [Double]
    private let spacings: [Double]
    private let modes: Int
    /// I's lower bound and a, for the exact waiting time.
    private var exact: (expectedMax: Double, fastestRate: Double)?
    /// The nested model's nodes.
    private var nested: [NestedRepeaterChain.Node]?

    /// The floor of links whose single-mode attempts succeed with `attemptSuccesses`, modes `spacings` s apart, in
    /// memories of `modes` modes, waiting as `waiting` says (nil: any model, each link's own floor only).
    public init(attemptSuccesses: [Double], spacings: [Double], modes: Int, waiting: Waiting? = nil) {
        self.attemptSuccesses = attemptSuccesses
        self.spacings = spacings
        self.modes = max(1, modes)
        switch waiting {
        case .nested(let nodes): nested = nodes
        case .exact(let step, let mostTerms): exact = Self.expectedMax(attemptSuccesses, spacings, step: step, mostTerms: mostTerms)
        case nil: break
        }
    }

    /// A time per pair, s, that no round of `seconds` or longer beats.
    public func seconds(from seconds: Double) -> Double {
        let links = linkSeconds(at: seconds)
        let slowestLink = links.max() ?? 0
        if let nested {
            return max(slowestLink, NestedRepeaterChain.meanSecondsFloor(linkSeconds: links, nodes: nested))
        }
        guard let exact, seconds > 0 else { return slowestLink }
        let lambda = exact.fastestRate * seconds
        let cumulant = lambda > 30 ? lambda - log(lambda) + log1p(-exp(-lambda)) : log(expm1(lambda) / lambda)
        return max(slowestLink, exact.expectedMax + seconds * (1 - cumulant / lambda))
    }

    /// Each link's k_i·Δ_i/(1 − (1 − p_i)^k_i) in a round of `seconds`.
    private func linkSeconds(at seconds: Double) -> [Double] {
        zip(attemptSuccesses, spacings).map { p, spacing in
            let tried = min(modes, max(1, HeraldingRound.fitted(seconds, spacing)))
            let success = EntanglementHeralding.multiplexed(p, modes: tried)
            return success > 0 ? Double(tried) * spacing / success : .infinity
        }
    }

    /// A lower bound on I and the largest a_i (nil when some link never succeeds or one always does).
    private static func expectedMax(_ attemptSuccesses: [Double], _ spacings: [Double], step preferred: Double,
                                    mostTerms: Double) -> (expectedMax: Double, fastestRate: Double)? {
        let rates = zip(attemptSuccesses, spacings).map { p, spacing in -log1p(-min(1, max(0, p))) / spacing }
        guard let fastest = rates.max(), let slowest = rates.min(), slowest > 0, fastest.isFinite else { return nil }
        // The alternating sum loses about N·log10 2 digits (≤ 5 for N ≤ 16): shaved by 1e-9 to stay below.
        if let exact = inclusionExclusion(rates) { return (exact * (1 - 1e-9), fastest) }
        guard preferred > 0, preferred.isFinite, mostTerms > 0 else { return nil }
        // 1 − e^(−a·h) ≥ a·h/2 for a·h ≤ 1: this h keeps the sum within mostTerms.
        let step = max(preferred, 2 * 37 * Double(rates.count) / (slowest * mostTerms))
        let perStep = rates.map { -expm1(-$0 * step) }
        // The equal-p sum is exact but for about N·log10 2 lost digits: shaved by 1e-9 to stay below.
        let rounds = RepeaterWaiting.expectedRounds(successProbabilities: perStep) * (1 - 1e-9)
        return (max(0, step * (rounds - 1)), fastest)
    }

    /// E[max_i of exponential times of rates `rates`] = Σ over (j_g) ≠ 0 of (−1)^(Σj_g + 1)·Π_g C(n_g, j_g)/Σ_g j_g·a_g
    /// for n_g links of rate a_g; nil for more than 16 links or 4096 terms.
    private static func inclusionExclusion(_ rates: [Double]) -> Double? {
        guard rates.count <= 16 else { return nil }
        var groups: [(rate: Double, count: Int)] = []
        for rate in rates {
            if let index = groups.firstIndex(where: { abs($0.rate - rate) <= 1e-12 * rate }) {
                groups[index].count += 1
            } else {
                groups.append((rate, 1))
            }
        }
        let terms = groups.reduce(1) { $0 * ($1.count + 1) }
        guard terms <= 4096 else { return nil }
        var total = 0.0
        for index in 1..<terms {
            var rest = index, sign = -1.0, weight = 1.0, rate = 0.0
            for group in groups {
                let taken = rest % (group.count + 1)
                rest /= group.count + 1
                weight *= binomial(group.count, taken)
                rate += Double(taken) * group.rate
                if taken % 2 == 1 { sign = -sign }
            }
            total += sign * weight / rate
        }
        return total
    }

    /// C(n, k).
    private static func binomial(_ n: Int, _ k: Int) -> Double {
        (0..<k).reduce(1.0) { $0 * Double(n - $1) / Double($1 + 1) }
    }
}
