/// A line of text being typed and the cursor in it, edited as a shell edits its line: the command
/// line and a form's value.
public struct TextField: Sendable, Hashable {
    /// What has been typed.
    public var text: String
    /// The characters of `text` before the cursor (0 ... text.count); typing inserts there.
    public var cursor: Int

    /// `text` with the cursor at its end.
    public init(_ text: String = "") {
        self.text = text
        self.cursor = text.count
    }

    /// The text before the cursor and from it on.
    public var split: (before: Substring, after: Substring) {
        let index = text.index(text.startIndex, offsetBy: min(max(0, cursor), text.count))
        return (text[..<index], text[index...])
    }

    /// Applies an editing key: a character is typed at the cursor, Backspace and Delete remove around it,
    /// C-u removes everything before it, ←/→, Home/End (C-a/C-e) move it. False for keys that do not edit.
    mutating func edit(_ key: Key) -> Bool {
        let (before, after) = split
        switch key {
        case .character(let character):
            text = before + String(character) + after
            cursor += 1
        case .backspace:
            guard cursor > 0 else { return true }
            text = String(before.dropLast()) + after
            cursor -= 1
        case .delete: text = before + String(after.dropFirst())
        case .ctrl("u"):
            text = String(after)
            cursor = 0
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(text.count, cursor + 1)
        case .home, .ctrl("a"): cursor = 0
        case .end, .ctrl("e"): cursor = text.count
        default: return false
        }
        return true
    }
}
