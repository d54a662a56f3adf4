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
            if !seenSignificant {
                header += block
            } else if line > lines.count {
                footer += block.last == .blank ? block.dropLast() : block[...]
            } else if let anchor = anchors.firstOnLine[line] ?? anchors.governing(line) {
                let indent = TopologyComments.indentation(of: lines[line - 1])
                // Comments indented deeper than the next line, at the block's start, were written below the item above.
                let (below, rest) = Self.split(block, deeperThan: indent)
                var before = rest
                if below.contains(where: \.isComment), let last = lastSignificant,
                   let above = anchors.enclosing(below: last, before: anchor) {
                    let base = TopologyComments.indentation(of: lines[(anchors.lineOf[above] ?? line) - 1])
                    attached.append(Attached(anchor: above, placement: .after(below.map { $0.shifted(by: -base) })))
                } else {
                    before = block
                }
                if before.contains(where: \.isComment) {
                    attached.append(Attached(anchor: anchor, placement: .before(before.map { $0.shifted(by: -indent) })))
                }
            } else {
                header += block
            }
        }
        attachTrailing(upTo: lines.count)
    }

    /// `block` cut after its leading comments indented deeper than `indent` columns (and the blank lines
    /// among them); blank lines at the cut go with the second part.
    static func split(_ block: [Line], deeperThan indent: Int) -> (deeper: [Line], rest: [Line]) {
        let cut = block.firstIndex { line in
            if case .comment(_, let column) = line { return column <= indent }
            return false
        } ?? block.endIndex
        var deeper = Array(block[..<cut]), rest = Array(block[cut...])
        while deeper.last == .blank {
            deeper.removeLast()
            rest.insert(.blank, at: 0)
        }
        return (deeper, rest)
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
    var isComment: Bool {
        if case .comment = self { return true }
        return false
    }

    /// The line with its indentation moved by `offset` columns.
    func shifted(by offset: Int) -> Self {
        guard case .comment(let text, let indent) = self else { return self }
        return .comment(text, indent: indent + offset)
    }
}
