import QNetModel

extension TopologyEditor {
    // MARK: Renaming a node, link or demand

    /// Gives `record` (a node, link or demand) the id `newID`, and every link and demand that names a
    /// renamed node the new name: one edit. Nothing in a file names a link or a demand by its id, so
    /// renaming one changes only its own `id`. Refused when another item has that id.
    static func rename(_ record: Selection, to newID: Identifier, in topology: Topology) throws(CommandError) -> Outcome {
        let label = label(of: record)
        guard newID.rawValue != label else {
            return Outcome(topology: topology, message: "\(label).id unchanged", selection: record)
        }
        try checkNewID(newID, in: topology)
        var next = topology
        let message: String
        switch record {
        case .node(let id):
            guard let index = next.nodeIndex(id) else { throw CommandError("no node \(id)") }
            next.nodes[index].id = newID
            let links = rename(id, to: newID, inEndsOf: &next.links)
            let demands = rename(id, to: newID, inEndsOf: &next.demands)
            let naming = [count(links, "link"), count(demands, "demand")].filter { !$0.isEmpty }
            message = "renamed node \(id) to \(newID)" + (naming.isEmpty ? "" : " (and in " + naming.joined(separator: " and ") + ")")
            return try checked(Outcome(topology: next, message: message, selection: .node(newID)), against: topology)
        case .link(let id):
            guard let index = next.linkIndex(id) else { throw CommandError("no link \(id)") }
            next.links[index].id = newID
            return try checked(Outcome(topology: next, message: "renamed link \(id) to \(newID)", selection: .link(newID)),
                               against: topology)
        case .demand(let id):
            guard let index = next.demandIndex(id) else { throw CommandError("no demand \(id)") }
            next.demands[index].id = newID
            return try checked(Outcome(topology: next, message: "renamed demand \(id) to \(newID)", selection: .demand(newID)),
                               against: topology)
        case .equipment, .defaults:
            throw CommandError("\(label) has no id")
        }
    }

    /// Puts `newID` in place of `id` at either end of each link or demand; returns how many named it.
    private static func rename<Item: HasEnds>(_ id: Identifier, to newID: Identifier, inEndsOf items: inout [Item]) -> Int {
        var renamed = 0
        for index in items.indices where items[index].from == id || items[index].to == id {
            if items[index].from == id { items[index].from = newID }
            if items[index].to == id { items[index].to = newID }
            renamed += 1
        }
        return renamed
    }

    /// Refuses an id that is not well formed, or that a node, link or demand already has (they share one
    /// set of ids).
    private static func checkNewID(_ id: Identifier, in topology: Topology) throws(CommandError) {
        guard id.isWellFormed else { throw CommandError("'\(id)' cannot be an id: use letters, digits, _ and -") }
        try refuseShadowing(id, in: topology)
        let owner = topology.node(id).map { _ in "node" } ?? topology.link(id).map { _ in "link" }
            ?? topology.demandIndex(id).map { _ in "demand" }
        if let owner { throw CommandError.refused("there is already a \(owner) \(id): pick another id") }
    }
}

extension TopologyEditor {
    /// Refuses an id for a node, link or demand that `:set` and `:select` would read as another record's name:
    /// `defaults`, or an equipment entry's (a node `si-apd` would hide the detector `si-apd`).
    static func refuseShadowing(_ id: Identifier, in topology: Topology) throws(CommandError) {
        if id.rawValue == "defaults" { throw CommandError.refused("'defaults' names the defaults: pick another id") }
        let equipment = topology.equipment
        let kind = equipment.sources.contains { $0.name == id.rawValue } ? "source"
            : equipment.detectors.contains { $0.name == id.rawValue } ? "detector"
            : equipment.memories.contains { $0.name == id.rawValue } ? "memory" : nil
        if let kind { throw CommandError.refused("'\(id)' names the \(kind) \(id) of the library: pick another id") }
    }

    /// Refuses an id a node, link or demand has already, naming where (`advice` follows, e.g. how to give
    /// another id): checked before the record is added, so the message names the record that has it.
    static func refuseTaken(_ id: Identifier, in topology: Topology, advice: @autoclosure () -> String = "")
        throws(CommandError)
    {
        guard let used = topology.idKeyPath(of: id) else { return }
        throw CommandError.refused("duplicate id '\(id)' (first used at \(used))\(advice())")
    }
}

/// A link or a demand: an item that names two nodes, `from` and `to`.
private protocol HasEnds {
    var from: Identifier { get set }
    var to: Identifier { get set }
}

extension Link: HasEnds {}
extension Demand: HasEnds {}
