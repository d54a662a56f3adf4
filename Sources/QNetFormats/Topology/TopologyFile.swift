/// A topology file as read: its document, and where each key path was written in it.
public struct TopologyFile: Sendable {
    /// The topology and the comments written around it.
    public var document: TopologyDocument
    /// The place of each key path, to locate the plan's diagnostics.
    public var sourceMap: TopologySourceMap
}
