import QNetModel
import Yams

/// Reads a `Topology` from a composed YAML tree, collecting every problem with
/// its place instead of stopping at the first, and remembering where each key
/// path was written so that later diagnostics can be located too.
struct TopologyDecoder {
    /// The file name that diagnostics carry.
    let file: String
    /// Every problem found so far, located.
    private(set) var diagnostics: [Diagnostic] = []
    /// Where each key path was written.
    var marks = SourceMarks()
    /// The lists of records with ids (`nodes:`, `links:`, `demands:`) in the order the file writes them.
    private(set) var sectionOrder: [IDSection] = []
    /// The key paths of record fields written in the file whose values were refused (each reported).
    var refused: Set<String> = []

    init(file: String) {
        self.file = file
    }

    /// The topology in `root`, with whatever could be read; check `diagnostics` for problems.
    mutating func decode(_ root: YAMLNode) -> Topology {
        var topology = Topology(name: "")
        guard case .mapping(let mapping) = root else {
            report("a topology file is a mapping of keys (qnet: 1, name: …, nodes: …), not \(root.shapeName)",
                   at: nil, Place(of: root))
            return topology
        }
        var present: Set<String> = []
        for (keyNode, value) in mapping {
            guard let key = key(keyNode, at: "") else { continue }
            present.insert(key)
            marks.record(key, Place(of: value))
            if let section = IDSection(rawValue: key) { sectionOrder.append(section) }
            guard let known = TopLevelKey(rawValue: key) else {
                let names = TopLevelKey.allCases.map(\.rawValue)
                report(KeySuggestion.unknownKeyMessage(key, in: "the topology", known: names), at: key, Place(of: keyNode))
                continue
            }
            switch known {
            case .qnet: checkVersion(value)
            case .name: topology.name = text(value, at: key, required: "e.g. `\(known.requiredExample ?? "")`") ?? ""
            case .description: topology.description = text(value, at: key)
            case .sources: topology.sources = strings(value, at: key)
            case .defaults: topology.defaults = record(TopologyDefaults.blank, from: value, at: key, noun: "defaults")
            case .equipment: topology.equipment = equipment(value)
            case .nodes: topology.nodes = list(value, at: key, noun: "a node", blank: QNetModel.Node.blank)
            case .links: topology.links = list(value, at: key, noun: "a link", blank: Link.blank)
            case .demands: topology.demands = list(value, at: key, noun: "a demand", blank: Demand.blank)
            }
        }
        for key in TopLevelKey.allCases where !present.contains(key.rawValue) {
            guard let example = key.requiredExample else { continue }
            report("missing required key '\(key.rawValue)' (e.g. `\(example)`)", at: key.rawValue, Place(of: root))
        }
        return topology
    }

    /// Locates diagnostics found after reading (by `Topology.validate()`) by their key
    /// paths, leaving out those at or under a key path the reader already reported:
    /// they echo a problem already named (a link whose `between` did not read names no nodes).
    func locate(_ found: [Diagnostic]) -> [Diagnostic] {
        let reported = diagnostics.compactMap(\.keyPath)
        return found.filter { diagnostic in
            guard let path = diagnostic.keyPath else { return true }
            return !reported.contains { TopologyDecoder.overlaps($0, path) }
        }.map { diagnostic in
            var located = diagnostic
            located.location = location(marks.locate(diagnostic.keyPath))
            return located
        }
    }

    /// Adds an error at `place` about `keyPath`.
    mutating func report(_ message: String, at keyPath: String?, _ place: Place) {
        diagnostics.append(Diagnostic(.error, message, keyPath: keyPath.flatMap { $0.isEmpty ? nil : $0 },
                                      location: location(place)))
    }

    private func location(_ place: Place) -> SourceLocation {
        SourceLocation(file: file, line: place.line, column: place.column)
    }

