import QNetModel

/// A topology file as loaded: the topology and the comments written around it,
/// which `TopologyWriter` puts back when the document is saved.
public struct TopologyDocument: Sendable, Hashable {
    public var topology: Topology
    public var comments: TopologyComments

    /// A document of `topology` with `comments` (none, for a topology made from nothing).
    public init(topology: Topology, comments: TopologyComments = TopologyComments()) {
        self.topology = topology
        self.comments = comments
    }
}
