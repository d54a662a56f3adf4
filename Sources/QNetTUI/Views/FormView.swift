import QNetModel

/// The edit form, drawn over the panes: one line per key (value, or what applies
/// dimmed when absent: the default, or the equipment a link inherits from its
/// node), the help of the key under the cursor, and the reason a value was
/// refused, or else what the validation or the plan says of it (a key the record
/// sets but does not read, say); a pick list when choosing equipment.
enum FormView {
    static func draw(_ form: EditForm, _ state: AppState, in screen: Rect, glyphs: GlyphSet, into canvas: inout Canvas) {
        // Between the title and the status line, which keeps showing what each edit did and how long its plan took.
        let between = Rect(x: screen.x, y: screen.y + 1, width: screen.width, height: max(0, screen.height - 3))
        let box = between.centred(Size(width: min(screen.width - 2, 90), height: between.height))
        guard box.width >= 20, box.height >= 6,
              let rows = TopologyEditor.rows(of: form.record, in: state.topology) else { return }
        canvas.fill(between)   // no cut-off pane borders beside the box
        let inside = Box.draw(box, title: "Edit " + form.record.title, focused: true, glyphs: glyphs, into: &canvas)
        let keyWidth = min(24, (rows.map { DisplayWidth.of($0.key) }.max() ?? 0) + 2)
        let cursor = min(form.cursor, rows.count - 1)
        let said = RecordNotes(form.record, in: state)
        let message = footerMessage(form, said.notes(of: rows[cursor]), width: inside.width)
        let help = helpLines(rows[cursor], width: inside.width,
                             room: inside.height - 1 - max(1, message.lines.count) - minimumListHeight)
        // A rule, the help of the key, why a value was refused or the key's note.
        let footer = 1 + help.count + max(1, message.lines.count)
        let listHeight = max(1, inside.height - footer)
        let top = max(0, min(cursor - listHeight / 2, rows.count - listHeight))
        for (line, index) in (top..<min(rows.count, top + listHeight)).enumerated() {
            let row = rows[index], rect = inside.row(line)
            let selected = index == cursor
            canvas.write((selected ? "> " : "  ") + row.key, in: Rect(x: rect.x, y: rect.y, width: keyWidth + 2, height: 1),
                         role: selected ? .selection : .key, ellipsis: glyphs.ellipsis)
            let valueRect = Rect(x: rect.x + keyWidth + 3, y: rect.y, width: rect.width - keyWidth - 3, height: 1)
            if selected, let input = form.input {
                input.draw(in: valueRect, glyphs: glyphs, into: &canvas)
            } else {
                let (text, role): (String, StyleRole) = if let value = row.value {
                    (value, .normal)
                } else if let inherited = row.inherited {
                    ("— " + inherited, .dim)
                } else {
                    (row.defaultText.map { "— default " + $0 } ?? "—", .dim)
                }
                drawValue(text, role: role, note: said.notes(of: row).first, in: valueRect, glyphs: glyphs,
                          into: &canvas)
            }
        }
        let helpRow = inside.row(inside.height - footer + 1)
        canvas.write(String(repeating: glyphs.horizontal, count: inside.width), x: inside.x, y: helpRow.y - 1,
                     role: .dim, clip: inside.row(inside.height - footer))
        for (line, text) in help.enumerated() {
            canvas.write(text, in: inside.row(helpRow.y - inside.y + line), role: .dim, ellipsis: glyphs.ellipsis)
        }
        for (line, text) in message.lines.enumerated() {
            canvas.write(text, in: inside.row(inside.height - footer + 1 + help.count + line), role: message.role,
                         ellipsis: glyphs.ellipsis)
        }
        if let pick = form.pick { drawPick(pick, title: rows[cursor].key, in: inside, glyphs: glyphs, into: &canvas) }
    }

    /// The fewest rows of keys the form keeps in view, before its help takes more than one line.
    private static let minimumListHeight = 4

