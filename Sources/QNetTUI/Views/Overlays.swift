import QNetModel
import Foundation

/// Questions drawn over the panes: quitting with unsaved edits, restoring an autosave.
enum Overlays {
    /// The question asked when quitting with unsaved edits.
    static func confirmQuit(_ state: AppState, in screen: Rect, glyphs: GlyphSet, into canvas: inout Canvas) {
        let file = state.filePath.map { ($0 as NSString).lastPathComponent } ?? "the topology"
        let rows = [TextRow("Save \(file) before quitting?"), .blank, TextRow("y  save and quit", role: .key),
                    TextRow("n  quit without saving", role: .key), TextRow("any other key  stay", role: .key)]
        drawQuestion(rows, title: "Unsaved edits", minimumWidth: 44, in: screen, glyphs: glyphs, into: &canvas)
    }

    /// A question box centred on `screen`: wide enough for its longest row where the screen allows, each row
    /// wrapped to the width it gets.
    private static func drawQuestion(_ rows: [TextRow], title: String, minimumWidth: Int, in screen: Rect, glyphs: GlyphSet,
                                     into canvas: inout Canvas) {
        let width = min(screen.width, max(minimumWidth, rows.map { DisplayWidth.of($0.label) + 4 }.max() ?? 0))
        let lines = rows.flatMap { $0.wrapped(to: width - 2) }
        let box = screen.centred(Size(width: width, height: lines.count + 2))
        guard !box.isEmpty else { return }
        canvas.fill(box)
        let inside = Box.draw(box, title: title, focused: true, glyphs: glyphs, into: &canvas)
        for (line, row) in lines.prefix(inside.height).enumerated() {
            row.draw(in: inside.row(line), glyphs: glyphs, into: &canvas)
        }
    }

    /// The question asked on opening when an autosave of the file exists, or one left by another workbench that
    /// ended; naming those waiting to be asked about after it.
    static func confirmRestore(_ state: AppState, _ found: FoundAutosave, in screen: Rect, glyphs: GlyphSet,
                               into canvas: inout Canvas) {
        let file = state.filePath.map { ($0 as NSString).lastPathComponent } ?? "the file"
        let age = found.isNewerThanFile ? "newer than the file" : "older than the file (saved or changed since)"
        let heading = found.path == state.filePath.map(Autosave.path(for:))
            ? [TextRow("Unsaved edits of \(file), \(age):")]
            : [TextRow("Unsaved edits of \(file) left by another workbench, which has ended:"),
               TextRow("  in \(found.name), \(age)", role: .dim)]
        let waiting = state.autosavesWaiting.map(\.name)
        let then = waiting.isEmpty ? [] : [TextRow("then \(waiting.count) more: " + waiting.joined(separator: ", "), role: .dim)]
        // Against the topology shown, which is the file's while the question is asked (just opened or saved).
        let changes = TopologyChanges(from: state.topology, to: found.topology).summary(naming: 8)
        let rows = heading + [TextRow("  " + found.topology.summary, role: .dim), TextRow("  " + changes, role: .dim)]
            + then + [.blank,
                    TextRow("r  restore them (then :w to keep them)", role: .key),
                    TextRow("d  discard them", role: .key), TextRow("any other key  decide later (keep the autosave)", role: .key)]
        drawQuestion(rows, title: "Autosave found", minimumWidth: 56, in: screen, glyphs: glyphs, into: &canvas)
    }
}
