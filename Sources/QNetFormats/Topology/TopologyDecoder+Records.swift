import QNetModel
import Yams

/// Reading records through the model's `Field` tables, and the scalars and keys they are made of.
extension TopologyDecoder {
    /// Reads the keys of `node` into `start` through `Record.fields`; reports unknown
    /// keys, values the fields refuse, and missing required keys.
    mutating func record<Record: SchemaRecord>(_ start: Record, from node: YAMLNode, at path: String, noun: String) -> Record {
        marks.record(path, Place(of: node))
        var record = start
        guard case .mapping(let mapping) = node else {
            let example = Record.fields.prefix(2).map { "\($0.key): …" }.joined(separator: ", ")
            report("\(noun) is a mapping of keys (\(example)), not \(node.shapeName)", at: path, Place(of: node))
            return record
        }
        var present: Set<String> = []
        for (keyNode, valueNode) in mapping {
            guard let key = key(keyNode, at: path) else { continue }
            let fieldPath = "\(path).\(key)"
            guard let field = Record.field(named: key) else {
                report(KeySuggestion.unknownKeyMessage(key, in: noun, known: Record.fields.map(\.key)),
                       at: fieldPath, Place(of: keyNode))
                continue
            }
            present.insert(key)
            marks.record(fieldPath, Place(of: valueNode))
            if field.isRequired, valueNode.isNull {
                report(TopologyDecoder.requiredWithoutValue(field.help), at: fieldPath, Place(of: valueNode))
                continue
            }
            guard let value = fieldValue(valueNode, at: fieldPath) else {
                refused.insert(fieldPath)
                continue
            }
            do throws(FieldError) {
                try field.write(value, into: &record)
            } catch {
                refused.insert(fieldPath)
                report(error, key: key, in: path)
            }
        }
        for field in Record.fields where field.isRequired && !present.contains(field.key) {
            report("missing required key '\(field.key)' (\(field.help))", at: "\(path).\(field.key)", Place(of: node))
        }
        return record
    }

    /// The message for a required key written without a value; `what` says what to write.
    static func requiredWithoutValue(_ what: String) -> String {
        "has no value, and the key is required: write one (\(what))"
    }

    /// The raw text of a scalar that must hold a value: not null, not a list or mapping. `required`
    /// says what to write when the key may not be left out (`name: Vienna metro`).
    mutating func text(_ node: YAMLNode, at path: String, required: String? = nil) -> String? {
        guard case .scalar(let scalar) = node, !node.isNull else {
            let problem = node.isNull
                ? required.map(TopologyDecoder.requiredWithoutValue) ?? "has no value; write one, or leave the key out"
                : "takes a single value here, not \(node.shapeName)"
            report(problem, at: path, Place(of: node))
            return nil
        }
        return scalar.string
    }

    /// The text of a mapping key, or nil (reported) when the key is not a plain value or is a merge key (`<<`).
    mutating func key(_ node: YAMLNode, at path: String) -> String? {
        guard case .scalar(let scalar) = node, !node.isNull else {
            report("a key must be a name, not \(node.shapeName)", at: path, Place(of: node))
            return nil
        }
        guard scalar.string != "<<" else {
            report("YAML merge keys (<<) are not supported: write the keys out", at: path, Place(of: node))
            return nil
        }
        return scalar.string
    }

    /// The node as a `FieldValue`: a scalar, a list of scalars or a mapping of scalars.
    /// Subkeys of a mapping are located at their keys (`position.x`).
    private mutating func fieldValue(_ node: YAMLNode, at path: String) -> FieldValue? {
        switch node {
        case .scalar:
            return text(node, at: path).map(FieldValue.scalar)
        case .sequence(let items):
            let texts = items.enumerated().map { index, item in text(item, at: "\(path)[\(index)]") }
            let read = texts.compactMap { $0 }
            return read.count == texts.count ? .sequence(read) : nil
        case .mapping(let mapping):
            var entries: [FieldValue.Entry] = []
            var complete = true
            for (keyNode, valueNode) in mapping {
                guard let key = key(keyNode, at: path) else { complete = false; continue }
                marks.record("\(path).\(key)", Place(of: keyNode))
                guard let value = text(valueNode, at: "\(path).\(key)") else { complete = false; continue }
                entries.append(FieldValue.Entry(key, value))
            }
            return complete ? .mapping(entries) : nil
        case .alias:
            report("takes a value, not an alias", at: path, Place(of: node))
            return nil
        }
    }

    /// Reports a value that a field refused, at the key path of the field or of its subkey.
    private mutating func report(_ error: FieldError, key: String, in path: String) {
        let relative = error.subkey.map { "\(key).\($0)" } ?? key
        let keyPath = "\(path).\(relative)"
        report(TopologyDecoder.trimming(relative, from: error.message), at: keyPath, marks.locate(keyPath))
        for other in error.others { report(other, key: key, in: path) }
    }

    /// The message without a leading repeat of the key (`length: '50' has no unit`
    /// → `'50' has no unit`), since the diagnostic names its key path already.
    static func trimming(_ key: String, from message: String) -> String {
        for prefix in [key + ": ", key + " "] where message.hasPrefix(prefix) {
            return String(message.dropFirst(prefix.count))
        }
        return message
    }
}
