import QNetModel
import Foundation

/// Questions drawn over the panes: quitting with unsaved edits, restoring an autosave.
enum Overlays {
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
        let file = state.filePath.map { ($0 as NSString).lastPathComponent } ?? "the file"
        let counts = autosaved.summary
        let rows = [TextRow("Unsaved edits of \(file), newer than the file:"), TextRow("  " + counts, role: .dim), .blank,
                    TextRow("r  restore them (then :w to keep them)", role: .key),
                    TextRow("d  discard them", role: .key), TextRow("Esc  decide later (keep the autosave)", role: .key)]
        // Wide enough for a long file name where the screen allows, its lines wrapped to what is left.
        let width = min(screen.width, max(56, rows.map { DisplayWidth.of($0.label) + 4 }.max() ?? 0))
        let lines = rows.flatMap { $0.wrapped(to: width - 2) }
        let box = screen.centred(Size(width: width, height: lines.count + 2))
        guard !box.isEmpty else { return }
        canvas.fill(box)
        let inside = Box.draw(box, title: "Autosave found", focused: true, glyphs: glyphs, into: &canvas)
        for (line, row) in lines.prefix(inside.height).enumerated() {
            row.draw(in: inside.row(line), glyphs: glyphs, into: &canvas)
        }
    }
}
