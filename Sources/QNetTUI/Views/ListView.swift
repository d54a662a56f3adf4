import QNetFormats
import QNetModel
import QNetPlanner

/// The network pane: nodes, links, demands and the equipment library in file
/// order, then the defaults; the selection highlighted and kept in view.
enum ListView {
    static func draw(_ state: AppState, in area: Rect, glyphs: GlyphSet, into canvas: inout Canvas) {
        guard !area.isEmpty else { return }
        for (line, row) in visibleRows(state, height: area.height, glyphs: glyphs).enumerated() {
            let rect = area.row(line)
            var text = row.text
            if row.selection != nil, row.selection == state.selection {
                canvas.fill(rect, role: .selection)
                text.role = .selection
                text.valueRole = .selection
            }
            text.draw(in: rect, glyphs: glyphs, into: &canvas)
        }
    }

    /// The item shown on row `line` of a list pane `height` rows high, if any.
    static func item(atLine line: Int, _ state: AppState, height: Int) -> Selection? {
        let rows = visibleRows(state, height: height, glyphs: .ascii)
        return rows.indices.contains(line) ? rows[line].selection : nil
    }

    /// The rows in view: scrolled so that the selection sits mid-pane when the list is longer than the pane.
    private static func visibleRows(_ state: AppState, height: Int, glyphs: GlyphSet) -> ArraySlice<Row> {
        let rows = self.rows(state, glyphs: glyphs)
        let selectedIndex = rows.firstIndex { $0.selection != nil && $0.selection == state.selection }
        let offset = min(max(0, (selectedIndex ?? 0) - height / 2), max(0, rows.count - height))
        return rows.dropFirst(offset).prefix(height)
    }

    private struct Row {
        var text: TextRow
        var selection: Selection?
    }

    private static func rows(_ state: AppState, glyphs: GlyphSet) -> [Row] {
        let topology = state.topology
        let linkPlans = Dictionary((state.plan?.links ?? []).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let demandPlans = Dictionary((state.plan?.demands ?? []).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var rows: [Row] = [Row(text: .heading("Nodes (\(topology.nodes.count))"))]
        for node in topology.nodes {
            rows.append(Row(text: TextRow("\(glyphs.symbol(for: node.resolvedKind)) \(node.id)", node.resolvedKind.rawValue,
                                          valueRole: .dim),
                            selection: .node(node.id)))
        }
        rows.append(Row(text: .heading("Links (\(topology.links.count))")))
        for link in topology.links {
            let plan = linkPlans[link.id]
            let rate = plan.map { EngineeringFormat.rate($0.keyRateBps) } ?? link.length?.text ?? ""
            rows.append(Row(text: TextRow("\(link.id) \(link.from)–\(link.to)", rate, valueRole: LinkState(plan).role),
                            selection: .link(link.id)))
        }
        rows.append(Row(text: .heading("Demands (\(topology.demands.count))")))
        for demand in topology.demands {
            let id = demand.resolvedID
            var value = demand.keyRate?.text ?? "0 bit/s"
            var role = StyleRole.normal
            if let plan = demandPlans[id] {
                value += " " + String(plan.satisfied ? glyphs.met : glyphs.unmet)
                role = plan.satisfied ? .good : .bad
            }
            rows.append(Row(text: TextRow("\(id)", value, valueRole: role), selection: .demand(id)))
        }
        let library = EquipmentKind.allCases.flatMap { kind in kind.names(in: topology).map { (kind, $0) } }
        rows.append(Row(text: .heading("Equipment (\(library.count))")))
        for (kind, name) in library {
            rows.append(Row(text: TextRow(name, kind.rawValue, valueRole: .dim), selection: .equipment(kind, name)))
        }
        let defaults = TopologyDefaults.fields.filter { $0.read(topology.defaults) != nil }.count
        rows.append(Row(text: TextRow("defaults", defaults == 0 ? "none set" : "\(defaults) set", valueRole: .dim),
                        selection: .defaults))
        return rows
    }
}
