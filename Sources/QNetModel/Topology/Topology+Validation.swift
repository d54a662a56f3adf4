/// Checks that span several keys: unique ids, references that resolve, links
/// that join two different existing nodes. Each problem names its key path.
extension Topology {
    /// Every cross-reference problem of the topology; empty when it can be planned. Of two records with
    /// one id, the later in `sectionOrder` (then in its list; sections left out come last) is the duplicate:
    /// a file passes the order in which it wrote its sections, so that an id's first use is the file's first.
    /// `refused` are the key paths a reader found written but could not read (each already an error of its own):
    /// a key that one of them would have given is not reported missing.
    /// - Complexity: O(nodes + links + demands)
    public func validate(sectionOrder: [IDSection] = IDSection.allCases, refused: Set<String> = []) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        problems += validateIdentifiers(sectionOrder)
        problems += validateNodes()
        problems += validateLinks(refused: refused)
        problems += validateLinkMedia()
        problems += validateDemands()
        return problems
    }

    /// The key path of the record that has `id` (`demands[0].id`), in the order `validate()` checks ids.
    /// - Complexity: O(nodes + links + demands)
    public func idKeyPath(of id: Identifier) -> String? {
        if let index = nodeIndex(id) { return "nodes[\(index)].id" }
        if let index = linkIndex(id) { return "links[\(index)].id" }
        return demandIndex(id).map { "demands[\($0)].id" }
    }

    /// Calls `body` with the id and index of each of `section`'s records, in list order.
    private func forEachID(in section: IDSection, _ body: (Identifier, Int) -> Void) {
        switch section {
        // By index: `enumerated()` would copy each whole record to read its id (this runs on every edit).
        case .nodes: for index in nodes.indices { body(nodes[index].id, index) }
        case .links: for index in links.indices { body(links[index].id, index) }
        case .demands: for index in demands.indices { body(demands[index].resolvedID, index) }
        }
    }

    private func validateIdentifiers(_ sectionOrder: [IDSection]) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        // Key paths are built only for ids that have a problem: this runs on every edit.
        var firstUse: [Identifier: (section: String, index: Int)] = [:]
        firstUse.reserveCapacity(nodes.count + links.count + demands.count)
        func check(_ id: Identifier, _ section: String, _ index: Int) {
            if !id.isWellFormed {
                problems.append(Diagnostic(.error, "'\(id)' is not a valid id: use letters, digits, _ and - only",
                                           keyPath: "\(section)[\(index)].id"))
            }
            if let earlier = firstUse[id] {
                problems.append(Diagnostic(.error, "duplicate id '\(id)' (first used at \(earlier.section)[\(earlier.index)].id)",
                                           keyPath: "\(section)[\(index)].id"))
            } else {
                firstUse[id] = (section, index)
            }
        }
        for section in sectionOrder + IDSection.allCases.filter({ !sectionOrder.contains($0) }) {
            forEachID(in: section) { id, index in check(id, section.rawValue, index) }
        }
        return problems
    }

    private func validateNodes() -> [Diagnostic] {
        var problems: [Diagnostic] = []
        for index in nodes.indices {
            let node = nodes[index]   // not `enumerated()`, which copies each record
            var path: String { "nodes[\(index)]" }
            if let name = node.source, equipment.source(named: name) == nil {
                problems.append(unknownEquipment("source", name, equipment.sources.map(\.name), "\(path).source"))
            }
            if let name = node.detector, equipment.detector(named: name) == nil {
                problems.append(unknownEquipment("detector", name, equipment.detectors.map(\.name), "\(path).detector"))
            }
            if let name = node.memory, equipment.memory(named: name) == nil {
                problems.append(unknownEquipment("memory", name, equipment.memories.map(\.name), "\(path).memory"))
            }
            if node.resolvedKind == .satellite, node.altitude == nil {
                problems.append(Diagnostic(.error, "a satellite needs an altitude (e.g. 500 km)", keyPath: "\(path).altitude"))
            }
        }
        return problems
    }

    private func validateLinks(refused: Set<String>) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        let nodeKinds = Dictionary(nodes.map { ($0.id, $0.resolvedKind) }, uniquingKeysWith: { first, _ in first })
        for index in links.indices {
            let link = links[index]   // not `enumerated()`, which copies each record
            var path: String { "links[\(index)]" }
            for end in [link.from, link.to] where nodeKinds[end] == nil {
                problems.append(Diagnostic(.error, "link \(link.id) names unknown node '\(end)'", keyPath: "\(path).between"))
            }
            if link.from == link.to {
                problems.append(Diagnostic(.error, "link \(link.id) joins node '\(link.from)' to itself", keyPath: "\(path).between"))
            }
            if let name = link.source, equipment.source(named: name) == nil {
                problems.append(unknownEquipment("source", name, equipment.sources.map(\.name), "\(path).source"))
            }
            if let name = link.detector, equipment.detector(named: name) == nil {
                problems.append(unknownEquipment("detector", name, equipment.detectors.map(\.name), "\(path).detector"))
            }
            switch link.resolvedMedium {
            case .fiber, .freeSpace:
                if link.length == nil {
                    problems.append(Diagnostic(.error, "a \(link.resolvedMedium.rawValue) link needs a length (e.g. 25 km)",
                                               keyPath: "\(path).length"))
                }
            case .satellite:
                let kinds = [link.from, link.to].compactMap { nodeKinds[$0] }
                if kinds.count == 2, !kinds.contains(.satellite) {
                    problems.append(Diagnostic(.error, "a satellite link needs a node of kind satellite at one end",
                                               keyPath: "\(path).between"))
                }
                let geometry = ["elevation", "pass", "length"]
                if link.elevation == nil, link.pass == nil, link.length == nil,
                   !geometry.contains(where: { refused.contains("\(path).\($0)") }) {
                    problems.append(Diagnostic(.error, "a satellite link needs an elevation, a pass or a length",
                                               keyPath: "\(path).elevation"))
                }
            }
        }
        return problems
    }

    private func validateDemands() -> [Diagnostic] {
        var problems: [Diagnostic] = []
        // What a demand's ends are checked for, not the whole node records (copied into the table, on every edit).
        let byID = Dictionary(nodes.map { ($0.id, (holdsKey: $0.holdsKey, kind: $0.resolvedKind)) }, uniquingKeysWith: { first, _ in first })
        for (index, demand) in demands.enumerated() {
            var path: String { "demands[\(index)].between" }
            for end in [demand.from, demand.to] {
                guard let node = byID[end] else {
                    problems.append(Diagnostic(.error, "demand \(demand.resolvedID) names unknown node '\(end)'", keyPath: path))
                    continue
                }
                if !node.holdsKey {
                    problems.append(Diagnostic(.error, "demand \(demand.resolvedID) ends at \(end), \(node.kind.rawValue.withIndefiniteArticle) that holds no key",
                                               keyPath: path))
                }
            }
            if demand.from == demand.to {
                problems.append(Diagnostic(.error, "demand \(demand.resolvedID) joins node '\(demand.from)' to itself", keyPath: path))
            }
        }
        return problems
    }

    private func unknownEquipment(_ kind: String, _ name: String, _ known: [String], _ path: String) -> Diagnostic {
        let list = known.isEmpty ? "none defined" : known.joined(separator: ", ")
        return Diagnostic(.error, "unknown \(kind) '\(name)' (equipment.\(kind == "memory" ? "memories" : kind + "s"): \(list))",
                          keyPath: path)
    }
}

/// A list of records whose ids are shared: a node, a link and a demand may not have the same id.
public enum IDSection: String, Sendable, CaseIterable {
    case nodes, links, demands
}
