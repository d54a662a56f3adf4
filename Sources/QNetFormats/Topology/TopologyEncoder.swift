import Foundation
import QNetModel
import Yams

/// Builds the YAML tree of a topology file: keys in a fixed order, records in
/// the order of their `Field` tables, absent keys and empty sections left out.
enum TopologyEncoder {
    /// The document for `topology`.
    static func document(_ topology: Topology) -> YAMLNode {
        block(TopLevelKey.allCases.compactMap { key in
            section(key, of: topology).map { (scalar(key.rawValue), $0) }
        })
    }

    /// The value written under a top-level key, or nil when there is nothing to write.
    private static func section(_ key: TopLevelKey, of topology: Topology) -> YAMLNode? {
        switch key {
        case .qnet: return scalar(String(Topology.formatVersion))
        case .name: return scalar(topology.name)
        case .description: return topology.description.map(prose)
        case .sources:
            return topology.sources.isEmpty ? nil : .sequence(.init(topology.sources.map(scalar), Tag(.seq), .block))
        case .defaults: return topology.defaults.isEmpty ? nil : record(topology.defaults)
        case .equipment: return equipment(topology.equipment)
        case .nodes: return list(topology.nodes)
        case .links: return list(topology.links)
        case .demands: return list(topology.demands)
        }
    }

    private static func equipment(_ equipment: Equipment) -> YAMLNode? {
        let sections: [(YAMLNode, YAMLNode)] = EquipmentSection.allCases.compactMap { section in
            let records: [(name: String, node: YAMLNode)]
            switch section {
            case .sources: records = equipment.sources.map { ($0.name, record($0)) }
            case .detectors: records = equipment.detectors.map { ($0.name, record($0)) }
            case .memories: records = equipment.memories.map { ($0.name, record($0)) }
            }
            guard !records.isEmpty else { return nil }
            return (scalar(section.rawValue), block(records.map { (scalar($0.name), $0.node) }))
        }
        return sections.isEmpty ? nil : block(sections)
    }

    private static func list<Record: SchemaRecord>(_ records: [Record]) -> YAMLNode? {
        records.isEmpty ? nil : .sequence(.init(records.map(record), Tag(.seq), .block))
    }

    /// A record's present keys in the order of `Record.fields`.
    private static func record<Record: SchemaRecord>(_ record: Record) -> YAMLNode {
        block(Record.fields.compactMap { field in
            field.read(record).map { (scalar(field.key), field.isBoolean ? boolean($0) : value($0)) }
        })
    }

    /// A field's value; lists and mappings in flow style (`[A, B]`, `{x: 0 km, y: 0 km}`).
    private static func value(_ value: FieldValue) -> YAMLNode {
        switch value {
        case .scalar(let text):
            return scalar(text)
        case .sequence(let items):
            return .sequence(.init(items.map(scalar), Tag(.seq), .flow))
        case .mapping(let entries):
            return .mapping(.init(entries.map { (scalar($0.key), scalar($0.value)) }, Tag(.map), .flow))
        }
    }

    /// A boolean field's value, `true` or `false` written plain.
    private static func boolean(_ value: FieldValue) -> YAMLNode {
        if case .scalar(let text) = value, text == "true" || text == "false" { return .scalar(YAMLNode.Scalar(text)) }
        return Self.value(value)
    }

    private static func block(_ pairs: [(YAMLNode, YAMLNode)]) -> YAMLNode {
        .mapping(.init(pairs, Tag(.map), .block))
    }

    /// A scalar written plain when YAML reads it back as the same text, else quoted.
    ///
    /// Plain text that YAML would take for null, a date or a boolean (`~`, `2024-01-01`, `yes`,
    /// `true`: a boolean field's value is written by `boolean`) is quoted, and so is a number not in
    /// its shortest form (`1e3`, `007`), so that other YAML tools read the text as
    /// written, while `modes: 100` stays plain; the
    /// emitter itself quotes what plain style cannot hold (`a: b`, `#x`, a leading
    /// space). Text with line breaks is written as a literal block.
    /// A long text of one line (a description) as a folded block (`>-`), which `TopologyWriter.wrapFolded` wraps at
    /// spaces, so that the file reads, and diffs, line by line; any other text as `scalar` writes it.
    static func prose(_ text: String) -> YAMLNode {
        // One line, or one line and its final line break (a hand-written `description: >` ends in one).
        let line = text.hasSuffix("\n") ? String(text.dropLast()) : text
        guard line.count > TopologyWriter.foldWidth, !line.contains(where: { $0.isNewline || $0 == "\t" }),
              line.first?.isWhitespace == false, line.last?.isWhitespace == false,
              line.unicodeScalars.allSatisfy({ !CharacterSet.controlCharacters.contains($0) }) else { return scalar(text) }
        return .scalar(.init(text, Tag(.str), .folded))
    }

    static func scalar(_ text: String) -> YAMLNode {
        let plain = YAMLNode.Scalar(text)
        if text.contains(where: \.isNewline) {
            return .scalar(.init(text, Tag(.str), .literal))
        }
        let quoted = YAMLNode.scalar(.init(text, Tag(.str), .singleQuoted))
        switch Resolver.default.resolveTag(of: .scalar(plain)) {
        case .str:
            return .scalar(plain)
        case .int, .float:
            return Quantity.parseNumber(text).map(Quantity.format) == text ? .scalar(plain) : quoted
        default:
            return quoted
        }
    }
}
