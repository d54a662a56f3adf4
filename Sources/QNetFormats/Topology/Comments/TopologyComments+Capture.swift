import QNetModel
import Yams

extension TopologyComments {
    /// The comments of `yaml`, a topology file's text that composed into `root`
    /// and read as `topology`, each attached to the key or item it belongs to.
    init(yaml: String, root: YAMLNode, topology: Topology) {
        self.init()
        guard yaml.contains("#") else { return }
        let lines = TopologyComments.lines(of: yaml)
        let found = CommentScanner.comments(in: lines, root: root)
        guard !found.isEmpty else { return }
        let anchors = LineAnchors(root: root, topology: topology)
        let fullLine = Dictionary(found.filter(\.isFullLine).map { ($0.line, $0) }) { first, _ in first }
        let blank = { (line: Int) in lines[line - 1].allSatisfy(CommentScanner.isBlank) }
        let significant = { (line: Int) in !blank(line) && fullLine[line] == nil }

        var trailing = found.filter { !$0.isFullLine }[...]
        /// Attaches the end-of-line comments up to `last` to their lines' keys.
        func attachTrailing(upTo last: Int) {
            while let comment = trailing.first, comment.line <= last {
                trailing.removeFirst()
                if let anchor = anchors.governing(comment.line) {
                    let column = comment.column - TopologyComments.indentation(of: lines[comment.line - 1])
                    attached.append(Attached(anchor: anchor, placement: .trailing(comment.text, column: column)))
                } else {
                    header.append(.comment(comment.text, indent: 0))
                }
            }
        }

        var line = 1
        var lastSignificant: Int?
        while line <= lines.count {
            guard fullLine[line] != nil else {
                if significant(line) { lastSignificant = line }
                line += 1
                continue
            }
            let seenSignificant = lastSignificant != nil
            // A block: full-line comments and blank lines up to the next key, or to the end.
            let start = line
            var block: [Line] = seenSignificant && blank(start - 1) ? [.blank] : []
            while line <= lines.count, !significant(line) {
                if let comment = fullLine[line] {
                    block.append(.comment(comment.text, indent: comment.column - 1))
                } else if block.last != .blank {
                    block.append(.blank)
                }
                line += 1
            }
            attachTrailing(upTo: start - 1)
            let next = line <= lines.count ? anchors.firstOnLine[line] ?? anchors.governing(line) : nil
            if !seenSignificant || line <= lines.count && next == nil {
                header += block
                continue
            }
            // Comments indented deeper than the line after the block (the margin at the end of the file),
            // at the block's start, were written below the item or key above: they stay with it.
            let indent = next == nil ? 0 : TopologyComments.indentation(of: lines[line - 1])
            let (below, rest) = Self.split(block, deeperThan: indent)
            var remaining = block
            if let column = below.lazy.compactMap(\.commentIndent).first, let last = lastSignificant,
               let above = anchors.enclosing(below: last, before: next, column: column, lines: lines) {
                let base = TopologyComments.indentation(of: lines[(anchors.lineOf[above] ?? last) - 1])
                // Blank lines that only separated the block from the next line go with it (none at the end).
                let after = rest.contains(where: \.isComment) || next == nil ? below : below + rest
                attached.append(Attached(anchor: above, placement: .after(after.map { $0.shifted(by: -base) })))
                remaining = rest.contains(where: \.isComment) ? rest : []
            }
            if let next {
                if remaining.contains(where: \.isComment) {
                    attached.append(Attached(anchor: next, placement: .before(remaining.map { $0.shifted(by: -indent) })))
                }
            } else {
                footer += remaining.last == .blank ? remaining.dropLast() : remaining[...]
            }
        }
        attachTrailing(upTo: lines.count)
    }

    /// `block` cut after its leading comments indented deeper than `indent` columns (and the blank lines
    /// among them); blank lines at the cut go with the second part.
    static func split(_ block: [Line], deeperThan indent: Int) -> (deeper: [Line], rest: [Line]) {
        let cut = block.firstIndex { ($0.commentIndent ?? .max) <= indent } ?? block.endIndex
        var deeper = Array(block[..<cut]), rest = Array(block[cut...])
        while deeper.last == .blank {
            deeper.removeLast()
            rest.insert(.blank, at: 0)
        }
        return (deeper, rest)
    }

    /// The comments of `yaml`, a file that holds no value (only comments, blank lines and document markers), all
    /// kept at the top of the topology written in it; a run of blank lines is kept as one, none before the first.
    init(ofEmptyFile yaml: String) {
        self.init()
        for line in TopologyComments.lines(of: yaml) {
            guard let start = line.firstIndex(where: { !CommentScanner.isBlank($0) }) else {
                if !header.isEmpty, header.last != .blank { header.append(.blank) }
                continue
            }
            guard line[start] == "#" else { continue }
            let text = String(String.UnicodeScalarView(line[start...].reversed().drop(while: CommentScanner.isBlank).reversed()))
            header.append(.comment(text, indent: start))
        }
    }

    /// The lines of `text` as Unicode scalars, without their line breaks (`\n` or `\r\n`).
    static func lines(of text: String) -> [[Unicode.Scalar]] {
        // Split scalars, not characters: "\r\n" is one Character.
        var lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            Array(line.last == "\r" ? line.dropLast() : line)
        }
        if lines.last?.isEmpty == true { lines.removeLast() }
        return lines
    }

    /// The number of spaces a line starts with.
    static func indentation(of line: [Unicode.Scalar]) -> Int {
        line.prefix { $0 == " " }.count
    }
}

extension TopologyComments.Line {
    /// Whether the line is a comment (not a blank line).
    var isComment: Bool { commentIndent != nil }

    /// The indentation of a comment line, nil for a blank line.
    var commentIndent: Int? {
        if case .comment(_, let indent) = self { return indent }
        return nil
    }

    /// The line with its indentation moved by `offset` columns.
    func shifted(by offset: Int) -> Self {
        guard case .comment(let text, let indent) = self else { return self }
        return .comment(text, indent: indent + offset)
    }
}
