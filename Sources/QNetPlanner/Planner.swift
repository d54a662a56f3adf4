import QNetModel

/// Computes the `Plan` of a topology: per-link budgets and keys, the segments
/// that form the key graph, and each demand's routing.
///
/// Assumes the topology passed `Topology.validate()`; for robustness a link
/// whose nodes are missing is skipped with an error diagnostic rather than a crash.
public struct Planner: Sendable {
    /// A planner.
    public init() {}

    /// The plan of `topology`, computed from scratch.
    /// - Complexity: O(L) link budgets (each a 1-D optimisation), segment
    ///   search, and per demand a widest path and a max-flow (see `PlanningSession`).
    public func plan(_ topology: Topology) -> Plan {
        PlanningSession().plan(topology)
    }
}
