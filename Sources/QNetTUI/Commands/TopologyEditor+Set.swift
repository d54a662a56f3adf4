import QNetModel

extension TopologyEditor {
    // MARK: :set and the edit form

    /// Sets `keyPath` (a key, or a key and an inner key) of the item `id` to `text`. An equipment
    /// entry is named `sources.NAME.KEY` (`detectors.`, `memories.`), or `NAME.KEY` when no other
    /// kind of entry has that name; its `name` key renames it. A node's `id` renames it in its links
    /// and demands too.
    public static func set(_ id: Identifier, keyPath: [String], to text: String, in topology: Topology)
        throws(CommandError) -> Outcome
    {
        let (record, keys) = try Selection.resolve([id.rawValue] + keyPath, in: topology)
        guard !keys.isEmpty else { throw CommandError("no key given: :set \(label(of: record)).KEY VALUE") }
        return try edit(record, keys, to: text, in: topology)
    }

    /// Sets `key` of `record` to `text` (as the file writes it), or removes it when `text` is nil:
    /// what the edit form does. A value the schema refuses throws with the schema's reason.
    public static func set(_ record: Selection, key: String, to text: String?, in topology: Topology)
        throws(CommandError) -> Outcome
    {
        try edit(record, [key], to: text, in: topology)
    }

    /// Writes `text` (nil: removes the key) under `keys` of `record`, and checks the result.
    private static func edit(_ record: Selection, _ keys: [String], to text: String?, in topology: Topology)
        throws(CommandError) -> Outcome
    {
        if case .equipment(let kind, let name) = record, keys == ["name"] {
            guard let text else { throw CommandError("name is required") }
            return try renameEquipment(kind, name, to: text, in: topology)
        }
        if keys == ["id"], let text {
            switch record {
            case .node, .link, .demand: return try rename(record, to: Identifier(text), in: topology)
            case .equipment, .defaults: break
            }
        }
        let value: FieldValue? = try text.map { (text) throws(CommandError) in try FlowValue.parse(text) }
        if keys.count == 1, let kind = EquipmentKind(key: keys[0]), case .scalar(let name)? = value {
            switch record {
            case .node, .link: try checkInLibrary(name, kind, topology)
            default: break
            }
        }
        var next = topology
        let label = "\(label(of: record)).\(keys.joined(separator: "."))"
        func found(_ index: Int?) throws(CommandError) -> Int {
            guard let index else { throw CommandError("no \(record.title)") }
            return index
        }
        let shown: String
        switch record {
        case .node(let id):
            shown = try write(keys, value, into: &next.nodes[found(next.nodeIndex(id))], label: label)
        case .link(let id):
            shown = try write(keys, value, into: &next.links[found(next.linkIndex(id))], label: label)
        case .demand(let id):
            shown = try write(keys, value, into: &next.demands[found(next.demandIndex(id))], label: label)
        case .equipment(.source, let name):
            let index = try found(next.equipment.sources.firstIndex { $0.name == name })
            shown = try write(keys, value, into: &next.equipment.sources[index], label: label)
        case .equipment(.detector, let name):
            let index = try found(next.equipment.detectors.firstIndex { $0.name == name })
            shown = try write(keys, value, into: &next.equipment.detectors[index], label: label)
        case .equipment(.memory, let name):
            let index = try found(next.equipment.memories.firstIndex { $0.name == name })
            shown = try write(keys, value, into: &next.equipment.memories[index], label: label)
        case .defaults:
            shown = try write(keys, value, into: &next.defaults, label: label)
        }
        return try checked(Outcome(topology: next, message: "\(label) = \(shown)", selection: record), against: topology)
    }

    /// Writes `value` under `keyPath` of `record` (nil removes the key, or the inner key);
    /// returns the value as now stored.
    static func write<Record: SchemaRecord>(_ keyPath: [String], _ value: FieldValue?, into record: inout Record,
                                            label: String) throws(CommandError) -> String {
        guard let key = keyPath.first, let field = Record.field(named: key) else {
            throw unknownKey(keyPath.first ?? "", of: Record.self)
        }
        guard keyPath.count <= 2 else { throw CommandError("\(label): keys nest at most one level (KEY.INNER)") }
        var stored = value
        var leftOut: [String] = []
        // A position written anew is another position (`{lat, lon}` for `{x, y}`), not one with keys left out.
        if keyPath.count == 1, key != "position", case .mapping(let written)? = value,
           case .mapping(let existing)? = field.read(record) {
            leftOut = existing.map(\.key).filter { key in !written.contains { $0.key == key } }
        }
        if keyPath.count == 2 {
            var entries: [FieldValue.Entry] = []
            if let current = field.read(record) {
                guard case .mapping(let existing) = current else { throw CommandError("\(key) has no inner keys") }
                entries = existing
            }
            switch value {
            case .scalar(let inner)?:
                if let index = entries.firstIndex(where: { $0.key == keyPath[1] }) {
                    entries[index].value = inner
                } else {
                    entries.append(FieldValue.Entry(keyPath[1], inner))
                }
            case nil:
                entries.removeAll { $0.key == keyPath[1] }
            default:
                throw CommandError("\(label) takes a single value")
            }
            stored = entries.isEmpty ? nil : .mapping(entries)
        }
        do throws(FieldError) {
            try field.write(stored, into: &record)
        } catch {
            throw CommandError.refused(error.message)
        }
        let shown = field.read(record).map(describe) ?? "(default)"
        return shown + droppedKeysNote(leftOut, label: label)
    }

    /// What a mapping written whole (`:set S1.pass {max_elevation: 60 deg}`) did to the inner keys it left out: they
    /// are no longer set (a pass's take their defaults, a link's extra losses are gone) (QA: min_elevation and
    /// passes_per_day were reset without a word). Empty when it left out none.
    private static func droppedKeysNote(_ keys: [String], label: String) -> String {
        guard !keys.isEmpty else { return "" }
        let names = keys.count == 1 ? keys[0] : keys.dropLast().joined(separator: ", ") + " and " + keys[keys.count - 1]
        return " (\(names) left out, so no longer set: :set \(label).KEY VALUE changes one key)"
    }

    /// How a status message names a record: `L1`, `detectors.fast`, `defaults`.
    static func label(of record: Selection) -> String {
        switch record {
        case .node(let id), .link(let id), .demand(let id): return id.rawValue
        case .equipment(let kind, let name): return "\(kind.section).\(name)"
        case .defaults: return "defaults"
        }
    }

    /// Refuses an equipment name that is not in the library, saying how to add it.
    static func checkInLibrary(_ name: String, _ kind: EquipmentKind, _ topology: Topology) throws(CommandError) {
        let names = kind.names(in: topology)
        guard !names.contains(name) else { return }
        let library = names.isEmpty ? "none yet" : names.joined(separator: ", ")
        throw CommandError("no \(kind.rawValue) '\(name)' in the library (\(library)): :add \(kind.rawValue) \(name) first")
    }
}
