import QNetModel
import QNetPlanner

/// What the failure of the selected node or link does to every demand, for the topology it was computed from;
/// computed off the event loop, for the selection only, by an effect (`Effect.analyseFailure`).
public struct SelectedFailure: Sendable, Hashable {
    /// The node or link whose failure was analysed.
    public var element: NetworkElement
    /// The topology it was analysed in.
    public var topology: Topology
    /// What its failure does; nil when the topology has no such element.
    public var result: ElementFailure?

    public init(element: NetworkElement, topology: Topology, result: ElementFailure?) {
        self.element = element
        self.topology = topology
        self.result = result
    }

    /// Whether this is the failure of `element` in `topology`.
    func answers(_ element: NetworkElement, in topology: Topology) -> Bool {
        self.element == element && self.topology == topology
    }
}

extension Selection {
    /// The node or link selected, as a failure case; nil for a demand, an equipment entry or the defaults.
    var failureElement: NetworkElement? {
        switch self {
        case .node(let id): .node(id)
        case .link(let id): .link(id)
        case .demand, .equipment, .defaults: nil
        }
    }
}

extension Selection {
    /// What the background analysis computes for this selection: a demand's what-ifs, a node's or link's failure;
    /// nil for an equipment entry or the defaults.
    var analysisSubject: BackgroundAnalysis.Subject? {
        if case .demand(let id) = self { return .demand(id) }
        return failureElement.map { .failure($0) }
    }
}
