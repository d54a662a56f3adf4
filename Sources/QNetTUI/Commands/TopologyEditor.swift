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
        /// The validation errors of `topology` (ones it had before the edit), once checked.
        public var errors: [Diagnostic]?
    }

    // MARK: :add

    /// Adds a node of `kind` at `x`, `y` (bare numbers in km); a satellite also takes its altitude.
    public static func addNode(_ id: Identifier, kind: String, x: String, y: String, altitude: String?,
                               to topology: Topology) throws(CommandError) -> Outcome {
        try refuseShadowing(id, in: topology)
        try refuseTaken(id, in: topology)
        var node = Node(id: id)
        try write(["kind"], .scalar(kind), into: &node)
        try write(["position"], .mapping([.init("x", kilometres(x)), .init("y", kilometres(y))]), into: &node)
        if let altitude { try write(["altitude"], .scalar(kilometres(altitude)), into: &node) }
        var next = topology
        next.nodes.append(node)
        return try checked(Outcome(topology: next, message: "added \(node.resolvedKind.rawValue) node \(id)", selection: .node(id)), against: topology)
    }

    /// Adds a link from `from` to `to` over `medium`; its length defaults to the distance between the nodes.
    public static func addLink(_ id: Identifier, from: Identifier, to: Identifier, medium: String, length: String?,
                               to topology: Topology) throws(CommandError) -> Outcome {
        try refuseShadowing(id, in: topology)
        try refuseTaken(id, in: topology)
        var link = Link(id: id, from: from, to: to)
        try write(["medium"], .scalar(medium), into: &link)
        var note = ""
        let satellite = link.resolvedMedium == .satellite
        if satellite, let angle = length, (try? Quantity.parse(angle, as: .angle)) != nil {
            // A satellite link's own figure is its elevation (the range follows from the satellite's altitude).
            try write(["elevation"], .scalar(angle), into: &link)
        } else if let length {
            try write(["length"], .scalar(kilometres(length)), into: &link)
        } else if satellite {
            // Without a figure, a pass at the built-in defaults (through the zenith, down to 10 deg, once a day).
            try write(["pass"], .mapping([]), into: &link)
            note = " with a pass at the defaults (:set \(id).pass {max_elevation: 60 deg} to change)"
        } else if
                  let a = topology.node(from)?.position, let b = topology.node(to)?.position,
                  let distance = a.groundDistance(to: b) {
            let rounded = (distance / 10).rounded() / 100
            try write(["length"], .scalar("\(Quantity.format(rounded)) km"), into: &link)
            note = ", length \(Quantity.format(rounded)) km from the positions"
        }
        var next = topology
        next.links.append(link)
        return try checked(Outcome(topology: next, message: "added \(link.resolvedMedium.rawValue) link \(id)\(note)", selection: .link(id)), against: topology)
    }

    /// Adds a demand for `rate` of key between `from` and `to`, with the id `id` (default `FROM-TO`).
    public static func addDemand(from: Identifier, to: Identifier, rate: String, id: Identifier? = nil,
                                 to topology: Topology) throws(CommandError) -> Outcome
    {
        var demand = Demand(id: id, from: from, to: to)
        // The rate first: a duplicate id's advice repeats it, and would repeat a rate that does not read.
        try write(["key_rate"], .scalar(rate), into: &demand)
        if let id { try refuseShadowing(id, in: topology) }
        try refuseTaken(demand.resolvedID, in: topology, advice: id != nil ? "" : {
            let free = (2...).lazy.map { Identifier("\(demand.resolvedID)-\($0)") }.first { topology.idKeyPath(of: $0) == nil }
            return "; give it an id: :add demand \(from) \(to) \(rate) \(free ?? "ID")"
        }())
        var next = topology
        next.demands.append(demand)
        let rateText = demand.keyRate?.text ?? rate
        return try checked(Outcome(topology: next, message: "added demand \(demand.resolvedID) for \(rateText)",
                                   selection: .demand(demand.resolvedID)), against: topology)
    }

    // MARK: :del

    /// Deletes the item `id` (an equipment entry as `sources.NAME`, or by its bare name);
    /// a node takes the links and demands that name it with it.
    public static func delete(_ id: Identifier, from topology: Topology) throws(CommandError) -> Outcome {
        let (item, rest) = try Selection.resolve(id.rawValue.components(separatedBy: "."), in: topology)
        guard rest.isEmpty else { throw CommandError("usage: :del ID (a node, link, demand or equipment entry)") }
        var next = topology
        switch item {
        case .node(let id):
            next.nodes.removeAll { $0.id == id }
            let links = next.links.filter { $0.touches(id) }.map(\.id.rawValue)
            let demands = next.demands.filter { $0.from == id || $0.to == id }.map(\.resolvedID.rawValue)
            next.links.removeAll { $0.touches(id) }
            next.demands.removeAll { $0.from == id || $0.to == id }
            let removed = [named(links, "link"), named(demands, "demand")].filter { !$0.isEmpty }
            let tail = removed.isEmpty ? "" : ", its " + removed.joined(separator: " and its ")
            return try checked(Outcome(topology: next, message: "deleted node \(id)\(tail)", selection: nil), against: topology)
        case .link(let id):
            next.links.removeAll { $0.id == id }
            return try checked(Outcome(topology: next, message: "deleted link \(id)", selection: nil), against: topology)
        case .demand(let id):
            next.demands.removeAll { $0.resolvedID == id }
            return try checked(Outcome(topology: next, message: "deleted demand \(id)", selection: nil), against: topology)
        case .equipment(let kind, let name):
            return try deleteEquipment(kind, name, from: topology)
        case .defaults:
            throw CommandError("defaults cannot be deleted: open them (Enter) and press d on a key to clear it")
        }
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

    /// `outcome`, refused when its topology has an error that `previous` did not have, and
    /// carrying its topology's errors (`previous` is validated only when there are some: an
    /// edit of a valid topology validates once).
    static func checked(_ outcome: Outcome, against previous: Topology) throws(CommandError) -> Outcome {
        var outcome = outcome
        let errors = outcome.topology.validate().filter { $0.severity == .error }
        outcome.errors = errors
        guard !errors.isEmpty else { return outcome }
        let before = Set(previous.validate().filter { $0.severity == .error }.map(\.message))
        if let new = errors.first(where: { !before.contains($0.message) }) {
            throw CommandError.refused(new.message)
        }
        return outcome
    }

    /// The error for a key `Record` does not have: the closest known key, else all of them.
    static func unknownKey<Record: SchemaRecord>(_ key: String, of _: Record.Type) -> CommandError {
        let known = Record.fields.map(\.key)
        if let close = Suggestion.closest(to: key, in: known) {
            return CommandError("unknown key '\(key)': did you mean '\(close)'?")
        }
        return CommandError("unknown key '\(key)' (known: \(known.joined(separator: ", ")))")
    }

    static func describe(_ value: FieldValue) -> String {
        switch value {
        case .scalar(let text): return text
        case .sequence(let items): return "[" + items.joined(separator: ", ") + "]"
        case .mapping(let entries): return "{" + entries.map { "\($0.key): \($0.value)" }.joined(separator: ", ") + "}"
        }
    }

    /// `1 link`, `3 links`, or nothing for none.
    static func count(_ number: Int, _ noun: String) -> String {
        number == 0 ? "" : number == 1 ? "1 \(noun)" : "\(number) \(noun)s"
    }

    /// The items `ids` by name (`link L1`, `links L1, L2, L3`), or counted when there are more than three
    /// (`5 links`); empty when there are none.
    static func named(_ ids: [String], _ noun: String) -> String {
        switch ids.count {
        case 0: ""
        case 1: "\(noun) \(ids[0])"
        case 2...3: "\(noun)s \(ids.joined(separator: ", "))"
        default: count(ids.count, noun)
        }
    }
}
