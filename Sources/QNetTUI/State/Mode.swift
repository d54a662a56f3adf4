import QNetModel

/// What the keys do right now.
public enum Mode: Sendable, Hashable {
    /// Keys run the bindings of `KeyBindings.normal`.
    case normal
    /// Keys edit the `:` command line.
    case command(CommandLineInput)
    /// The help screen is shown, scrolled down by `scroll` lines.
    case help(scroll: Int)
    /// Quitting with unsaved edits: save, discard or cancel?
    case confirmQuit
    /// The edit form of a record is open.
    case form(EditForm)
    /// An autosave newer than the file was found: restore it or discard it?
    case confirmRestore(Topology, autosavePath: String)
}

/// The text typed after `:`, where the cursor is in it, and where in the history Up/Down has reached.
public struct CommandLineInput: Sendable, Hashable {
    /// What has been typed (without the colon).
    public var text: String
    /// Index into the history while browsing it with Up/Down; nil when typing.
    public var historyIndex: Int?
    /// The characters of `text` before the cursor (0 ... text.count); typing inserts there.
    public var cursor: Int

    /// `text` with the cursor at its end.
    public init(text: String = "", historyIndex: Int? = nil) {
        self.text = text
        self.historyIndex = historyIndex
        self.cursor = text.count
    }

    /// The text before the cursor and from it on.
    public var split: (before: Substring, after: Substring) {
        let index = text.index(text.startIndex, offsetBy: min(max(0, cursor), text.count))
        return (text[..<index], text[index...])
    }

    /// Types `character` at the cursor.
    mutating func insert(_ character: Character) {
        let (before, after) = split
        text = before + String(character) + after
        cursor += 1
    }

    /// Deletes the character before the cursor (Backspace), if any.
    mutating func deleteBackward() {
        guard cursor > 0 else { return }
        let (before, after) = split
        text = String(before.dropLast()) + after
        cursor -= 1
    }

    /// Deletes the character under the cursor (Delete), if any.
    mutating func deleteForward() {
        let (before, after) = split
        text = before + String(after.dropFirst())
    }

    /// Deletes everything before the cursor (Ctrl-U, as in a shell).
    mutating func deleteToStart() {
        text = String(split.after)
        cursor = 0
    }
}
