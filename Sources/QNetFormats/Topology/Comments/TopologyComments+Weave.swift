import QNetModel
import Yams

extension TopologyComments {
    /// `yaml`, the writer's text of `topology`, with the comments put back: each
    /// block before the line of its key or item (indented as that line is), or
    /// after its item's last line when it was written below the item, each
    /// end-of-line comment at the end of its line (as far from the line's
    /// indentation as it was, when the line is short enough). Comments of deleted
    /// items are dropped; comments whose key is not written go at the end; the
    /// header stays at the top, the footer at the end.
    func weave(into yaml: String, of topology: Topology) -> String {
        // The writer's own text always composes; were it not to, the topology is still saved.
        guard !isEmpty, let root = try? Yams.compose(yaml: yaml) else { return yaml }
        let lines = TopologyComments.lines(of: yaml)
        var placed = keepingItems(of: topology).placements(in: lines, anchors: LineAnchors(root: root, topology: topology))
        var text = TextLines()
        text.append(header)
        for (index, line) in lines.enumerated() {
            let number = index + 1
            var content = String(String.UnicodeScalarView(line))
            let ends = placed.trailing[number] ?? []
            if ends.count > 1 {
                // One line holds one end-of-line comment: several (from a mapping now written
                // in flow style) go on lines of their own before it.
                let indent = TopologyComments.indentation(of: line)
                placed.before[number, default: []] += ends.map { .comment($0.text, indent: indent) }
            } else if let end = ends.first {
                let column = TopologyComments.indentation(of: line) + end.column
                content += String(repeating: " ", count: max(1, column - 1 - line.count)) + end.text
            }
            text.append(placed.before[number] ?? [])
            text.lines.append(content)
            text.append(placed.after[number] ?? [])
        }
        text.append(placed.orphans.isEmpty ? [] : [.blank] + placed.orphans)
        text.append(footer)
        return text.lines.joined(separator: "\n") + "\n"
    }

    /// Where the attached comments go in the writer's `lines`.
    private struct Placements {
        /// Blocks to write before each line (counted from 1), indented for it.
        var before: [Int: [Line]] = [:]
        /// Blocks to write after each line (the last of the item or key they follow).
        var after: [Int: [Line]] = [:]
        /// End-of-line comments of each line.
        var trailing: [Int: [(text: String, column: Int)]] = [:]
        /// Comments whose key is not written, for the end of the file.
        var orphans: [Line] = []
    }

    /// The comments without those of items `topology` no longer has (deleted ones).
    public func keepingItems(of topology: Topology) -> TopologyComments {
        let records = Dictionary(uniqueKeysWithValues: RecordName.sections.map { section in
            (section, Set(RecordName.names(of: section, in: topology)))
        })
        var kept = self
        kept.attached.removeAll { comment in
            comment.anchor.record.map { records[$0.section]?.contains($0.name) != true } ?? false
        }
        return kept
    }

    /// The indentations a block written after line `last` may take: deeper than the line after it (so that it
    /// is read back as the same item's), and shallower than the text of a `|` or `>` block that ends at `last`
    /// (so that it ends the block instead of joining its text); the second wins when both cannot hold.
    private static func afterIndentation(last: Int, lines: [[Unicode.Scalar]], anchors: LineAnchors) -> ClosedRange<Int> {
        let lower = last < lines.count ? TopologyComments.indentation(of: lines[last]) + 1 : 0
        let keyLine = anchors.lineStartingAnchor(atOrAbove: last)
        let text = lines[keyLine..<last].filter { !$0.allSatisfy(CommentScanner.isBlank) }
        guard let content = text.map(TopologyComments.indentation(of:)).min() else { return lower...Int.max }
        let upper = max(0, content - 1)
        return min(lower, upper)...upper
    }

    /// Places each attached comment on the line of its anchor.
    private func placements(in lines: [[Unicode.Scalar]], anchors: LineAnchors) -> Placements {
        var placed = Placements()
        for comment in attached {
            guard let line = anchors.lineOf[comment.anchor] else {
                switch comment.placement {
                case .before(let block), .after(let block): placed.orphans += block.map(\.flushLeft)
                case .trailing(let text, _): placed.orphans.append(.comment(text, indent: 0))
                }
                continue
            }
            let indent = TopologyComments.indentation(of: lines[line - 1])
            switch comment.placement {
            case .before(let block): placed.before[line, default: []] += block.map { $0.indented(from: indent) }
            case .trailing(let text, let column): placed.trailing[line, default: []].append((text, column))
            case .after(let block):
                let last = anchors.lastLine(of: comment.anchor, lineCount: lines.count) ?? line
                let range = Self.afterIndentation(last: last, lines: lines, anchors: anchors)
                placed.after[last, default: []] += block.map { $0.indented(after: indent, within: range) }
            }
        }
        return placed
    }
}

/// Lines of text being assembled, with blank lines from comment blocks never doubled
/// and never first.
private struct TextLines {
    var lines: [String] = []

    mutating func append(_ block: [TopologyComments.Line]) {
        for line in block {
            switch line {
            case .comment(let text, let indent):
                lines.append(String(repeating: " ", count: indent) + text)
            case .blank:
                if let last = lines.last, !last.isEmpty { lines.append("") }
            }
        }
    }
}

extension TopologyComments.Line {
    /// A line of an attached block before a line indented by `base` columns: never left of the margin, and
    /// never deeper than that line, so that it cannot fall inside a `|` or `>` block the writer puts before it.
    func indented(from base: Int) -> Self {
        guard case .comment(let text, let indent) = self else { return self }
        return .comment(text, indent: max(0, base + min(0, indent)))
    }

    /// A line of a block after the text of a key or item whose first line is indented by `base` columns,
    /// its indentation brought into `range`.
    func indented(after base: Int, within range: ClosedRange<Int>) -> Self {
        guard case .comment(let text, let indent) = self else { return self }
        return .comment(text, indent: min(max(base + indent, range.lowerBound), range.upperBound))
    }

    /// The line at the left margin.
    var flushLeft: Self {
        guard case .comment(let text, _) = self else { return self }
        return .comment(text, indent: 0)
    }
}
