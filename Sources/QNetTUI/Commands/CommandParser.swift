import Foundation
import QNetModel

/// Parses the text typed after `:` into a `Command`, or says what is wrong.
///
/// Words are separated by spaces; the last argument of `:set`, the rate of
/// `:add demand` and the paths of `:w`, `:saveas`, `:e`, `:export` take the rest of the
/// line, spaces included (`:set L1.length 30 km`).
public enum CommandParser {
    /// The command `line` asks for.
    public static func parse(_ line: String) -> Result<Command, CommandError> {
        do throws(CommandError) {
            return .success(try parseCommand(line))
        } catch {
            return .failure(error)
        }
    }

    private static func parseCommand(_ line: String) throws(CommandError) -> Command {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        let (name, rest) = splitWord(trimmed)
        switch name {
        case "w", "write", "w!", "write!":
            return .write(path: rest.isEmpty ? nil : rest, force: name.hasSuffix("!"))
        case "saveas", "sav", "saveas!", "sav!":
            guard !rest.isEmpty else { throw CommandError("usage: :saveas FILE (write FILE and edit it from now on)") }
            return .saveAs(path: rest, force: name.hasSuffix("!"))
        case "wq", "x", "wq!", "x!":
            try noArguments(name, rest)
            return .writeQuit(force: name.hasSuffix("!"))
        case "q", "quit":
            try noArguments(name, rest)
            return .quit(force: false)
        case "q!", "quit!":
            try noArguments(name, rest)
            return .quit(force: true)
        case "e", "edit", "e!", "edit!":
            return .edit(path: rest.isEmpty ? nil : rest, force: name.hasSuffix("!"))
        case "export", "export!":
            guard !rest.isEmpty else { throw CommandError("usage: :export FILE (.md, .json or .csv)") }
            return .export(path: rest, force: name.hasSuffix("!"))
        case "select", "sel":
            let words = words(rest)
            guard words.count == 1 else { throw CommandError("usage: :select ID") }
            return .select(Identifier(words[0]))
        case "set":
            return try parseSet(rest)
        case "add":
            return try parseAdd(rest)
        case "del", "delete":
            let words = words(rest)
            guard words.count == 1 else { throw CommandError("usage: :del ID") }
            return .delete(Identifier(words[0]))
        case "undo", "u":
            try noArguments(name, rest)
            return .undo
        case "redo":
            try noArguments(name, rest)
            return .redo
        case "":
            throw CommandError("empty command; ? lists the commands")
        default:
            throw CommandError("unknown command '\(name)'; ? lists the commands")
        }
    }

    private static func parseSet(_ rest: String) throws(CommandError) -> Command {
        let usage = "usage: :set ID.KEY VALUE (e.g. :set L1.length 30 km), or :set name|description TEXT"
        let (target, value) = splitWord(rest)
        if let key = TopologyText(rawValue: target) {
            guard !value.isEmpty else { throw CommandError("no value for \(target); usage: :set \(target) TEXT") }
            return .setTopology(key, value)
        }
        let parts = target.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard parts.count >= 2, parts.allSatisfy({ !$0.isEmpty }) else { throw CommandError(usage) }
        guard !value.isEmpty else { throw CommandError("no value for \(target); \(usage)") }
        return .set(id: Identifier(parts[0]), keyPath: Array(parts.dropFirst()), value: value)
    }

    private static func parseAdd(_ rest: String) throws(CommandError) -> Command {
        let (what, arguments) = splitWord(rest)
        let words = words(arguments)
        if let kind = EquipmentKind(rawValue: what) {
            let usage = kind == .memory ? "usage: :add memory NAME" : "usage: :add \(what) NAME [KIND]"
            guard words.count == 1 || (words.count == 2 && kind != .memory) else { throw CommandError(usage) }
            return .addEquipment(kind, name: words[0], model: words.count == 2 ? words[1] : nil)
        }
        switch what {
        case "node":
            let usage = "usage: :add node ID KIND X Y (x, y in km), plus ALTITUDE for a satellite (km unless a unit follows)"
            // The altitude may be a number and its unit, as :set takes it (500 km).
            guard words.count == 4 || words.count == 5 || (words.count == 6 && Quantity.parseNumber(words[4]) != nil) else {
                throw CommandError(usage)
            }
            return .addNode(id: Identifier(words[0]), kind: words[1], x: words[2], y: words[3],
                            altitude: words.count > 4 ? words[4...].joined(separator: " ") : nil)
        case "link":
            let usage = "usage: :add link ID A B MEDIUM [LENGTH] (medium: fiber, free-space, satellite; a satellite link takes an ELEVATION or nothing: a pass)"
            guard words.count >= 4 else { throw CommandError(usage) }
            let length = words.count > 4 ? words[4...].joined(separator: " ") : nil
            return .addLink(id: Identifier(words[0]), from: Identifier(words[1]), to: Identifier(words[2]),
                            medium: words[3], length: length)
        case "demand":
            guard words.count >= 3 else { throw CommandError("usage: :add demand A B RATE [ID] (e.g. 1 kbit/s)") }
            let (rate, id) = rateAndID(Array(words[2...]))
            return .addDemand(from: Identifier(words[0]), to: Identifier(words[1]), rate: rate, id: id)
        default:
            throw CommandError("usage: :add node|link|demand|source|detector|memory …")
        }
    }

    /// The rate of `:add demand` and its optional id: the last word is the id when the words without it,
    /// but not with it, read as a key rate (`1 kbit/s D2`, `1kbps D2`; `1 kbps` has no id). When neither reads,
    /// the rate is its number and unit (`5km`, or `5 km` when the first word is a bare number) and one word after
    /// them is the id, so that the schema says what is wrong with the rate (`5 km D2`: 'km' is not a unit of key
    /// rate) rather than with the id it would otherwise swallow.
    private static func rateAndID(_ words: [String]) -> (rate: String, id: Identifier?) {
        let all = words.joined(separator: " "), head = words.dropLast().joined(separator: " ")
        func isRate(_ text: String) -> Bool { (try? Quantity.parse(text, as: .keyRate)) != nil }
        if isRate(all) { return (all, nil) }
        if words.count > 1, isRate(head), let last = words.last { return (head, Identifier(last)) }
        let rateWords = Quantity.parseNumber(words[0]) != nil && words.count > 1 ? 2 : 1
        guard words.count == rateWords + 1, let last = words.last else { return (all, nil) }
        return (words.prefix(rateWords).joined(separator: " "), Identifier(last))
    }

    private static func noArguments(_ name: String, _ rest: String) throws(CommandError) {
        guard rest.isEmpty else { throw CommandError(":\(name) takes no arguments") }
    }

    /// The first word and the rest of the line, trimmed.
    private static func splitWord(_ text: String) -> (String, String) {
        guard let space = text.firstIndex(of: " ") else { return (text, "") }
        return (String(text[..<space]), text[space...].trimmingCharacters(in: .whitespaces))
    }

    private static func words(_ text: String) -> [String] {
        text.split(separator: " ").map(String.init)
    }
}
