import QNetModel
import Foundation

/// Boxes drawn over the panes: the help screen and the quit question.
enum Overlays {
    /// The help screen, generated from the key bindings and the command list.
    static func help(scroll: Int, in screen: Rect, glyphs: GlyphSet, into canvas: inout Canvas) {
        let box = screen.centred(Size(width: 76, height: screen.height - 2))
        guard !box.isEmpty else { return }
        canvas.fill(box)
        let inside = Box.draw(box, title: "Help", focused: true, glyphs: glyphs, into: &canvas)
        let lines = helpLines(width: inside.width)
        let top = min(scroll, max(0, lines.count - inside.height))
        for (line, entry) in lines.dropFirst(top).prefix(inside.height).enumerated() {
            let rect = inside.row(line)
            if entry.isHeading {
                canvas.write(entry.key, in: rect, role: .heading, ellipsis: glyphs.ellipsis)
                continue
            }
            let keyWidth = min(rect.width, helpKeyWidth)
            canvas.write(entry.key, in: Rect(x: rect.x, y: rect.y, width: rect.width, height: 1), role: .key,
                         ellipsis: glyphs.ellipsis)
            canvas.write(entry.text, in: Rect(x: rect.x + keyWidth + 1, y: rect.y, width: rect.width - keyWidth - 1, height: 1),
                         role: .normal, ellipsis: glyphs.ellipsis)
        }
    }

    /// Columns given to the keys on the help screen; a longer key gets a line of its own.
    static let helpKeyWidth = 22

    /// The help screen as lines `width` wide: a key longer than its column on a line of
    /// its own, help text word-wrapped, so that nothing is cut off at 80 columns.
    static func helpLines(width: Int) -> [(key: String, text: String, isHeading: Bool)] {
        let textWidth = max(10, width - helpKeyWidth - 1)
        var lines: [(key: String, text: String, isHeading: Bool)] = []
        for row in helpRows() {
            guard let (key, text) = row else {
                lines.append(("", "", false))
                continue
            }
            if text.isEmpty {
                lines += TextRow(key).wrapped(to: width).map { ($0.label, "", true) }
                continue
            }
            var wrapped = TextRow(text).wrapped(to: textWidth).map(\.label)
            if DisplayWidth.of(key) > helpKeyWidth {
                lines.append((key, "", false))
            } else {
                lines.append((key, wrapped.removeFirst(), false))
            }
            lines += wrapped.map { ("", $0, false) }
        }
        return lines
    }

    /// The help screen's rows: a heading has empty help; nil is a blank line.
    static func helpRows() -> [(String, String)?] {
        var rows: [(String, String)?] = [("Keys", "")]
        rows += KeyBindings.normal.map { (" " + $0.keyText, $0.help + ($0.pane.map { " (\($0.title.lowercased()) pane)" } ?? "")) }
        rows += [nil, ("Edit form (Enter or e on a selected item)", "")]
        rows += KeyBindings.form.map { (" " + $0.keys, $0.help) }
        rows += [nil, ("Commands (type : first)", "")]
        rows += KeyBindings.commands.map { (" " + $0.usage, $0.help) }
        rows += [nil, ("Values take the file's units: 30 km, 30km, 0.2 dB/km, 85 %, 1 kbit/s.", "")]
        return rows
    }

    /// The question asked when quitting with unsaved edits.
    static func confirmQuit(_ state: AppState, in screen: Rect, glyphs: GlyphSet, into canvas: inout Canvas) {
        let box = screen.centred(Size(width: 44, height: 7))
        guard !box.isEmpty else { return }
        canvas.fill(box)
        let inside = Box.draw(box, title: "Unsaved edits", focused: true, glyphs: glyphs, into: &canvas)
        let file = state.filePath.map { ($0 as NSString).lastPathComponent } ?? "the topology"
        let rows = [TextRow("Save \(file) before quitting?"), .blank, TextRow("y  save and quit", role: .key),
                    TextRow("n  quit without saving", role: .key), TextRow("Esc  stay", role: .key)]
        for (line, row) in rows.prefix(inside.height).enumerated() {
            row.draw(in: inside.row(line), glyphs: glyphs, into: &canvas)
        }
    }

    /// The question asked on opening when an autosave newer than the file exists.
    static func confirmRestore(_ state: AppState, autosaved: Topology, path: String, in screen: Rect, glyphs: GlyphSet,
                               into canvas: inout Canvas) {
        let box = screen.centred(Size(width: 56, height: 8))
        guard !box.isEmpty else { return }
        canvas.fill(box)
        let inside = Box.draw(box, title: "Autosave found", focused: true, glyphs: glyphs, into: &canvas)
        let file = state.filePath.map { ($0 as NSString).lastPathComponent } ?? "the file"
        let counts = "\(autosaved.nodes.count) nodes, \(autosaved.links.count) links, \(autosaved.demands.count) demands"
        let rows = [TextRow("Unsaved edits of \(file), newer than the file:"), TextRow("  " + counts, role: .dim), .blank,
                    TextRow("r  restore them (then :w to keep them)", role: .key),
                    TextRow("d  discard them", role: .key), TextRow("Esc  decide later (keep the autosave)", role: .key)]
        for (line, row) in rows.prefix(inside.height).enumerated() {
            row.draw(in: inside.row(line), glyphs: glyphs, into: &canvas)
        }
    }
}
