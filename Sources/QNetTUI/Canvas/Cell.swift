/// One terminal cell: the character it shows and its style role.
///
/// A character two columns wide sits in its first cell; the cell to its right
/// holds the empty string and is never drawn on its own.
public struct Cell: Sendable, Hashable {
    /// One grapheme, or "" for the right half of a wide character.
    public var text: String
    /// How the cell is styled.
    public var role: StyleRole

    /// A cell showing `text` in `role`.
    public init(_ text: String, _ role: StyleRole = .normal) {
        self.text = text
        self.role = role
    }

    /// A space in the normal style.
    public static let blank = Cell(" ")

    /// Whether this is the right half of a wide character.
    public var isContinuation: Bool { text.isEmpty }
}
