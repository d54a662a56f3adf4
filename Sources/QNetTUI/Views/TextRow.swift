/// One row of a text pane: a label on the left and an optional value on the right.
struct TextRow: Sendable, Hashable {
    var label: String
    var value: String?
    var role: StyleRole
    /// The role of the value (the label's role when nil).
    var valueRole: StyleRole?

    init(_ label: String, _ value: String? = nil, role: StyleRole = .normal, valueRole: StyleRole? = nil) {
        self.label = label
        self.value = value
        self.role = role
        self.valueRole = valueRole
    }

    static func heading(_ text: String) -> TextRow { TextRow(text, role: .heading) }
    static let blank = TextRow("")

    /// The row as lines of at most `width` columns, the whole label kept. A row without a value is word-wrapped,
    /// its continuation lines indented two more than its first. A label too long to stand beside its value wraps
    /// the same way, the value ending its last line (or a line of its own when no word fits beside it); a value
    /// longer than two thirds of the row goes under its label, word-wrapped.
    func wrapped(to width: Int) -> [TextRow] {
        let lead = String(label.prefix { $0 == " " })
        let indent = lead + "  "
        guard width > 0 else { return [self] }
        guard let value else {
            guard DisplayWidth.of(label) > width else { return [self] }
            return Self.wordWrap(label, width: width, indent: indent).map { TextRow($0, role: role) }
        }
        let valueWidth = DisplayWidth.of(value)
        guard DisplayWidth.of(label) + 1 + valueWidth > width, label.count > lead.count else { return [self] }
        var lines = Self.wordWrap(label, width: width, indent: indent)
        if valueWidth > width - width / 3 - 1 {
            let valueLines = Self.wordWrap(indent + value, width: width, indent: indent)
            return lines.map { TextRow($0, role: role) } + valueLines.map { TextRow($0, role: valueRole ?? role) }
        }
        let last = lines.removeLast()
        let room = width - valueWidth - 1
        let tail = Self.wordWrap(last, width: room, indent: indent, breaksWords: false)
        guard tail.allSatisfy({ DisplayWidth.of($0) <= room }) else {
            return (lines + [last]).map { TextRow($0, role: role) } + [TextRow("", value, role: role, valueRole: valueRole)]
        }
        lines += tail.dropLast()
        return lines.map { TextRow($0, role: role) } + [TextRow(tail[tail.count - 1], value, role: role, valueRole: valueRole)]
    }

    /// `text` word-wrapped to `width` columns: its first line keeps the text's leading spaces, the others start with
    /// `indent`. A word longer than a line (a key path) is broken after a `.`, `/`, `_`, `-` or `~` where it can be,
    /// unless `breaksWords` is false: then it stands alone on its line.
    private static func wordWrap(_ text: String, width: Int, indent: String, breaksWords: Bool = true) -> [String] {
        let lead = String(text.prefix { $0 == " " })
        let room = width - DisplayWidth.of(indent)
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            var pieces = breaksWords && room > 0 ? Self.pieces(of: String(word), width: room) : [String(word)]
            let first = pieces.removeFirst()
            let candidate = line.isEmpty ? (lines.isEmpty ? lead : indent) + first : line + " " + first
            if DisplayWidth.of(candidate) > width, !line.isEmpty {
                lines.append(line)
                line = indent + first
            } else {
                line = candidate
            }
            for piece in pieces {
                lines.append(line)
                line = indent + piece
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }

    /// `word` cut into pieces of at most `width` columns, each ending after a separator where one falls in it
    /// (a `.` or `/` rather than a `_`, `-` or `~`).
    private static func pieces(of word: String, width: Int) -> [String] {
        var pieces: [String] = []
        var rest = Substring(word)
        while DisplayWidth.of(String(rest)) > width {
            let head = DisplayWidth.prefix(String(rest), width)
            let body = head.dropLast()
            let separator = body.lastIndex { "./".contains($0) } ?? body.lastIndex { "_-~".contains($0) }
            let count = separator.map { head.distance(from: head.startIndex, to: $0) + 1 } ?? head.count
            pieces.append(String(rest.prefix(max(1, count))))
            rest = rest.dropFirst(max(1, count))
        }
        return pieces + [String(rest)]
    }

    /// Draws the row into `rect` (its first line): the value right-aligned, the label shortened first
    /// (down to a third of the row).
    func draw(in rect: Rect, glyphs: GlyphSet, into canvas: inout Canvas) {
        guard !rect.isEmpty else { return }
        guard let value else {
            canvas.write(label, in: rect, role: role, ellipsis: glyphs.ellipsis)
            return
        }
        // A long value leaves the label a third of the row, so that the row still says what it is.
        let labelKept = min(DisplayWidth.of(label), rect.width / 3)
        let valueText = DisplayWidth.truncate(value, to: rect.width - (labelKept > 0 ? labelKept + 1 : 0),
                                              ellipsis: glyphs.ellipsis)
        let valueWidth = DisplayWidth.of(valueText)
        let labelWidth = max(0, rect.width - valueWidth - 1)
        canvas.write(label, in: Rect(x: rect.x, y: rect.y, width: labelWidth, height: 1), role: role, ellipsis: glyphs.ellipsis)
        canvas.write(valueText, in: rect, role: valueRole ?? role, alignment: .right, ellipsis: glyphs.ellipsis)
    }
}
