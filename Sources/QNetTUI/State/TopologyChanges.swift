import QNetModel

/// What an autosave changes from the file it was kept for, record by record, for the question that offers it back:
/// the top-level entries (name, description, sources, defaults, equipment), and the nodes, links and demands by id.
struct TopologyChanges: Sendable, Hashable {
    /// Entries and records both have, which differ: the entries first, then the records in the edited order.
    private(set) var changed: [String] = []
    /// Records only the edited topology has.
    private(set) var added: [String] = []
    /// Records only the file has.
    private(set) var removed: [String] = []

    /// The longest new name or description shown, in columns; a longer one is cut with `…`.
    static let valueColumns = 24

    /// The changes from `file` to `edited`. - Complexity: O(records), each record hashed once.
    init(from file: Topology, to edited: Topology) {
        // The texts with their new values, so that two autosaves that rename the network can be told apart.
        let entries = [(Self.newValue("name", edited.name), file.name != edited.name),
                       (Self.newValue("description", edited.description), file.description != edited.description),
                       ("sources", file.sources != edited.sources), ("defaults", file.defaults != edited.defaults),
                       ("equipment", file.equipment != edited.equipment)]
        changed = entries.filter(\.1).map(\.0)
        compare(file.nodes.map { ($0.id, $0) }, edited.nodes.map { ($0.id, $0) })
        compare(file.links.map { ($0.id, $0) }, edited.links.map { ($0.id, $0) })
        compare(file.demands.map { ($0.resolvedID, $0) }, edited.demands.map { ($0.resolvedID, $0) })
    }

    /// `name → "Metro v2"`: the entry `key` and its new text on one line, quoted, cut to `valueColumns`; `none` when
    /// it was removed.
    private static func newValue(_ key: String, _ text: String?) -> String {
        guard let text else { return key + " → none" }
        let line = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return key + " → \"" + DisplayWidth.truncate(line, to: valueColumns) + "\""
    }

    /// `changed name → "Metro v2", L1; added T9; removed A-B`, naming at most `limit` in all (then `and 3 more`).
    func summary(naming limit: Int) -> String {
        var room = limit, unnamed = 0, parts: [String] = []
        for (verb, names) in [("changed", changed), ("added", added), ("removed", removed)] where !names.isEmpty {
            let named = names.prefix(room)
            room -= named.count
            unnamed += names.count - named.count
            if !named.isEmpty { parts.append(verb + " " + named.joined(separator: ", ")) }
        }
        if unnamed > 0 { parts.append("and \(unnamed) more") }
        return parts.isEmpty ? "the same records, in another order" : parts.joined(separator: "; ")
    }

    /// Adds the records of one kind that differ, appear or go, told by their ids, each id once (the first record of a
    /// repeated id counts).
    private mutating func compare<Record: Hashable>(_ before: [(Identifier, Record)], _ after: [(Identifier, Record)]) {
        let old = Dictionary(before, uniquingKeysWith: { first, _ in first })
        let new = Dictionary(after, uniquingKeysWith: { first, _ in first })
        for (id, record) in Self.firstOfEachID(after) {
            if let was = old[id] {
                if was != record { changed.append(id.rawValue) }
            } else {
                added.append(id.rawValue)
            }
        }
        removed += Self.firstOfEachID(before).filter { new[$0.0] == nil }.map(\.0.rawValue)
    }

    /// The records whose id no record before them has, in order.
    private static func firstOfEachID<Record>(_ records: [(Identifier, Record)]) -> [(Identifier, Record)] {
        var seen = Set<Identifier>()
        return records.filter { seen.insert($0.0).inserted }
    }
}
