import Foundation

/// Reads one case of `../shared/validation/cases.yaml` (relative to the package root) with a tiny line parser:
/// the test target has no YAML library, and the cases it reads are flat.
enum ValidationCases {
    /// The file's path, from this source file's place in the package; the project's copy
    /// (`Tests/validation/shared/cases.yaml`) where `../shared` is not beside the clone.
    static var path: URL {
        let tests = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        let shared = tests.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/validation/cases.yaml")
        return FileManager.default.fileExists(atPath: shared.path) ? shared : tests.appendingPathComponent("validation/shared/cases.yaml")
    }

    /// The lines of the case `id` (from its `- id:` line up to the next case).
    static func lines(of id: String) throws -> [String] {
        let text = try String(contentsOf: path, encoding: .utf8)
        var lines: [String] = []
        var inside = false
        for line in text.components(separatedBy: "\n") {
            if line.hasPrefix("- id:") {
                inside = line.trimmingCharacters(in: .whitespaces) == "- id: \(id)"
            }
            if inside { lines.append(line) }
        }
        return lines
    }

    /// The flow-style mapping written after `key:` inside the line that holds it, e.g. `{A-X: 5, X-B: 3}` → [(A-X, 5), …].
    static func mapping(_ key: String, in lines: [String]) -> [(String, String)] {
        for line in lines {
            guard let range = line.range(of: "\(key): {") else { continue }
            var depth = 1
            var body = ""
            for ch in line[range.upperBound...] {
                if ch == "{" { depth += 1 }
                if ch == "}" { depth -= 1; if depth == 0 { break } }
                body.append(ch)
            }
            return splitTopLevel(body).compactMap { entry in
                guard let colon = entry.firstIndex(of: ":") else { return nil }
                return (entry[..<colon].trimmingCharacters(in: .whitespaces),
                        entry[entry.index(after: colon)...].trimmingCharacters(in: .whitespaces))
            }
        }
        return []
    }

    /// Splits `a: 1, b: {c: 2}` at top-level commas.
    private static func splitTopLevel(_ text: String) -> [String] {
        var parts: [String] = []
        var depth = 0
        var current = ""
        for ch in text {
            if ch == "{" || ch == "[" { depth += 1 }
            if ch == "}" || ch == "]" { depth -= 1 }
            if ch == ",", depth == 0 { parts.append(current); current = ""; continue }
            current.append(ch)
        }
        if !current.trimmingCharacters(in: .whitespaces).isEmpty { parts.append(current) }
        return parts
    }
}
