import QNetModel

/// A node being dragged with the mouse: the whole drag is one edit (one undo step).
public struct NodeDrag: Sendable, Hashable {
    /// The node being moved.
    public var node: Identifier
    /// The topology when the button went down: the undo step.
    public var origin: Topology

    /// The cell the button went down on: the node moves by as much as the mouse has moved from it.
    public var startX: Int
    public var startY: Int

    public init(node: Identifier, origin: Topology, startX: Int, startY: Int) {
        self.node = node
        self.origin = origin
        self.startX = startX
        self.startY = startY
    }
}
