import QNetModel

/// A record of the topology that a form edits: a node, link or demand by id, or
/// an entry of the equipment library by kind and name.
public enum RecordRef: Sendable, Hashable {
    case node(Identifier)
    case link(Identifier)
    case demand(Identifier)
    case equipment(EquipmentKind, String)

    /// The kinds of entries in the equipment library, as the file names its sections.
    public enum EquipmentKind: String, Sendable, Hashable, CaseIterable {
        case source, detector, memory

        /// The names in `topology`'s library of this kind, in file order.
        public func names(in topology: Topology) -> [String] {
            switch self {
            case .source: return topology.equipment.sources.map(\.name)
            case .detector: return topology.equipment.detectors.map(\.name)
            case .memory: return topology.equipment.memories.map(\.name)
            }
        }
    }

    /// The record of a selection.
    public init(_ selection: Selection) {
        switch selection {
        case .node(let id): self = .node(id)
        case .link(let id): self = .link(id)
        case .demand(let id): self = .demand(id)
        }
    }

    /// How a form's title names the record: `Link SIEM-ERDB`, `Detector ingaas-gated`.
    public var title: String {
        switch self {
        case .node(let id): return "Node \(id)"
        case .link(let id): return "Link \(id)"
        case .demand(let id): return "Demand \(id)"
        case .equipment(let kind, let name): return kind.rawValue.prefix(1).uppercased() + kind.rawValue.dropFirst() + " " + name
        }
    }
}

/// One key of a record as a form shows it.
public struct FormRow: Sendable, Hashable {
    /// The key as in the file.
    public var key: String
    /// The schema's help for the key.
    public var help: String
    /// The value as the file writes it; nil when the key is absent.
    public var value: String?
    /// For keys naming an equipment entry (`detector`), which library they pick from.
    public var picks: RecordRef.EquipmentKind?

    /// The default the help names (`80 %` from "… (default 80 %)"), if any.
    public var defaultText: String? {
        guard let range = help.range(of: "(default ") else { return nil }
        let rest = help[range.upperBound...]
        guard let end = rest.lastIndex(of: ")") else { return nil }
        return String(rest[..<end])
    }
}

extension TopologyEditor {
    /// The keys of `record` in `topology`, in the schema's order, with their values; nil if it does not exist.
    public static func rows(of record: RecordRef, in topology: Topology) -> [FormRow]? {
        func rows<R: SchemaRecord>(_ value: R, skip: Set<String> = []) -> [FormRow] {
            R.fields.filter { !skip.contains($0.key) }.map { field in
                let picks: RecordRef.EquipmentKind? = switch (record, field.key) {
                case (.node, "source"), (.link, "source"): .source
                case (.node, "detector"), (.link, "detector"): .detector
                case (.node, "memory"): .memory
                default: nil
                }
                return FormRow(key: field.key, help: field.help, value: field.read(value).map(describe), picks: picks)
            }
        }
        switch record {
        case .node(let id): return topology.node(id).map { rows($0) }
        case .link(let id): return topology.link(id).map { rows($0) }
        case .demand(let id): return topology.demandIndex(id).map { rows(topology.demands[$0]) }
        case .equipment(let kind, let name):
            switch kind {
            case .source: return topology.equipment.source(named: name).map { rows($0) }
            case .detector: return topology.equipment.detector(named: name).map { rows($0) }
            case .memory: return topology.equipment.memory(named: name).map { rows($0) }
            }
        }
    }

    /// Sets `key` of `record` to `text` (as the file writes it), or removes it when `text` is nil.
    /// A value the schema refuses throws with the schema's reason.
    public static func set(_ record: RecordRef, key: String, to text: String?, in topology: Topology)
        throws(CommandError) -> Outcome
    {
        let value: FieldValue? = try text.map { (text) throws(CommandError) in try FlowValue.parse(text) }
        var next = topology
        func apply<R: SchemaRecord>(_ item: inout R) throws(CommandError) -> String {
            guard let field = R.field(named: key) else { throw CommandError("unknown key '\(key)'") }
            do throws(FieldError) {
                try field.write(value, into: &item)
            } catch {
                throw CommandError(error.message)
            }
            return field.read(item).map(describe) ?? "(default)"
        }
        let shown: String
        switch record {
        case .node(let id):
            guard let index = next.nodeIndex(id) else { throw CommandError("no node '\(id)'") }
            shown = try apply(&next.nodes[index])
        case .link(let id):
            guard let index = next.linkIndex(id) else { throw CommandError("no link '\(id)'") }
            shown = try apply(&next.links[index])
        case .demand(let id):
            guard let index = next.demandIndex(id) else { throw CommandError("no demand '\(id)'") }
            shown = try apply(&next.demands[index])
        case .equipment(.source, let name):
            guard let index = next.equipment.sources.firstIndex(where: { $0.name == name }) else { throw CommandError("no source '\(name)'") }
            shown = try apply(&next.equipment.sources[index])
        case .equipment(.detector, let name):
            guard let index = next.equipment.detectors.firstIndex(where: { $0.name == name }) else { throw CommandError("no detector '\(name)'") }
            shown = try apply(&next.equipment.detectors[index])
        case .equipment(.memory, let name):
            guard let index = next.equipment.memories.firstIndex(where: { $0.name == name }) else { throw CommandError("no memory '\(name)'") }
            shown = try apply(&next.equipment.memories[index])
        }
        try checkNoNewErrors(next, comparedWith: topology)
        let label: String
        switch record {
        case .node(let id), .link(let id), .demand(let id): label = "\(id).\(key)"
        case .equipment(let kind, let name): label = "\(kind.rawValue) \(name).\(key)"
        }
        return Outcome(topology: next, message: "\(label) = \(shown)", selection: nil)
    }
}
