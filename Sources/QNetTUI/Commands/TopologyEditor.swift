import Foundation
import QNetModel

/// The edits of the `:` command line, applied to a topology through the
/// schema's fields (so they take the file's keys and units) and checked with
/// `Topology.validate()`: an edit that adds an error is refused whole.
public enum TopologyEditor {
    /// The result of an edit: the new topology, what to tell the user, what to select.
    public struct Outcome: Sendable, Hashable {
        public var topology: Topology
        public var message: String
        public var selection: Selection?
    }

    // MARK: :set

    /// Sets `keyPath` (a key, or a key and an inner key) of the item `id` to `text`.
    public static func set(_ id: Identifier, keyPath: [String], to text: String, in topology: Topology)
        throws(CommandError) -> Outcome
    {
        let value = try FlowValue.parse(text)
        var next = topology
        let label = "\(id).\(keyPath.joined(separator: "."))"
        let shown: String
        if let index = topology.nodeIndex(id) {
            shown = try write(keyPath, value, into: &next.nodes[index], label: label)
        } else if let index = topology.linkIndex(id) {
            shown = try write(keyPath, value, into: &next.links[index], label: label)
        } else if let index = topology.demandIndex(id) {
            shown = try write(keyPath, value, into: &next.demands[index], label: label)
        } else if let index = topology.equipment.sources.firstIndex(where: { $0.name == id.rawValue }) {
            shown = try write(keyPath, value, into: &next.equipment.sources[index], label: label)
        } else if let index = topology.equipment.detectors.firstIndex(where: { $0.name == id.rawValue }) {
            shown = try write(keyPath, value, into: &next.equipment.detectors[index], label: label)
        } else if let index = topology.equipment.memories.firstIndex(where: { $0.name == id.rawValue }) {
            shown = try write(keyPath, value, into: &next.equipment.memories[index], label: label)
        } else if id == "defaults" {
            shown = try write(keyPath, value, into: &next.defaults, label: label)
        } else {
            throw CommandError("no node, link, demand or equipment named '\(id)'")
        }
        try checkNoNewErrors(next, comparedWith: topology)
        return Outcome(topology: next, message: "\(label) = \(shown)", selection: Selection.find(id, in: next))
    }

    /// Writes `value` under `keyPath` of `record`; returns the value as now stored.
    private static func write<Record: SchemaRecord>(_ keyPath: [String], _ value: FieldValue, into record: inout Record,
                                                    label: String) throws(CommandError) -> String {
        guard let key = keyPath.first, let field = Record.field(named: key) else {
            let known = Record.fields.map(\.key).joined(separator: ", ")
            throw CommandError("unknown key '\(keyPath.first ?? "")' (known: \(known))")
        }
        guard keyPath.count <= 2 else { throw CommandError("\(label): keys nest at most one level (KEY.INNER)") }
        var stored = value
        if keyPath.count == 2 {
            guard case .scalar(let inner) = value else { throw CommandError("\(label) takes a single value") }
            var entries: [FieldValue.Entry] = []
            if let current = field.read(record) {
                guard case .mapping(let existing) = current else { throw CommandError("\(key) has no inner keys") }
                entries = existing
            }
            if let index = entries.firstIndex(where: { $0.key == keyPath[1] }) {
                entries[index].value = inner
            } else {
                entries.append(FieldValue.Entry(keyPath[1], inner))
            }
            stored = .mapping(entries)
        }
        do throws(FieldError) {
            try field.write(stored, into: &record)
        } catch {
            throw CommandError("refused: \(error.message)")
        }
        return field.read(record).map(describe) ?? "(none)"
    }

    // MARK: :add

    /// Adds a node of `kind` at `x`, `y` (bare numbers in km); a satellite also takes its altitude.
    public static func addNode(_ id: Identifier, kind: String, x: String, y: String, altitude: String?,
                               to topology: Topology) throws(CommandError) -> Outcome {
        var node = Node(id: id)
        try write(["kind"], .scalar(kind), into: &node)
        try write(["position"], .mapping([.init("x", kilometres(x)), .init("y", kilometres(y))]), into: &node)
        if let altitude { try write(["altitude"], .scalar(kilometres(altitude)), into: &node) }
        var next = topology
        next.nodes.append(node)
        try checkNoNewErrors(next, comparedWith: topology)
        return Outcome(topology: next, message: "added \(node.resolvedKind.rawValue) node \(id)", selection: .node(id))
    }

