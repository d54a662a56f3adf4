/// The edit form, drawn over the panes: one line per key (value, or what applies
/// dimmed when absent: the default, or the equipment a link inherits from its
/// node), the help of the key under the cursor, and the reason a value was
/// refused; a pick list when choosing equipment.
enum FormView {
    static func draw(_ form: EditForm, _ state: AppState, in screen: Rect, glyphs: GlyphSet, into canvas: inout Canvas) {
        // Between the title and the status line, which keeps showing what each edit did and how long its plan took.
        let between = Rect(x: screen.x, y: screen.y + 1, width: screen.width, height: max(0, screen.height - 3))
        let box = between.centred(Size(width: min(screen.width - 2, 90), height: between.height))
        guard box.width >= 20, box.height >= 6,
              let rows = TopologyEditor.rows(of: form.record, in: state.topology) else { return }
        canvas.fill(between)   // no cut-off pane borders beside the box
        let inside = Box.draw(box, title: "Edit " + form.record.title, focused: true, glyphs: glyphs, into: &canvas)
        let footer = 3  // a rule, the help of the key, the error
        let listHeight = max(1, inside.height - footer)
        let keyWidth = min(24, (rows.map { DisplayWidth.of($0.key) }.max() ?? 0) + 2)
        let cursor = min(form.cursor, rows.count - 1)
        let top = max(0, min(cursor - listHeight / 2, rows.count - listHeight))
        for (line, index) in (top..<min(rows.count, top + listHeight)).enumerated() {
            let row = rows[index], rect = inside.row(line)
            let selected = index == cursor
            canvas.write((selected ? "> " : "  ") + row.key, in: Rect(x: rect.x, y: rect.y, width: keyWidth + 2, height: 1),
                         role: selected ? .selection : .key, ellipsis: glyphs.ellipsis)
            let valueRect = Rect(x: rect.x + keyWidth + 3, y: rect.y, width: rect.width - keyWidth - 3, height: 1)
            if selected, let input = form.input {
                input.draw(in: valueRect, glyphs: glyphs, into: &canvas)
            } else if let value = row.value {
                canvas.write(value, in: valueRect, role: .normal, ellipsis: glyphs.ellipsis)
            } else if let inherited = row.inherited {
                canvas.write("— " + inherited, in: valueRect, role: .dim, ellipsis: glyphs.ellipsis)
            } else {
                let text = row.defaultText.map { "— default " + $0 } ?? "—"
                canvas.write(text, in: valueRect, role: .dim, ellipsis: glyphs.ellipsis)
            }
        }
        let helpRow = inside.row(inside.height - 2)
        canvas.write(String(repeating: glyphs.horizontal, count: inside.width), x: inside.x, y: helpRow.y - 1,
                     role: .dim, clip: inside.row(inside.height - 3))
        let row = rows[cursor]
        let extra = row.picks.map { _ in " · Enter picks from the library or adds one, o opens it" } ?? ""
        canvas.write(row.key + ": " + row.help + extra, in: helpRow, role: .dim, ellipsis: glyphs.ellipsis)
        if let error = form.error {
            canvas.write("refused: " + error.replacingPrefix("refused: "), in: inside.row(inside.height - 1), role: .error,
                         ellipsis: glyphs.ellipsis)
        }
        if let pick = form.pick { drawPick(pick, title: row.key, in: inside, glyphs: glyphs, into: &canvas) }
    }

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
