import QNetModel

/// Maps kilometres on the map to cells of a pane: fits every node, then applies
/// the viewport's zoom and pan. A cell is taken as twice as tall as wide.
public struct MapProjection: Sendable {
    /// The pane area the map is drawn in.
    public let area: Rect
    /// Kilometres per column (a row is twice as many).
    public let kmPerColumn: Double
    /// The map point at the centre of `area`.
    public let centre: MapPoint
    /// Each positioned node's place on the map, in the topology's order.
    public let points: [(id: Identifier, point: MapPoint)]

    /// The projection of `topology`'s nodes into `area` under `viewport`.
    public init(topology: Topology, viewport: Viewport, area: Rect) {
        self.area = area
        let reference = MapPoint.referenceLatitude(of: topology)
        points = topology.nodes.compactMap { node in
            node.position.map { (node.id, MapPoint($0, referenceLatitude: reference)) }
        }
        let xs = points.map(\.point.x), ys = points.map(\.point.y)
        let minX = xs.min() ?? 0, maxX = xs.max() ?? 0, minY = ys.min() ?? 0, maxY = ys.max() ?? 0
        let columns = Double(max(1, area.width - 4)), rows = Double(max(1, area.height - 2))
        var fitted = max((maxX - minX) / columns, 2 * (maxY - minY) / rows)
        if fitted <= 0 { fitted = 1 }
        let extentX = max(maxX - minX, fitted * columns), extentY = max(maxY - minY, fitted * rows / 2)
        kmPerColumn = fitted / viewport.zoom
        centre = MapPoint(x: (minX + maxX) / 2 + viewport.panX * extentX,
                          y: (minY + maxY) / 2 + viewport.panY * extentY)
    }

    /// The cell of map point `point` (may lie outside `area`).
    public func cell(of point: MapPoint) -> (x: Int, y: Int) {
        let column = (point.x - centre.x) / kmPerColumn
        let row = -(point.y - centre.y) / (2 * kmPerColumn)
        return (area.x + area.width / 2 + Int(column.rounded()), area.y + area.height / 2 + Int(row.rounded()))
    }

    /// The cell of node `id`, if it has a position.
    public func cell(ofNode id: Identifier) -> (x: Int, y: Int)? {
        points.first { $0.id == id }.map { cell(of: $0.point) }
    }
}