    /// Adds a link from `from` to `to` over `medium`; its length defaults to the distance between the nodes.
    public static func addLink(_ id: Identifier, from: Identifier, to: Identifier, medium: String, length: String?,
                               to topology: Topology) throws(CommandError) -> Outcome {
        var link = Link(id: id, from: from, to: to)
        try write(["medium"], .scalar(medium), into: &link)
        var note = ""
        if let length {
            try write(["length"], .scalar(kilometres(length)), into: &link)
        } else if link.resolvedMedium != .satellite,
                  let a = topology.node(from)?.position, let b = topology.node(to)?.position,
                  let distance = MapPoint.distanceKm(a, b) {
            let rounded = (distance * 100).rounded() / 100
            try write(["length"], .scalar("\(Quantity.format(rounded)) km"), into: &link)
            note = ", length \(Quantity.format(rounded)) km from the positions"
        }
        var next = topology
        next.links.append(link)
        try checkNoNewErrors(next, comparedWith: topology)
        return Outcome(topology: next, message: "added \(link.resolvedMedium.rawValue) link \(id)\(note)", selection: .link(id))
    }

    /// Adds a demand for `rate` of key between `from` and `to`.
    public static func addDemand(from: Identifier, to: Identifier, rate: String, to topology: Topology)
        throws(CommandError) -> Outcome
    {
        var demand = Demand(from: from, to: to)
        try write(["key_rate"], .scalar(rate), into: &demand)
        var next = topology
        next.demands.append(demand)
        try checkNoNewErrors(next, comparedWith: topology)
        let rateText = demand.keyRate?.text ?? rate
        return Outcome(topology: next, message: "added demand \(demand.resolvedID) for \(rateText)",
                       selection: .demand(demand.resolvedID))
    }

    // MARK: :del

    /// Deletes the item `id`; a node takes the links and demands that name it with it.
    public static func delete(_ id: Identifier, from topology: Topology) throws(CommandError) -> Outcome {
        var next = topology
        if topology.node(id) != nil {
            next.nodes.removeAll { $0.id == id }
            let links = next.links.count, demands = next.demands.count
            next.links.removeAll { $0.touches(id) }
            next.demands.removeAll { $0.from == id || $0.to == id }
            let removed = [count(links - next.links.count, "link"), count(demands - next.demands.count, "demand")]
                .filter { !$0.isEmpty }
            let tail = removed.isEmpty ? "" : " and its " + removed.joined(separator: " and ")
            try checkNoNewErrors(next, comparedWith: topology)
            return Outcome(topology: next, message: "deleted node \(id)\(tail)", selection: nil)
        }
        if topology.link(id) != nil {
            next.links.removeAll { $0.id == id }
            try checkNoNewErrors(next, comparedWith: topology)
            return Outcome(topology: next, message: "deleted link \(id)", selection: nil)
        }
        if topology.demandIndex(id) != nil {
            next.demands.removeAll { $0.resolvedID == id }
            try checkNoNewErrors(next, comparedWith: topology)
            return Outcome(topology: next, message: "deleted demand \(id)", selection: nil)
        }
        throw CommandError("no node, link or demand '\(id)'")
    }

    // MARK: Helpers

    private static func write<Record: SchemaRecord>(_ keyPath: [String], _ value: FieldValue, into record: inout Record)
        throws(CommandError)
    {
        _ = try write(keyPath, value, into: &record, label: keyPath.joined(separator: "."))
    }

    /// A bare number is taken in km; anything else is passed on as written (`500 m`, `2.5km`).
    private static func kilometres(_ text: String) -> String {
        Quantity.parseNumber(text) != nil ? "\(text) km" : text
    }

    /// Refuses `next` when it has an error that `previous` did not have.
    static func checkNoNewErrors(_ next: Topology, comparedWith previous: Topology) throws(CommandError) {
        let before = Set(previous.validate().filter { $0.severity == .error }.map(\.message))
        if let new = next.validate().first(where: { $0.severity == .error && !before.contains($0.message) }) {
            throw CommandError("refused: \(new.message)")
        }
    }

    static func describe(_ value: FieldValue) -> String {
        switch value {
        case .scalar(let text): return text
        case .sequence(let items): return "[" + items.joined(separator: ", ") + "]"
        case .mapping(let entries): return "{" + entries.map { "\($0.key): \($0.value)" }.joined(separator: ", ") + "}"
        }
    }

    private static func count(_ number: Int, _ noun: String) -> String {
        number == 0 ? "" : number == 1 ? "1 \(noun)" : "\(number) \(noun)s"
    }
}