    /// The help of the key under the cursor, word-wrapped to `width` on up to three lines, as many as `room` leaves
    /// (one at least; the last is cut short when the help is longer), so that it is not cut at 120 columns (QA).
    private static func helpLines(_ row: FormRow, width: Int, room: Int) -> [String] {
        let extra = row.picks.map { _ in " · Enter picks from the library or adds one, o opens it" } ?? ""
        let lines = TextRow(row.key + ": " + row.help + extra).wrapped(to: width).map(\.label)
        let kept = max(1, min(3, room))
        guard lines.count > kept else { return lines }
        let rest = lines[kept...].map { $0.trimmingCharacters(in: .whitespaces) }
        return Array(lines.prefix(kept - 1)) + [([lines[kept - 1]] + rest).joined(separator: " ")]
    }

    /// Why the value typed was refused, else the first of `notes`, what is said of the key under the cursor (and how many more the
    /// inspector shows), word-wrapped on up to two lines of `width` columns (the second cut short when it is longer).
    private static func footerMessage(_ form: EditForm, _ notes: [Diagnostic], width: Int)
        -> (lines: [String], role: StyleRole)
    {
        let text: String, role: StyleRole
        if let error = form.error {
            (text, role) = ("refused: " + error.replacingPrefix("refused: "), .error)
        } else {
            guard let note = notes.first else { return ([], .normal) }
            let more = notes.count > 1 ? " (\(notes.count - 1) more in the inspector)" : ""
            (text, role) = ("\(note.severity.rawValue): \(note.message)\(more)", Self.role(of: note))
        }
        let lines = TextRow(text).wrapped(to: width).map(\.label)
        return (lines.count > 2 ? [lines[0], lines[1...].joined(separator: " ")] : lines, role)
    }

    /// A key's value (or what applies), then, when something is said of the key, the first of it as far as it fits.
    private static func drawValue(_ text: String, role: StyleRole, note: Diagnostic?, in rect: Rect, glyphs: GlyphSet,
                                  into canvas: inout Canvas) {
        guard let note else {
            canvas.write(text, in: rect, role: role, ellipsis: glyphs.ellipsis)
            return
        }
        let width = min(DisplayWidth.of(text), max(rect.width / 2, rect.width - 30))
        canvas.write(text, in: Rect(x: rect.x, y: rect.y, width: width, height: 1), role: role, ellipsis: glyphs.ellipsis)
        let rest = Rect(x: rect.x + width + 2, y: rect.y, width: max(0, rect.width - width - 2), height: 1)
        canvas.write("! " + note.message, in: rest, role: Self.role(of: note), ellipsis: glyphs.ellipsis)
    }

    private static func role(of note: Diagnostic) -> StyleRole { note.severity == .error ? .error : .warning }

    private static func drawPick(_ pick: EditForm.Pick, title: String, in area: Rect, glyphs: GlyphSet,
                                 into canvas: inout Canvas) {
        let width = min(area.width - 2, max(24, (pick.names.map { DisplayWidth.of($0) }.max() ?? 0) + 6))
        let box = area.centred(Size(width: width, height: min(area.height, pick.names.count + 2)))
        guard box.height >= 3 else { return }
        canvas.fill(box)
        let inside = Box.draw(box, title: title, focused: true, glyphs: glyphs, into: &canvas)
        let top = max(0, min(pick.index - inside.height / 2, pick.names.count - inside.height))
        for (line, index) in (top..<min(pick.names.count, top + inside.height)).enumerated() {
            canvas.write((index == pick.index ? "> " : "  ") + pick.names[index], in: inside.row(line),
                         role: index == pick.index ? .selection : .normal, ellipsis: glyphs.ellipsis)
        }
    }
}

private extension String {
    func replacingPrefix(_ prefix: String) -> String { hasPrefix(prefix) ? String(dropFirst(prefix.count)) : self }
}
