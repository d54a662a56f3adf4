import QNetFormats
import QNetModel
import QNetPlanner

/// The inspector on the equipment library and the defaults: what an entry is
/// used by (and the key each of those links gets), the keys it sets, and the plan's warnings at them.
extension InspectorContent {
    /// Rows for entry `name` of `kind`; nil when there is no such entry.
    static func equipmentRows(_ kind: EquipmentKind, _ name: String, _ state: AppState) -> [TextRow]? {
        let topology = state.topology
        let keys: [TextRow]
        switch kind {
        case .source: guard let entry = topology.equipment.source(named: name) else { return nil }; keys = keyRows(entry)
        case .detector: guard let entry = topology.equipment.detector(named: name) else { return nil }; keys = keyRows(entry)
        case .memory: guard let entry = topology.equipment.memory(named: name) else { return nil }; keys = keyRows(entry)
        }
        let users = EquipmentUse.users(of: kind, named: name, in: topology)
        var rows: [TextRow] = [.heading("Used by")]
        if users.nodes.isEmpty, users.links.isEmpty {
            rows.append(TextRow("  nothing yet: pick it on a node's or link's \(kind.rawValue) key (Enter on the node, then on \(kind.rawValue))",
                                role: .dim))
        }
        if !users.nodes.isEmpty {
            rows.append(TextRow("  nodes", users.nodes.map(\.rawValue).joined(separator: ", ")))
        }
        let plans = Dictionary((state.plan?.links ?? []).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for id in users.links {
            let plan = plans[id]
            rows.append(TextRow("  link \(id)", plan.map { EngineeringFormat.rate($0.keyRateBps) } ?? "not planned",
                                valueRole: LinkState(plan).role))
        }
        rows += keys.count > 2 ? keys : [.blank, TextRow("no keys set: the planner's built-in values apply", role: .dim)]
        // The plan's warnings at this entry's keys (a detector giving its dark counts twice), where the keys are.
        let prefix = "equipment.\(kind.section).\(name)."
        let own = (state.plan?.diagnostics ?? []).filter { $0.keyPath?.hasPrefix(prefix) == true }
        if !own.isEmpty { rows += [.blank] + diagnosticRows(own) }
        rows += [.blank, TextRow("Enter edits it (every link using it re-plans) · :del \(kind.section).\(name) removes it",
                                 role: .dim)]
        return rows
    }

    /// Rows for the topology's `defaults`.
    static func defaultsRows(_ topology: Topology) -> [TextRow] {
        var rows = [TextRow("Links that do not set a key themselves take it from here, else from the planner's built-in defaults.",
                            role: .dim)]
        let keys = keyRows(topology.defaults)
        rows += keys.count > 2 ? keys : [.blank, TextRow("none set", role: .dim)]
        rows += [.blank, TextRow("Enter edits them", role: .dim)]
        return rows
    }
}
