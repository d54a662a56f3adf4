/// The inspector pane's body: the rows of `InspectorContent`, scrolled and cut to the pane.
enum InspectorView {
    static func draw(_ rows: [TextRow], scroll: Int, in area: Rect, glyphs: GlyphSet, into canvas: inout Canvas) {
        let rows = rows.flatMap { $0.wrapped(to: area.width) }
        let top = min(scroll, max(0, rows.count - area.height))
        for (line, row) in rows.dropFirst(top).prefix(area.height).enumerated() {
            row.draw(in: area.row(line), glyphs: glyphs, into: &canvas)
        }
    }
}
