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
            return ("duplicate \(noun) \(keys) in one mapping: each key may be written once", Place(context.mark))
        default:
            return ("malformed YAML: \(error)", .start)
        }
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
