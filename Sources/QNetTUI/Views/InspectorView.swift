/// The inspector pane's body: the rows of `InspectorContent`, scrolled and cut
/// to the pane; when rows are hidden below, the last line says how to see them.
enum InspectorView {
    /// The furthest the inspector of `state` scrolls: until its last row is on the pane's last line.
    static func maxScroll(_ state: AppState) -> Int {
        let area = textArea(state)
        let count = InspectorContent.rows(state, glyphs: .ascii).rows.flatMap { $0.wrapped(to: area.width) }.count
        return max(0, count - area.height)
    }

    /// The rows of text the inspector shows at once.
    static func visibleRows(_ state: AppState) -> Int { textArea(state).height }

    /// The inspector's pane inside its border.
    private static func textArea(_ state: AppState) -> Rect {
        let pane = Layout(size: state.screenSize, focus: state.focus).inspector
        return pane.width >= 3 && pane.height >= 3 ? pane.inset(by: 1) : pane
    }

    static func draw(_ rows: [TextRow], scroll: Int, focused: Bool, in area: Rect, glyphs: GlyphSet,
                     into canvas: inout Canvas) {
        let rows = rows.flatMap { $0.wrapped(to: area.width) }
        let top = min(scroll, max(0, rows.count - area.height))
        var shown = Array(rows.dropFirst(top).prefix(area.height))
        let below = rows.count - top - shown.count
        if below > 0, area.height >= 3 {
            shown.removeLast()
            let how = focused ? "j, PgDn" : "Tab, then j"
            shown.append(TextRow("\(glyphs.ellipsis) \(below + 1) more lines (\(how))", role: .dim))
        }
        for (line, row) in shown.enumerated() {
            row.draw(in: area.row(line), glyphs: glyphs, into: &canvas)
        }
    }
}
