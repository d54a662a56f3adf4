import Foundation
import QNetModel

/// What is under a mouse click: the pane, and the node, link or demand drawn there.
public enum HitTest {
    /// The pane at `x`, `y` of `state`'s screen and the item drawn at that cell, if any.
    public static func item(atX x: Int, y: Int, in state: AppState) -> (pane: Pane, selection: Selection?)? {
        let layout = Layout(size: state.screenSize, focus: state.focus)
        guard let pane = layout.pane(atX: x, y: y) else { return nil }
        switch pane {
        case .map:
            let projection = state.mapProjection(in: inner(layout.map))
            if y == projection.unplacedRow, let entry = projection.unplacedEntries().first(where: { $0.columns.contains(x) }) {
                return (pane, .node(entry.id))
            }
            return (pane, mapItem(atX: x, y: y, projection: projection, topology: state.topology))
        case .list:
            let inside = inner(layout.list)
            guard inside.contains(x: x, y: y) else { return (pane, nil) }
            return (pane, ListView.item(atLine: y - inside.y, state, height: inside.height))
        case .inspector:
            return (pane, nil)
        }
    }

    /// The node within a cell of `x`, `y`, else the link passing within a cell of it.
    private static func mapItem(atX x: Int, y: Int, projection: MapProjection, topology: Topology) -> Selection? {
        let near = projection.points.compactMap { entry -> (Identifier, Int)? in
            guard let cell = projection.cell(ofNode: entry.id) else { return nil }
            let distance = max(abs(cell.x - x), abs(cell.y - y))
            return distance <= 1 ? (entry.id, distance) : nil
        }
        if let node = near.min(by: { $0.1 < $1.1 }) { return .node(node.0) }
        var best: (Identifier, Double)?
        for link in topology.links {
            guard let a = projection.cell(ofNode: link.from), let b = projection.cell(ofNode: link.to) else { continue }
            let distance = segmentDistance(x: Double(x), y: Double(y), a: a, b: b)
            if distance <= 1, distance < (best?.1 ?? .infinity) { best = (link.id, distance) }
        }
        return best.map { .link($0.0) }
    }

    /// Distance in cells from a point to the segment `a`–`b`.
    private static func segmentDistance(x: Double, y: Double, a: (x: Int, y: Int), b: (x: Int, y: Int)) -> Double {
        let ax = Double(a.x), ay = Double(a.y), dx = Double(b.x) - ax, dy = Double(b.y) - ay
        let lengthSquared = dx * dx + dy * dy
        let t = lengthSquared == 0 ? 0 : min(1, max(0, ((x - ax) * dx + (y - ay) * dy) / lengthSquared))
        return hypot(x - (ax + t * dx), y - (ay + t * dy))
    }

    /// The inside of a bordered pane, as `Box` draws it.
    private static func inner(_ rect: Rect) -> Rect {
        rect.width >= 3 && rect.height >= 3 ? rect.inset(by: 1) : rect
    }
}
