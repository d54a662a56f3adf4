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

    /// The row as lines of at most `width` columns: a row without a value is
    /// word-wrapped, its continuation lines indented two more than its first.
    func wrapped(to width: Int) -> [TextRow] {
        guard value == nil, width > 0, DisplayWidth.of(label) > width else { return [self] }
        let indent = String(label.prefix { $0 == " " }) + "  "
        var lines: [String] = []
        var line = ""
        for word in label.split(separator: " ") {
            let candidate = line.isEmpty ? (lines.isEmpty ? String(label.prefix { $0 == " " }) : indent) + word : line + " " + word
            if DisplayWidth.of(candidate) > width, !line.isEmpty {
                lines.append(line)
                line = indent + word
            } else {
                line = candidate
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines.map { TextRow($0, role: role) }
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
