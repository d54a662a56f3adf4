import QNetFormats
import QNetModel
import QNetPlanner

/// The network pane: nodes, links, demands and the equipment library in file
/// order, then the defaults; the selection highlighted and kept in view.
///
/// Only the rows in view are built, so a network of thousands of links draws
/// as fast as a small one.
enum ListView {
    static func draw(_ state: AppState, in area: Rect, glyphs: GlyphSet, into canvas: inout Canvas) {
        guard !area.isEmpty else { return }
        let list = Rows(state, glyphs: glyphs)
        let offset = list.offset(height: area.height)
        for line in 0..<max(0, min(area.height, list.count - offset)) {
            let rect = area.row(line)
            let row = list.row(offset + line)
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
        let list = Rows(state, glyphs: .ascii)
        let index = list.offset(height: height) + line
        guard line >= 0, line < height, index < list.count else { return nil }
        return list.row(index).selection
    }

    private struct Row {
        var text: TextRow
        var selection: Selection?
    }

    /// The list's rows by index: a heading and the items of each section, then the defaults.
    private struct Rows {
        let state: AppState
        let glyphs: GlyphSet
        let library: [(EquipmentKind, String)]
        /// Index of each section's heading: nodes, links, demands, equipment.
        let headings: [Int]
        let count: Int

        init(_ state: AppState, glyphs: GlyphSet) {
            self.state = state
            self.glyphs = glyphs
            let topology = state.topology
            library = EquipmentKind.allCases.flatMap { kind in kind.names(in: topology).map { (kind, $0) } }
            let sizes = [topology.nodes.count, topology.links.count, topology.demands.count, library.count]
            var headings: [Int] = [], next = 0
            for size in sizes {
                headings.append(next)
                next += 1 + size
            }
            self.headings = headings
            count = next + 1  // the defaults
        }

        /// The first row in view: the selection sits mid-pane when the list is longer than the pane.
        func offset(height: Int) -> Int {
            min(max(0, (index(of: state.selection) ?? 0) - height / 2), max(0, count - height))
        }

        private func index(of selection: Selection?) -> Int? {
            let topology = state.topology
            switch selection {
            case .node(let id)?: return topology.nodeIndex(id).map { headings[0] + 1 + $0 }
            case .link(let id)?: return topology.linkIndex(id).map { headings[1] + 1 + $0 }
            case .demand(let id)?: return topology.demandIndex(id).map { headings[2] + 1 + $0 }
            case .equipment(let kind, let name)?:
                return library.firstIndex { $0.0 == kind && $0.1 == name }.map { headings[3] + 1 + $0 }
            case .defaults?: return count - 1
            case nil: return nil
            }
        }

        func row(_ index: Int) -> Row {
            let topology = state.topology
            if index == count - 1 {
                let set = TopologyDefaults.fields.filter { $0.read(topology.defaults) != nil }.count
                return Row(text: TextRow("defaults", set == 0 ? "none set" : "\(set) set", valueRole: .dim), selection: .defaults)
            }
            let section = headings.lastIndex { $0 <= index } ?? 0
            let item = index - headings[section] - 1
            switch (section, item) {
            case (0, -1): return Row(text: .heading("Nodes (\(topology.nodes.count))"))
            case (1, -1): return Row(text: .heading("Links (\(topology.links.count))"))
            case (2, -1): return Row(text: .heading("Demands (\(topology.demands.count))"))
            case (_, -1): return Row(text: .heading("Equipment (\(library.count))"))
            case (0, _):
                let node = topology.nodes[item]
                return Row(text: TextRow("\(glyphs.symbol(for: node.resolvedKind)) \(node.id)", node.resolvedKind.rawValue,
                                         valueRole: .dim),
                           selection: .node(node.id))
            case (1, _):
                let link = topology.links[item]
                let plan = state.plan?.linkPlan(at: item, id: link.id)
                // A satellite link with a pass: the daily average its passes give, which is what demands get.
                let rate = plan.map { plan in
                    plan.pass.map { EngineeringFormat.rate($0.keyGraphFigures.dailyAverageBps) + " avg" }
                        ?? PlanFigures.linkRate(plan)
                } ?? link.length?.text ?? ""
                return Row(text: TextRow("\(link.id) \(link.from)–\(link.to)", rate, valueRole: LinkState(plan).role),
                           selection: .link(link.id))
            case (2, _):
                let demand = topology.demands[item], id = demand.resolvedID
                var value = demand.keyRate?.text ?? "0 bit/s"
                var role = StyleRole.normal
                if let plan = state.plan?.demandPlan(at: item, id: id) {
                    value += " " + String(plan.satisfied ? glyphs.met : glyphs.unmet)
                    role = plan.satisfied ? .good : .bad
                }
                return Row(text: TextRow("\(id)", value, valueRole: role), selection: .demand(id))
            default:
                let (kind, name) = library[item]
                return Row(text: TextRow(name, kind.rawValue, valueRole: .dim), selection: .equipment(kind, name))
            }
        }
    }
}
