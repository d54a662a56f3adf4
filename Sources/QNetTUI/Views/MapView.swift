import QNetModel
import QNetPlanner

/// The map pane: links as lines (stroke by medium, colour by key state), nodes
/// as symbols by kind, and their ids as labels placed where they overwrite no
/// node or other label.
enum MapView {
    static func draw(_ state: AppState, in area: Rect, glyphs: GlyphSet, into canvas: inout Canvas) {
        guard !area.isEmpty else { return }
        let projection = state.mapProjection(in: area)
        drawUnplaced(state, projection, glyphs: glyphs, into: &canvas)
        if projection.points.isEmpty {
            let message = state.topology.nodes.isEmpty ? "no nodes yet: :add node ID KIND X Y" : "no node has a position"
            canvas.write(message, in: area.row(area.height / 2), role: .dim, alignment: .centre, ellipsis: glyphs.ellipsis)
            return
        }
        let path = bestPathLinks(state)
        for (index, link) in state.topology.links.enumerated() {
            guard let from = projection.cell(ofNode: link.from), let to = projection.cell(ofNode: link.to) else { continue }
            let highlighted = state.selection == .link(link.id) || path.contains(link.id)
            let role = highlighted ? StyleRole.selection : (state.plan?.linkState(at: index, id: link.id) ?? .unplanned).role
            drawLine(from: from, to: to, strokes: glyphs.strokes(for: link.resolvedMedium), role: role,
                     clip: area, into: &canvas)
        }
        var taken = Set<Int>()  // cells holding a node or a label, as y * width + x
        let width = canvas.width
        var placed: [(Node, (x: Int, y: Int))] = []
        for node in state.topology.nodes {
            guard let cell = projection.cell(ofNode: node.id) else { continue }
            let role: StyleRole = state.selection == .node(node.id) ? .selection : .node
            if canvas.put(glyphs.symbol(for: node.resolvedKind), x: cell.x, y: cell.y, role: role, clip: area) > 0 {
                taken.insert(cell.y * width + cell.x)
                placed.append((node, cell))
            }
        }
        for (node, cell) in placed {
            let id = node.id.rawValue
            let length = DisplayWidth.of(id)
            // Right of the node, left of it, above, below: the first place that covers no node or label.
            let candidates = [(" " + id, cell.x + 1, cell.y), (id + " ", cell.x - 1 - length, cell.y),
                              (id, cell.x - length / 2, cell.y - 1), (id, cell.x - length / 2, cell.y + 1)]
            let selected = state.selection == .node(node.id)
            for (label, x, y) in candidates {
                let length = DisplayWidth.of(label)
                let cells = (x..<x + length).map { y * width + $0 }
                guard x >= area.x, x + length <= area.maxX, y >= area.y, y < area.maxY,
                      cells.allSatisfy({ !taken.contains($0) }) else { continue }
                canvas.write(label, x: x, y: y, role: selected ? .selection : .normal, clip: area)
                taken.formUnion(cells)
                break
            }
        }
        let hidden = offMap(projection)
        if hidden > 0 {
            canvas.write("\(hidden) node\(hidden == 1 ? "" : "s") off the map: 0 fits", in: area.row(0), role: .warning,
                         alignment: .right, ellipsis: glyphs.ellipsis)
        }
    }

    /// The links of the selected demand's best path (through its segments); empty when no demand is selected.
    static func bestPathLinks(_ state: AppState) -> Set<Identifier> {
        guard let demand = state.selectedDemandPlan, let plan = state.plan else { return [] }
        let segments = Set(demand.bestPathSegments)
        return Set(plan.segments.filter { segments.contains($0.id) }.flatMap(\.links))
    }

    /// How many positioned nodes lie outside `area` (panned or zoomed away, or added since the map was held).
    private static func offMap(_ projection: MapProjection) -> Int {
        projection.points.filter { entry in
            guard let cell = projection.cell(ofNode: entry.id) else { return false }
            return !projection.area.contains(x: cell.x, y: cell.y)
        }.count
    }

    /// The nodes without a position, listed on the bottom row: `unplaced: ◆ MICIUS`.
    private static func drawUnplaced(_ state: AppState, _ projection: MapProjection, glyphs: GlyphSet,
                                     into canvas: inout Canvas) {
        let entries = projection.unplacedEntries()
        guard let first = entries.first else { return }
        let y = projection.unplacedRow
        canvas.write(MapProjection.unplacedTitle, x: first.columns.lowerBound - 1 - DisplayWidth.of(MapProjection.unplacedTitle),
                     y: y, role: .dim, clip: projection.area)
        for (id, columns) in entries {
            guard columns.upperBound <= projection.area.maxX else {
                canvas.write(glyphs.ellipsis, x: columns.lowerBound, y: y, role: .dim, clip: projection.area)
                break
            }
            let selected = state.selection == .node(id)
            let kind = state.topology.node(id)?.resolvedKind ?? .endpoint
            canvas.put(glyphs.symbol(for: kind), x: columns.lowerBound, y: y, role: selected ? .selection : .node,
                       clip: projection.area)
            canvas.write(id.rawValue, x: columns.lowerBound + 2, y: y, role: selected ? .selection : .normal,
                         clip: projection.area)
        }
    }

    /// A straight line between two cells (ends excluded), in the stroke its slope calls for.
    private static func drawLine(from start: (x: Int, y: Int), to end: (x: Int, y: Int), strokes: LineStrokes,
                                 role: StyleRole, clip: Rect, into canvas: inout Canvas) {
        let dx = end.x - start.x, dy = end.y - start.y
        let steps = max(abs(dx), abs(dy))
        guard steps > 1 else { return }
        let stroke: Character
        let slope = abs(Double(dy)) * 2 / max(1, abs(Double(dx)))  // rows are twice as tall as columns
        if dx == 0 || slope > 3 { stroke = strokes.vertical }
        else if slope < 0.5 { stroke = strokes.horizontal }
        else { stroke = (dx > 0) == (dy < 0) ? strokes.rising : strokes.falling }
        for step in 1..<steps {
            let t = Double(step) / Double(steps)
            let x = start.x + Int((Double(dx) * t).rounded()), y = start.y + Int((Double(dy) * t).rounded())
            canvas.put(stroke, x: x, y: y, role: role, clip: clip)
        }
    }
}
