/// The id of a node, link or demand as written in the file.
///
/// Ids are `[A-Za-z0-9_-]+`: no dots, because `:set ID.KEY` splits on them.
public struct Identifier: Sendable, Hashable, Comparable, ExpressibleByStringLiteral, CustomStringConvertible {
    /// The id as written.
    public var rawValue: String

    /// An id from its text (not validated; see `isWellFormed`).
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }

    /// Whether the id uses only letters, digits, `_` and `-`, and is not empty.
    public var isWellFormed: Bool {
        !rawValue.isEmpty && rawValue.utf8.allSatisfy { byte in
            let lower = byte | 0x20  // ASCII letters fold to lower case; other bytes stay outside a...z
            return (lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
        }
    }

    public var description: String { rawValue }
    public static func < (lhs: Identifier, rhs: Identifier) -> Bool { lhs.rawValue < rhs.rawValue }
}
