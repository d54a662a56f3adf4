import QNetModel

/// N−1 survivability of the whole network: every single link or node failure
/// that breaks a demand, and the demands that survive any single failure.
///
/// A failure breaks a met demand when it leaves less than the required rate,
/// and a demand short of its rate even now when it leaves less key than it has
/// (`BreakRule`).
public struct Survivability: Sendable, Hashable {
    /// One failure and the demands it breaks.
    public struct Effect: Sendable, Hashable {
        public var failure: NetworkElement
        /// The demands broken, in the topology's order.
        public var broken: [BrokenDemand]

        public init(failure: NetworkElement, broken: [BrokenDemand]) {
            self.failure = failure
            self.broken = broken
        }
    }

    /// A demand a failure breaks, with the rate it keeps.
    public struct BrokenDemand: Sendable, Hashable {
        public var demand: Identifier
        /// The demand's max-flow rate without the failed element, bit/s.
        public var remainingBps: Double

        public init(demand: Identifier, remainingBps: Double) {
            self.demand = demand
            self.remainingBps = remainingBps
        }
    }

    /// Failures that break at least one demand: most demands broken first, then by kind and id.
    public var failures: [Effect]
    /// Demands with key that no single failure breaks (their own end nodes aside); a demand short of its rate is
    /// among them only when no single failure costs it any key.
    public var surviving: [Identifier]
    /// Distinct failures examined: the links and nodes on some demand's flow paths.
    public var failuresChecked: Int
    /// What was examined and why that suffices, in words.
    public var scope: String

    /// The scope of the analysis, as the reports state it.
    public static let scopeText = "single link and node failures on each demand's flow paths (the links and nodes of the "
        + "segments its max flow and best path use); a failure elsewhere leaves the max flow unchanged, because the "
        + "flow stays feasible and no capacity grows. A demand's own end nodes are not failed. A failure breaks a "
        + "demand that is met when it leaves less than the required rate, and a demand short of its required rate "
        + "when it leaves less key than the demand has (0 bit/s: a single point of failure for whatever key it gets). "
        + "A failure whose lost flow leaves the demand unbroken is not re-routed; every other one is, on the key "
        + "graph without the segments it cuts (no link's physics changes). Each demand is routed as if it had the "
        + "network to itself, as 'met alone' is: a failure that every demand survives alone may still leave them "
        + "unable to be met together (shared capacity is not checked again for each failure)."

    /// The network-level view of per-demand results (`demands` in the topology's order).
    public init(demands: [DemandWhatIf], failuresChecked: Int) {
        var byFailure: [NetworkElement: [BrokenDemand]] = [:]
        for demand in demands {
            for impact in demand.breaksOn {
                byFailure[impact.failure, default: []].append(BrokenDemand(demand: demand.demand, remainingBps: impact.remainingBps))
            }
        }
        failures = byFailure.map { Effect(failure: $0.key, broken: $0.value) }
            .sorted { $0.broken.count != $1.broken.count ? $0.broken.count > $1.broken.count : $0.failure < $1.failure }
        surviving = demands.filter { $0.rateBps > 0 && $0.breaksOn.isEmpty }.map(\.demand)
        self.failuresChecked = failuresChecked
        scope = Self.scopeText
    }
}
