/// The comments of a topology file, captured when it is read and put back in
/// their places when it is saved, so that a load → edit → save keeps them.
///
/// A block of full-line comments belongs to the key or list item on the line
/// after it, or, when it is indented deeper than that line, to the item or key
/// above it that it sits in, and is written at that one's end (a header block
/// before the first key stays at the top); a comment
/// at the end of a line belongs to that line's key or item. Nodes, links and
/// demands are named by id, equipment entries by name (`CommentAnchor`), so a
/// comment follows its item when others are added or deleted, and follows a
/// rename made in the workbench (`following(renamesFrom:to:)`). On saving, the
/// comments of a deleted item are dropped; comments whose key is no longer
/// written (a key cleared) go at the end of the file; a blank line that
/// separated a comment block from its neighbours is kept. A file without
/// comments is written exactly as `TopologyWriter` writes a bare topology.
public struct TopologyComments: Sendable, Hashable {
    /// A line of a comment block.
    enum Line: Hashable, Sendable {
        /// A comment (from its `#`), indented by `indent` columns: relative to the line it
        /// precedes for an attached block, from the start of the line in the header and footer.
        case comment(String, indent: Int)
        /// A blank line between comments, or between comments and what they precede.
        case blank
    }

    /// Comments that belong to a key or list item.
    struct Attached: Hashable, Sendable {
        /// Where the comment is placed with respect to its anchor's line.
        enum Placement: Hashable, Sendable {
            /// Full lines before the anchor's line.
            case before([Line])
            /// Full lines after the anchor's last line (the end of its value), indented relative to its first line:
            /// a block written below an item's last key, deeper than the next line.
            case after([Line])
            /// At the end of the anchor's line; the `#` stood `column` columns after the
            /// line's indentation (1: right at it).
            case trailing(String, column: Int)
        }

        var anchor: CommentAnchor
        var placement: Placement
    }

    /// Comment lines before the first key, kept at the top.
    var header: [Line] = []
    /// Comments that belong to keys and items, in file order.
    var attached: [Attached] = []
    /// Comment lines after the last key, kept at the end.
    var footer: [Line] = []

    /// No comments.
    public init() {}

    /// Whether the file had no comments.
    public var isEmpty: Bool { header.isEmpty && attached.isEmpty && footer.isEmpty }

    /// The text of every comment (from its `#`), in file order.
    public var texts: [String] {
        func texts(_ lines: [Line]) -> [String] {
            lines.compactMap { line in
                guard case .comment(let text, _) = line else { return nil }
                return text
            }
        }
        return texts(header) + attached.flatMap { comment in
            switch comment.placement {
            case .before(let lines), .after(let lines): return texts(lines)
            case .trailing(let text, _): return [text]
            }
        } + texts(footer)
    }
}
