/// A bordered pane with its title in the top border.
enum Box {
    /// Draws the border of `rect` with `title`, and returns the area inside it.
    /// Too small for a border (under 3×3), the whole rect is the inside.
    static func draw(_ rect: Rect, title: String, focused: Bool, glyphs: GlyphSet, into canvas: inout Canvas) -> Rect {
        guard rect.width >= 3, rect.height >= 3 else { return rect }
        let role: StyleRole = focused ? .focusBorder : .border
        let right = rect.maxX - 1, bottom = rect.maxY - 1
        for column in rect.x + 1..<right {
            canvas.put(glyphs.horizontal, x: column, y: rect.y, role: role)
            canvas.put(glyphs.horizontal, x: column, y: bottom, role: role)
        }
        for row in rect.y + 1..<bottom {
            canvas.put(glyphs.vertical, x: rect.x, y: row, role: role)
            canvas.put(glyphs.vertical, x: right, y: row, role: role)
        }
        canvas.put(glyphs.topLeft, x: rect.x, y: rect.y, role: role)
        canvas.put(glyphs.topRight, x: right, y: rect.y, role: role)
        canvas.put(glyphs.bottomLeft, x: rect.x, y: bottom, role: role)
        canvas.put(glyphs.bottomRight, x: right, y: bottom, role: role)
        canvas.write(" \(title) ", in: Rect(x: rect.x + 1, y: rect.y, width: rect.width - 2, height: 1),
                     role: focused ? .focusBorder : .title, ellipsis: glyphs.ellipsis)
        return rect.inset(by: 1)
    }
}