    /// Whether one key path is the other or encloses it.
    private static func overlaps(_ lhs: String, _ rhs: String) -> Bool {
        func encloses(_ outer: String, _ inner: String) -> Bool {
            inner == outer || inner.hasPrefix(outer + ".") || inner.hasPrefix(outer + "[")
        }
        return encloses(lhs, rhs) || encloses(rhs, lhs)
    }

    // MARK: - Top-level values

    private mutating func checkVersion(_ node: YAMLNode) {
        guard let text = text(node, at: "qnet", required: "`qnet: \(Topology.formatVersion)`") else { return }
        guard text != String(Topology.formatVersion) else { return }
        let message = Int(text) == nil
            ? "'\(text)' is not a format version; write `qnet: \(Topology.formatVersion)`"
            : "unsupported format version \(text); this qnetplan reads version \(Topology.formatVersion)"
        report(message, at: "qnet", Place(of: node))
    }

    private mutating func strings(_ node: YAMLNode, at path: String) -> [String] {
        if node.isNull { return [] }
        guard case .sequence(let items) = node else {
            report("takes a list of texts, e.g. [\"Peev et al., New J. Phys. 11, 075001 (2009)\"], not \(node.shapeName)",
                   at: path, Place(of: node))
            return []
        }
        return items.enumerated().compactMap { index, item in text(item, at: "\(path)[\(index)]") }
    }

    private mutating func equipment(_ node: YAMLNode) -> Equipment {
        var equipment = Equipment()
        if node.isNull { return equipment }
        guard case .mapping(let mapping) = node else {
            report("takes a mapping with sources:, detectors: and memories:, not \(node.shapeName)",
                   at: "equipment", Place(of: node))
            return equipment
        }
        for (keyNode, value) in mapping {
            guard let key = key(keyNode, at: "equipment") else { continue }
            let path = "equipment.\(key)"
            marks.record(path, Place(of: value))
            guard let section = EquipmentSection(rawValue: key) else {
                let names = EquipmentSection.allCases.map(\.rawValue)
                report(KeySuggestion.unknownKeyMessage(key, in: "equipment", known: names), at: path, Place(of: keyNode))
                continue
            }
            switch section {
            case .sources: equipment.sources = named(value, at: path, noun: "a source", make: PhotonSource.init(name:))
            case .detectors: equipment.detectors = named(value, at: path, noun: "a detector", make: Detector.init(name:))
            case .memories: equipment.memories = named(value, at: path, noun: "a memory", make: QuantumMemory.init(name:))
            }
        }
        return equipment
    }

    /// A mapping of names to records, each record named by its key.
    private mutating func named<Record: SchemaRecord>(
        _ node: YAMLNode, at path: String, noun: String, make: (String) -> Record
    ) -> [Record] {
        if node.isNull { return [] }
        guard case .mapping(let mapping) = node else {
            report("takes a mapping of names to records (my-name: {kind: …}), not \(node.shapeName)",
                   at: path, Place(of: node))
            return []
        }
        var records: [Record] = []
        for (keyNode, value) in mapping {
            guard let name = key(keyNode, at: path) else { continue }
            let recordPath = "\(path).\(name)"
            marks.record(recordPath, Place(of: keyNode))
            records.append(record(make(name), from: value, at: recordPath, noun: noun))
        }
        return records
    }

    /// A list of records; an item that is not a mapping is reported and kept blank,
    /// so that later key paths (`links[3]`) keep the file's numbering.
    private mutating func list<Record: SchemaRecord>(
        _ node: YAMLNode, at path: String, noun: String, blank: Record
    ) -> [Record] {
        if node.isNull { return [] }
        guard case .sequence(let items) = node else {
            report("takes a list, each item \(noun) starting with `- `, not \(node.shapeName)", at: path, Place(of: node))
            return []
        }
        return items.enumerated().map { index, item in
            record(blank, from: item, at: "\(path)[\(index)]", noun: noun)
        }
    }
}
