import QNetModel

/// Everything the engine computed from one `Topology`: per-link budgets, the
/// segments that form the key graph, and each demand's routing. A value; the
/// workbench and the reports only read it.
public struct Plan: Sendable, Hashable {
    /// The topology's name.
    public var topologyName: String
    /// One entry per link, in the topology's order.
    public var links: [LinkPlan]
    /// The edges of the key graph: runs of links between key-holding nodes.
    public var segments: [SegmentPlan]
    /// One entry per demand, in the topology's order.
    public var demands: [DemandPlan]
    /// What the planner noticed (e.g. a satellite rate used while in view), each with its key path.
    public var diagnostics: [Diagnostic]
    /// Whether the demands, each routed as if alone, fit the segments' key together.
    public var sharedCapacity: SharedCapacity

    public init(topologyName: String, links: [LinkPlan], segments: [SegmentPlan], demands: [DemandPlan],
                diagnostics: [Diagnostic], sharedCapacity: SharedCapacity = SharedCapacity()) {
        self.topologyName = topologyName
        self.links = links
        self.segments = segments
        self.demands = demands
        self.diagnostics = diagnostics
        self.sharedCapacity = sharedCapacity
    }
}

/// One line of a budget: what it is, its value in dB, and where the figure comes from.
public struct BudgetLine: Sendable, Hashable {
    /// What the line accounts for (`fiber 25 km x 0.2 dB/km`).
    public var item: String
    /// Loss in dB (positive is loss).
    public var db: Double
    /// The assumption and its source: a key path (`links[0].attenuation`), a
    /// default with its reference, or the model with its paper.
    public var basis: String

    public init(item: String, db: Double, basis: String) {
        self.item = item
        self.db = db
        self.basis = basis
    }
}

/// A named assumption the plan of a link rests on, shown beside its budgets.
public struct Assumption: Sendable, Hashable {
    /// What is assumed (`detector`, `signal intensity`).
    public var name: String
    /// Its value as a reader would write it (`snspd: 85 %, 100 Hz, 30 ps`).
    public var value: String
    /// Where it comes from (a key path, a default and its reference, or an optimiser).
    public var basis: String

    public init(name: String, value: String, basis: String) {
        self.name = name
        self.value = value
        self.basis = basis
    }
}
