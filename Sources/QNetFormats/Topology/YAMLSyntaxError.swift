import Foundation
import QNetModel
import Yams

/// Turns an error of the YAML parser into one located diagnostic.
enum YAMLSyntaxError {
    /// The diagnostic for `error`, thrown by `Yams.compose` while reading `yaml` from `file`.
    static func diagnostic(for error: any Error, in yaml: String, file: String) -> Diagnostic {
        let (message, place) = describe(error, in: yaml)
        return Diagnostic(.error, message, location: SourceLocation(file: file, line: place.line, column: place.column))
    }

    private static func describe(_ error: any Error, in yaml: String) -> (String, Place) {
        guard let error = error as? YamlError else {
            return ("malformed YAML: \(error)", .start)
        }
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            if isTab(at: Place(mark), in: yaml) { return ("a tab: YAML indents with spaces", Place(mark)) }
            let during = context.map { " (\($0.text), which started at line \($0.mark.line), column \($0.mark.column))" } ?? ""
            return ("malformed YAML: \(problem)\(during)", Place(mark))
        case .reader(let problem, let offset, _, _):
            return ("malformed YAML: \(problem)", offset.map { place(ofCharacter: $0, in: yaml) } ?? .start)
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            let noun = duplicates.count == 1 ? "key" : "keys"
            // Yams marks the first of the keys where it is first written: the error goes where it is written again.
            let first = Place(context.mark)
            let place = duplicates.first.map { repeated($0, after: first, in: yaml) } ?? first
            return ("duplicate \(noun) \(keys) in one mapping: each key may be written once", place)
        default:
            return ("malformed YAML: \(error)", .start)
        }
    }

    /// Where `key`, first written at `first`, is written again in the same mapping: further along its line in a
    /// flow mapping (`{a: 1, a: 2}`), or at the same column on a later line of a block one, before the mapping
    /// ends (a line indented less); `first` when neither is found.
    private static func repeated(_ key: String, after first: Place, in text: String) -> Place {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0) }
        guard first.line >= 1, first.line <= lines.count, first.column >= 1 else { return first }
        let pattern = Array(key)
        /// Whether `line` holds the key followed by a colon at `column` (0-based).
        func keyAt(_ line: [Character], _ column: Int) -> Bool {
            guard column + pattern.count <= line.count, Array(line[column..<column + pattern.count]) == pattern else { return false }
            return line[(column + pattern.count)...].first { $0 != " " } == ":"
        }
        let line = lines[first.line - 1]
        var column = first.column - 1 + pattern.count
        while column < line.count {
            let boundary = line[column - 1] == "{" || line[column - 1] == "," || line[column - 1] == " "
            if boundary, keyAt(line, column) { return Place(line: first.line, column: column + 1) }
            column += 1
        }
        let indent = first.column - 1
        for index in first.line..<lines.count {
            let later = lines[index]
            let leading = later.prefix { $0 == " " }.count
            guard leading < later.count, later[leading] != "#" else { continue }   // blank or comment lines
            if leading < indent { break }
            if leading == indent, keyAt(later, indent) { return Place(line: index + 1, column: indent + 1) }
        }
        return first
    }

    /// Whether the character at `place` is a tab (libyaml refuses tabs in indentation, but names them
    /// only sometimes: "found character that cannot start any token").
    private static func isTab(at place: Place, in text: String) -> Bool {
        let lines = text.split(separator: "\n", maxSplits: place.line, omittingEmptySubsequences: false)
        guard place.line >= 1, place.line <= lines.count else { return false }
        let line = lines[place.line - 1]
        guard place.column >= 1, place.column <= line.count else { return false }
        return line[line.index(line.startIndex, offsetBy: place.column - 1)] == "\t"
    }

    /// The line and column of the character at `offset`.
    private static func place(ofCharacter offset: Int, in text: String) -> Place {
        var place = Place.start
        for character in text.prefix(offset) {
            if character.isNewline {
                place.line += 1
                place.column = 1
            } else {
                place.column += 1
            }
        }
        return place
    }
}
