import Foundation
import QNetModel

/// A suggestion's edits (`Suggestion.changes`) applied to a topology as a person would make them, by reading
/// the text: `ID.key: value`, `new node ID: kind K, at {…}, key value, …`, `new link ID: between [A, B],
/// 7 km, protocol P, …` and `remove link ID (each half keeps its other keys, …)`, whose new links are the
/// removed link's copies with the keys listed (`no extra losses`: without the removed link's `extra_losses`);
/// `ID.key.inner: removed` removes an entry of a mapping.
enum SuggestionEdits {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// `topology` with `changes` made.
    static func apply(_ changes: [String], to topology: Topology) throws -> Topology {
        var edited = topology
        var pending: [[String]] = []   // the parts of the new links not yet placed
        for change in changes {
            if change.hasPrefix("new node ") {
                edited.nodes.append(try newNode(parts(after: "new node ", in: change)))
            } else if change.hasPrefix("new link ") {
                pending.append(parts(after: "new link ", in: change))
            } else if change.hasPrefix("remove link ") {
                let id = Identifier(String(change.dropFirst("remove link ".count).prefix { $0 != " " }))
                guard let index = edited.links.firstIndex(where: { $0.id == id }) else { throw Failure(description: "no link \(id)") }
                let original = edited.links.remove(at: index)
                edited.links += try pending.map { try newLink($0, from: original) }
                pending = []
            } else {
                try set(change, in: &edited)
            }
        }
        guard pending.isEmpty else { throw Failure(description: "new links without a removed link: \(pending)") }
        return edited
    }

    /// `ID.key: value` or `ID.key.inner: value` (an entry of a mapping, `L1.extra_losses.attenuator: 6 dB`) on the
    /// node, link or demand `ID` (ids hold no dot).
    private static func set(_ change: String, in topology: inout Topology) throws {
        guard let colon = change.range(of: ": "), let dot = change[..<colon.lowerBound].firstIndex(of: ".") else {
            throw Failure(description: "not an edit: \(change)")
        }
        let id = Identifier(String(change[..<dot]))
        let key = String(change[change.index(after: dot)..<colon.lowerBound])
        let value = FieldValue.scalar(String(change[colon.upperBound...]))
        if let index = topology.links.firstIndex(where: { $0.id == id }) {
            try write(value, key, into: &topology.links[index])
        } else if let index = topology.nodes.firstIndex(where: { $0.id == id }) {
            try write(value, key, into: &topology.nodes[index])
        } else if let index = topology.demands.firstIndex(where: { $0.resolvedID == id }) {
            try write(value, key, into: &topology.demands[index])
        } else {
            throw Failure(description: "no node, link or demand \(id)")
        }
    }

    private static func write<Record: SchemaRecord>(_ value: FieldValue, _ keyPath: String, into record: inout Record) throws {
        let keys = keyPath.split(separator: ".", maxSplits: 1).map(String.init)
        guard let field = Record.field(named: keys[0]) else { throw Failure(description: "no key \(keys[0])") }
        var stored = value
        if keys.count == 2, case .scalar(let inner) = value {
            guard case .mapping(var entries) = field.read(record) ?? .mapping([]) else {
                throw Failure(description: "\(keys[0]) has no inner keys")
            }
            if inner == "removed" {
                entries.removeAll { $0.key == keys[1] }
            } else if let index = entries.firstIndex(where: { $0.key == keys[1] }) {
                entries[index].value = inner
            } else {
                entries.append(FieldValue.Entry(keys[1], inner))
            }
            stored = .mapping(entries)
        }
        do { try field.write(stored, into: &record) } catch { throw Failure(description: "\(keyPath): \(error.message)") }
    }

    /// `ID`, then each `key value` part (`at {…}` is the position, a bare length the link's length).
    private static func parts(after prefix: String, in change: String) -> [String] {
        let body = change.dropFirst(prefix.count)
        guard let colon = body.range(of: ": ") else { return [String(body)] }
        var result = [String(body[..<colon.lowerBound])]
        var depth = 0, current = ""
        for character in body[colon.upperBound...] {
            if "[{".contains(character) { depth += 1 }
            if "]}".contains(character) { depth -= 1 }
            if character == ",", depth == 0 {
                result.append(current.trimmingCharacters(in: .whitespaces))
                current = ""
            } else {
                current.append(character)
            }
        }
        result.append(current.trimmingCharacters(in: .whitespaces))
        return result
    }

    /// A value as the file writes it: `[A, B]` a list, `{x: 1 km, y: 2 km}` a mapping, else a scalar.
    private static func value(_ text: String) -> FieldValue {
        let inner = String(text.dropFirst().dropLast())
        let items = inner.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        if text.hasPrefix("[") { return .sequence(items) }
        if text.hasPrefix("{") {
            return .mapping(items.map { item in
                let pair = item.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                return FieldValue.Entry(pair[0], pair[1])
            })
        }
        return .scalar(text)
    }

    private static func newNode(_ parts: [String]) throws -> Node {
        var node = Node(id: Identifier(parts[0]))
        for part in parts.dropFirst() {
            let (key, text) = split(part)
            try write(value(text), key == "at" ? "position" : key, into: &node)
        }
        return node
    }

    private static func newLink(_ parts: [String], from original: Link) throws -> Link {
        var link = original
        link.id = Identifier(parts[0])
        for part in parts.dropFirst() {
            if part == "no length" {
                link.length = nil
            } else if part == "no extra losses" {
                link.extraLosses = []
            } else if part.first?.isNumber == true {
                try write(.scalar(part), "length", into: &link)
            } else {
                let (key, text) = split(part)
                try write(value(text), key, into: &link)
            }
        }
        return link
    }

    private static func split(_ part: String) -> (String, String) {
        let pieces = part.split(separator: " ", maxSplits: 1).map(String.init)
        return (pieces[0], pieces.count > 1 ? pieces[1] : "")
    }
}
