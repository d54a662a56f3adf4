extension TextField {
    /// Draws `prefix` and the text in the one-row `area` with the cursor on the character it stands on (a blank
    /// at the end). A line too long for the area keeps the cursor in view, as a shell does: the text before it
    /// loses its start behind an ellipsis.
    func draw(prefix: String = "", in area: Rect, glyphs: GlyphSet, into canvas: inout Canvas) {
        let (typed, rest) = split
        let before = prefix + typed
        let shown = DisplayWidth.of(before) < area.width - 1
            ? before : glyphs.ellipsis + String(before.suffix(max(0, area.width - 3)))
        let used = canvas.write(shown, x: area.x, y: area.y, role: .commandLine, clip: area)
        let under = rest.first.map(String.init) ?? " "
        let cursorWidth = canvas.write(under, x: area.x + used, y: area.y, role: .selection, clip: area)
        _ = canvas.write(String(rest.dropFirst()), x: area.x + used + cursorWidth, y: area.y, role: .commandLine, clip: area)
    }
}
