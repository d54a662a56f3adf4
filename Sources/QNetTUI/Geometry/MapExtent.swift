import QNetModel

/// What the map is fitted to: the bounding box of the positioned nodes in km,
/// the latitude geographic positions are projected around, and the widest label
/// (room is kept for it on both sides).
public struct MapExtent: Sendable, Hashable {
    public var minX: Double
    public var maxX: Double
    public var minY: Double
    public var maxY: Double
    /// Radians; see `MapPoint.referenceLatitude(of:)`.
    public var referenceLatitude: Double
    /// Columns of the longest node id.
    public var widestLabel: Int

    public init(minX: Double, maxX: Double, minY: Double, maxY: Double, referenceLatitude: Double, widestLabel: Int) {
        self.minX = minX
        self.maxX = maxX
        self.minY = minY
        self.maxY = maxY
        self.referenceLatitude = referenceLatitude
        self.widestLabel = widestLabel
    }

    /// The extent of `topology`'s positioned nodes (a point at 0, 0 when none has a position).
    /// - Complexity: O(nodes)
    public init(of topology: Topology) {
        let reference = MapPoint.referenceLatitude(of: topology)
        var minX = Double.infinity, maxX = -Double.infinity, minY = Double.infinity, maxY = -Double.infinity
        var widest = 0
        for node in topology.nodes {
            guard let position = node.position else { continue }
            let point = MapPoint(position, referenceLatitude: reference)
            minX = min(minX, point.x)
            maxX = max(maxX, point.x)
            minY = min(minY, point.y)
            maxY = max(maxY, point.y)
            widest = max(widest, DisplayWidth.of(node.id.rawValue))
        }
        if minX > maxX { (minX, maxX, minY, maxY) = (0, 0, 0, 0) }
        self.init(minX: minX, maxX: maxX, minY: minY, maxY: maxY, referenceLatitude: reference, widestLabel: widest)
    }
}
