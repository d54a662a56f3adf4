import QNetModel

/// A part of the network that can fail: a link or a node.
public enum NetworkElement: Sendable, Hashable, Comparable {
    case link(Identifier)
    case node(Identifier)

    /// The element's id.
    public var id: Identifier {
        switch self {
        case .link(let id), .node(let id): return id
        }
    }

    /// `link` or `node`.
    public var kind: String {
        switch self {
        case .link: return "link"
        case .node: return "node"
        }
    }
}

/// A single failure that breaks a demand (`BreakRule`): a met demand falls below
/// its required rate, and a demand already short of it loses some of its key.
public struct FailureImpact: Sendable, Hashable {
    /// What fails.
    public var failure: NetworkElement
    /// The demand's max-flow rate without it, bit/s.
    public var remainingBps: Double

    public init(failure: NetworkElement, remainingBps: Double) {
        self.failure = failure
        self.remainingBps = remainingBps
    }
}
