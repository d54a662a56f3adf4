import Yams

/// A YAML comment as written: where its `#` stands and its text.
struct FoundComment: Hashable {
    /// The line, counted from 1.
    var line: Int
    /// The column of the `#`, counted from 1 in Unicode scalars (as Yams' marks count).
    var column: Int
    /// The comment from its `#` to the end of the line, without trailing blanks.
    var text: String
    /// Whether nothing but blanks stands before the `#` on its line.
    var isFullLine: Bool
}

/// Finds the comments of a YAML text that parsed into `root`.
///
/// A `#` starts a comment at the start of a line or after a blank, except inside
/// a quoted scalar or a literal or folded block, whose extents are read from the
/// marks of the composed tree (a plain scalar cannot hold ` #`). So a `#` in
/// `"a #1"` or in a `|` block's text is text, and every other one is a comment.
enum CommentScanner {
    /// The comments of `lines` (the text split at line breaks, as Unicode scalars), in order.
    static func comments(in lines: [[Unicode.Scalar]], root: YAMLNode) -> [FoundComment] {
        var masks = ScalarMasks(lines: lines)
        masks.walk(root, parentIndent: -1)
        var found: [FoundComment] = []
        for (index, line) in lines.enumerated() {
            var column = 0
            while column < line.count {
                if let end = masks.maskedEnd(line: index, column: column) {
                    column = end
                    continue
                }
                if line[column] == "#", column == 0 || isBlank(line[column - 1]) {
                    let text = String(String.UnicodeScalarView(line[column...]))
                    let trimmed = String(text.reversed().drop(while: { $0 == " " || $0 == "\t" }).reversed())
                    found.append(FoundComment(line: index + 1, column: column + 1, text: trimmed,
                                              isFullLine: line[..<column].allSatisfy(isBlank)))
                    break
                }
                column += 1
            }
        }
        return found
    }

    static func isBlank(_ scalar: Unicode.Scalar) -> Bool { scalar == " " || scalar == "\t" }

    /// The parts of lines that hold quoted or block scalars, where a `#` is text.
    private struct ScalarMasks {
        let lines: [[Unicode.Scalar]]
        /// Masked ranges of columns (from 0) by line (from 0).
        private var ranges: [Int: [Range<Int>]] = [:]

        init(lines: [[Unicode.Scalar]]) {
            self.lines = lines
        }

        /// The end of the masked range that holds `column` of `line`, or nil when it is not masked.
        func maskedEnd(line: Int, column: Int) -> Int? {
            ranges[line]?.first { $0.contains(column) }?.upperBound
        }

        /// Masks the quoted and block scalars under `node`; `parentIndent` is the
        /// indentation of the collection that holds it (a block's text is indented more).
        mutating func walk(_ node: YAMLNode, parentIndent: Int) {
            switch node {
            case .mapping(let mapping):
                for (key, value) in mapping {
                    let indent = key.mark.map { $0.column - 1 } ?? parentIndent
                    walk(key, parentIndent: indent)
                    walk(value, parentIndent: indent)
                }
            case .sequence(let sequence):
                let indent = node.mark.map { $0.column - 1 } ?? parentIndent
                for item in sequence { walk(item, parentIndent: indent) }
            case .scalar(let scalar):
                guard let mark = node.mark else { return }
                switch scalar.style {
                case .singleQuoted: maskQuoted(from: mark, quote: "'")
                case .doubleQuoted: maskQuoted(from: mark, quote: "\"")
                case .literal, .folded: maskBlock(from: mark, parentIndent: parentIndent)
                default: break
                }
            case .alias:
                break
            }
        }

        /// Masks a quoted scalar from its opening quote (after any tag or anchor) to its closing one.
        private mutating func maskQuoted(from mark: Mark, quote: Unicode.Scalar) {
            var line = mark.line - 1
            guard line < lines.count,
                  let open = lines[line].indices.first(where: { $0 >= mark.column - 1 && lines[line][$0] == quote })
            else { return }
            var start = open, column = open + 1
            while line < lines.count {
                let text = lines[line]
                if column >= text.count {
                    mask(line, start..<max(start, text.count))
                    line += 1
                    start = 0
                    column = 0
                    continue
                }
                if quote == "\"", text[column] == "\\" {
                    column += 2
                } else if text[column] == quote {
                    if quote == "'", column + 1 < text.count, text[column + 1] == "'" {
                        column += 2
                    } else {
                        mask(line, start..<column + 1)
                        return
                    }
                } else {
                    column += 1
                }
            }
        }

        /// Masks the text lines of a `|` or `>` block: those after its header that are blank
        /// or indented at least as much as its first line (or as its indentation indicator says).
        private mutating func maskBlock(from mark: Mark, parentIndent: Int) {
            let header = mark.line - 1
            guard header < lines.count,
                  let indicator = lines[header].indices.first(where: {
                      $0 >= mark.column - 1 && (lines[header][$0] == "|" || lines[header][$0] == ">")
                  })
            else { return }
            let explicit = lines[header][(indicator + 1)...].prefix { $0 != " " && $0 != "#" }
                .compactMap { Int(String($0)) }.first { $0 > 0 }
            var contentIndent = explicit.map { max(parentIndent, 0) + $0 }
            var line = header + 1
            while line < lines.count {
                let text = lines[line]
                let indent = text.prefix { $0 == " " }.count
                let blank = text.allSatisfy(CommentScanner.isBlank)
                if !blank {
                    if contentIndent == nil {
                        guard indent > parentIndent else { return }
                        contentIndent = indent
                    }
                    guard let contentIndent, indent >= contentIndent else { return }
                }
                mask(line, 0..<text.count)
                line += 1
            }
        }

        private mutating func mask(_ line: Int, _ range: Range<Int>) {
            ranges[line, default: []].append(range)
        }
    }
}
