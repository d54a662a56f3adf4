import QNetModel

extension TopologyEditor {
    // MARK: The equipment library

    /// Adds an entry `name` of `kind` to the library; `model` sets a source's or detector's `kind` key.
    public static func addEquipment(_ kind: EquipmentKind, _ name: String, model: String?, to topology: Topology)
        throws(CommandError) -> Outcome
    {
        try checkNewName(name, kind, topology)
        var next = topology
        let label = "\(kind.section).\(name)"
        switch kind {
        case .source:
            var source = PhotonSource(name: name)
            if let model { _ = try write(["kind"], .scalar(model), into: &source, label: label) }
            next.equipment.sources.append(source)
        case .detector:
            var detector = Detector(name: name)
            if let model { _ = try write(["kind"], .scalar(model), into: &detector, label: label) }
            next.equipment.detectors.append(detector)
        case .memory:
            guard model == nil else { throw CommandError("usage: :add memory NAME (a memory has no kind)") }
            next.equipment.memories.append(QuantumMemory(name: name))
        }
        return try checked(Outcome(topology: next, message: "added \(kind.rawValue) \(name): Enter edits it; pick it in a node's or link's form",
                                   selection: .equipment(kind, name)), against: topology)
    }

    /// Adds a new entry of `kind` with a fresh name (`detector-1`) and names it in `key` of `record`:
    /// one edit, what "new…" does in the edit form's pick list.
    public static func addEquipment(_ kind: EquipmentKind, pickedFor record: Selection, key: String,
                                    in topology: Topology) throws(CommandError) -> (outcome: Outcome, name: String) {
        let name = kind.freshName(in: topology)
        let added = try addEquipment(kind, name, model: nil, to: topology)
        var picked = try set(record, key: key, to: name, in: added.topology)
        picked.message = "added \(kind.rawValue) \(name) for \(label(of: record)).\(key): rename it, set its keys"
        return (picked, name)
    }

    /// Removes entry `name` of `kind`; refused while a node or link names it.
    public static func deleteEquipment(_ kind: EquipmentKind, _ name: String, from topology: Topology)
        throws(CommandError) -> Outcome
    {
        let naming = topology.nodes.filter { $0[keyPath: kind.nodeKey] == name }.map { "node \($0.id)" }
            + topology.links.filter { link in kind.linkKey.map { link[keyPath: $0] == name } ?? false }.map { "link \($0.id)" }
        guard naming.isEmpty else {
            let shown = naming.prefix(3).joined(separator: ", ") + (naming.count > 3 ? " and \(naming.count - 3) more" : "")
            throw CommandError.refused("\(kind.section).\(name) is in use by \(shown): pick another \(kind.rawValue) there first")
        }
        var next = topology
        switch kind {
        case .source: next.equipment.sources.removeAll { $0.name == name }
        case .detector: next.equipment.detectors.removeAll { $0.name == name }
        case .memory: next.equipment.memories.removeAll { $0.name == name }
        }
        return try checked(Outcome(topology: next, message: "deleted \(kind.rawValue) \(name)", selection: nil), against: topology)
    }

    /// Renames entry `name` of `kind` to `newName`, and every node and link that names it.
    public static func renameEquipment(_ kind: EquipmentKind, _ name: String, to newName: String, in topology: Topology)
        throws(CommandError) -> Outcome
    {
        guard newName != name else { return Outcome(topology: topology, message: "\(kind.section).\(name) unchanged",
                                                     selection: .equipment(kind, name)) }
        try checkNewName(newName, kind, topology)
        var next = topology
        switch kind {
        case .source:
            for index in next.equipment.sources.indices where next.equipment.sources[index].name == name {
                next.equipment.sources[index].name = newName
            }
        case .detector:
            for index in next.equipment.detectors.indices where next.equipment.detectors[index].name == name {
                next.equipment.detectors[index].name = newName
            }
        case .memory:
            for index in next.equipment.memories.indices where next.equipment.memories[index].name == name {
                next.equipment.memories[index].name = newName
            }
        }
        for index in next.nodes.indices where next.nodes[index][keyPath: kind.nodeKey] == name {
            next.nodes[index][keyPath: kind.nodeKey] = newName
        }
        if let key = kind.linkKey {
            for index in next.links.indices where next.links[index][keyPath: key] == name { next.links[index][keyPath: key] = newName }
        }
        return try checked(Outcome(topology: next, message: "renamed \(kind.rawValue) \(name) to \(newName)",
                                   selection: .equipment(kind, newName)), against: topology)
    }

    /// Refuses a name an entry of `kind` cannot take: empty, with spaces or dots (`:set` splits on
    /// dots), or taken.
    private static func checkNewName(_ name: String, _ kind: EquipmentKind, _ topology: Topology) throws(CommandError) {
        guard !name.isEmpty, !name.contains("."), !name.contains(where: \.isWhitespace) else {
            throw CommandError("'\(name)' cannot name a \(kind.rawValue): use letters, digits, - and _")
        }
        guard !kind.names(in: topology).contains(name) else {
            throw CommandError.refused("there is already a \(kind.rawValue) named '\(name)'")
        }
        try refuseHiddenName(name, kind, topology)
    }

    /// Refuses a name that `:set NAME.KEY` and `:select NAME` would read as another record's: a node's,
    /// link's or demand's id, or `defaults` (the converse of `refuseShadowing`).
    private static func refuseHiddenName(_ name: String, _ kind: EquipmentKind, _ topology: Topology) throws(CommandError) {
        let id = Identifier(name)
        let owner = name == "defaults" ? "the defaults"
            : topology.node(id).map { _ in "node \(name)" } ?? topology.link(id).map { _ in "link \(name)" }
            ?? topology.demandIndex(id).map { _ in "demand \(name)" }
        if let owner {
            throw CommandError.refused("'\(name)' names \(owner), which :set \(name).KEY would reach: pick another \(kind.rawValue) name")
        }
    }
}
