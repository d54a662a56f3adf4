import QNetModel

/// Maps kilometres on the map to cells of a pane: fits every positioned node
/// into the pane (both axes, keeping the aspect ratio of cells twice as tall
/// as wide, with a margin for labels), then applies the viewport's zoom and pan.
///
/// Nodes that would share a cell are nudged to a free cell nearby, so that no
/// node hides another; nodes without a position are listed on the pane's
/// bottom row ("unplaced"). The view and the mouse both use this one placement.
public struct MapProjection: Sendable {
    /// The pane area the map is drawn in.
    public let area: Rect
    /// The part of `area` that fitted nodes are placed in (margins for labels left out).
    public let frame: Rect
    /// Kilometres per column (a row is twice as many).
    public let kmPerColumn: Double
    /// The step a node moved on this map is rounded to: a quarter of a column, so that
    /// it stays in the cell it was moved to (`TopologyEditor.move` takes the power of ten below).
    public var moveResolutionKm: Double { kmPerColumn / 4 }
    /// The map point at the centre of `frame`.
    public let centre: MapPoint
    /// Each positioned node's place on the map, in the topology's order.
    public let points: [(id: Identifier, point: MapPoint)]
    /// The nodes without a position, in the topology's order.
    public let unplaced: [Identifier]
    /// The latitude (radians) geographic positions are projected around.
    public let referenceLatitude: Double
    private let placed: [Identifier: Place]

    private struct Place: Sendable, Hashable {
        var x: Int
        var y: Int
    }

    /// What `unplacedEntries` starts with.
    public static let unplacedTitle = "unplaced:"

    /// The projection of `topology`'s nodes into `area` under `viewport`: fitted to the
    /// extent the viewport holds, else to the topology's own.
    public init(topology: Topology, viewport: Viewport, area: Rect) {
        self.area = area
        let extent = viewport.held ?? MapExtent(of: topology)
        let reference = extent.referenceLatitude
        referenceLatitude = reference
        points = topology.nodes.compactMap { node in
            node.position.map { (node.id, MapPoint($0, referenceLatitude: reference)) }
        }
        unplaced = topology.nodes.filter { $0.position == nil }.map(\.id)

        // Room for the widest label on both sides (labels go right or left of a node), a row above and below.
        let side = min(extent.widestLabel + 2, max(1, (area.width - 1) / 3))
        var usable = area.width > 2 * side + 2 ? Rect(x: area.x + side, y: area.y, width: area.width - 2 * side,
                                                        height: area.height) : area
        if !unplaced.isEmpty, usable.height > 2 { usable.height -= 1 }
        if usable.height > 4 { usable = Rect(x: usable.x, y: usable.y + 1, width: usable.width, height: usable.height - 2) }
        frame = usable

        let (minX, maxX, minY, maxY) = (extent.minX, extent.maxX, extent.minY, extent.maxY)
        let columns = Double(max(1, usable.width - 1)), rows = Double(max(1, usable.height - 1))
        var fitted = max((maxX - minX) / columns, (maxY - minY) / (2 * rows))
        if !(fitted > 0) { fitted = 1 }
        kmPerColumn = fitted / viewport.zoom
        let extentX = fitted * columns, extentY = 2 * fitted * rows  // what the fitted view shows
        let centre = MapPoint(x: (minX + maxX) / 2 + viewport.panX * extentX,
                              y: (minY + maxY) / 2 + viewport.panY * extentY)
        self.centre = centre

        // Place nodes in order; a node whose cell is taken moves to the nearest free cell (up to 3 away).
        var taken = Set<Place>()
        var placed: [Identifier: Place] = [:]
        var offsets: [(Int, Int)] = []
        for ring in 1...3 {
            let r: Int = ring
            offsets += [(r, 0), (-r, 0), (0, r), (0, -r), (r, r), (-r, r), (r, -r), (-r, -r)]
        }
        for (id, point) in points {
            let cell = MapProjection.cell(of: point, centre: centre, kmPerColumn: fitted / viewport.zoom, frame: usable)
            var place = Place(x: cell.x, y: cell.y)
            if taken.contains(place),
               let free = offsets.lazy.map({ Place(x: cell.x + $0.0, y: cell.y + $0.1) }).first(where: { !taken.contains($0) }) {
                place = free
            }
            taken.insert(place)
            placed[id] = place
        }
        self.placed = placed
    }

    private static func cell(of point: MapPoint, centre: MapPoint, kmPerColumn: Double, frame: Rect) -> (x: Int, y: Int) {
        let column = Double(frame.x) + Double(frame.width - 1) / 2 + (point.x - centre.x) / kmPerColumn
        let row = Double(frame.y) + Double(frame.height - 1) / 2 - (point.y - centre.y) / (2 * kmPerColumn)
        return (cellIndex(column), cellIndex(row))
    }

    /// A cell coordinate from a real one, rounded; a huge one (a node 1e305 km away) or one that is not a number is
    /// kept far off the screen instead of trapping.
    private static func cellIndex(_ value: Double) -> Int {
        let far = 1e9
        guard !value.isNaN else { return -Int(far) }
        return Int(max(-far, min(far, value.rounded())))
    }

    /// The cell of map point `point` (may lie outside `area`).
    public func cell(of point: MapPoint) -> (x: Int, y: Int) {
        MapProjection.cell(of: point, centre: centre, kmPerColumn: kmPerColumn, frame: frame)
    }

    /// The map point at the centre of cell `x`, `y`.
    public func point(atX x: Int, y: Int) -> MapPoint {
        let column = Double(x) - (Double(frame.x) + Double(frame.width - 1) / 2)
        let row = Double(y) - (Double(frame.y) + Double(frame.height - 1) / 2)
        return MapPoint(x: centre.x + column * kmPerColumn, y: centre.y - row * 2 * kmPerColumn)
    }

    /// The cell node `id` is drawn in, if it has a position (nudged off a cell another node took first).
    public func cell(ofNode id: Identifier) -> (x: Int, y: Int)? {
        placed[id].map { ($0.x, $0.y) }
    }

    /// The nodes listed on the bottom row as "unplaced": each id and the columns its symbol and id cover.
    public func unplacedEntries() -> [(id: Identifier, columns: Range<Int>)] {
        guard !unplaced.isEmpty, !area.isEmpty else { return [] }
        var x = area.x + 1 + DisplayWidth.of(MapProjection.unplacedTitle) + 1
        return unplaced.map { id in
            let width = 2 + DisplayWidth.of(id.rawValue)  // symbol, space, id
            defer { x += width + 2 }
            return (id, x..<x + width)
        }
    }

    /// The row the unplaced nodes are listed on.
    public var unplacedRow: Int { area.maxY - 1 }
}
