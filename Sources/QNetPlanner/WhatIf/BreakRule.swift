/// When a single failure breaks a demand (N−1): the rate a failure must leave it for the demand to survive.
///
/// A demand met now survives a failure that leaves it at least its required rate, and some key (a demand that
/// requires 0 bit/s still needs key); a demand short of its required rate even now survives only a failure that
/// leaves it all the key it has, since every bit lost widens its shortfall (a failure that leaves it 0 bit/s is a
/// single point of failure for whatever key it gets). The rule is monotone in the rate, so a lower bound on the
/// rate a failure leaves that keeps the demand proves that the failure does not break it.
struct BreakRule {
    /// The least rate that keeps the demand, bit/s (the comparison forgives rounding, see `keeps`).
    let threshold: Double
    /// Whether the demand is met now (the threshold is its required rate, else the rate it has).
    let met: Bool

    /// Relative rounding of a rate routed again on a changed key graph (another order of augmenting paths).
    static let rounding = 1e-9

    /// The rule for the demand planned as `plan`.
    init(_ plan: DemandPlan) {
        met = plan.satisfied
        threshold = met ? plan.requiredBps : plan.maxFlowBps
    }

    /// Whether a failure that leaves the demand `rate` bit/s keeps it unbroken.
    func keeps(_ rate: Double) -> Bool {
        // A met demand's threshold is compared as the planner decides `satisfied`.
        rate > 0 && rate >= threshold * (1 - (met ? 1e-12 : Self.rounding))
    }
}
