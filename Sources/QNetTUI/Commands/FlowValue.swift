import Foundation
import QNetModel

/// Reads a `:set` value the way the file would write it: `{x: 1 km, y: 2 km}`
/// is a mapping, `[A, B]` a list, anything else one scalar.
enum FlowValue {
    /// The value `text` stands for, or why it cannot be read.
    static func parse(_ text: String) throws(CommandError) -> FieldValue {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("{") {
            guard trimmed.hasSuffix("}") else { throw CommandError("'\(trimmed)' opens { but does not close it") }
            var entries: [FieldValue.Entry] = []
            for item in items(trimmed.dropFirst().dropLast()) {
                guard let colon = item.firstIndex(of: ":") else {
                    throw CommandError("'\(item)' is not KEY: VALUE inside { }")
                }
                let key = item[..<colon].trimmingCharacters(in: .whitespaces)
                let value = item[item.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                guard !key.isEmpty, !value.isEmpty else { throw CommandError("'\(item)' is not KEY: VALUE inside { }") }
                // As the file reader: a key written twice in one mapping is refused (the file could not be read back).
                guard !entries.contains(where: { $0.key == key }) else {
                    throw CommandError("duplicate key '\(key)' in \(trimmed): each key may be written once")
                }
                entries.append(FieldValue.Entry(key, value))
            }
            return .mapping(entries)
        }
        if trimmed.hasPrefix("[") {
            guard trimmed.hasSuffix("]") else { throw CommandError("'\(trimmed)' opens [ but does not close it") }
            return .sequence(items(trimmed.dropFirst().dropLast()))
        }
        return .scalar(trimmed)
    }

    private static func items(_ text: Substring) -> [String] {
        text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
