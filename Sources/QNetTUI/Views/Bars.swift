import Foundation

/// The title line, the status line (or the command line being typed) and the key bar.
enum Bars {
    /// `qnetplan · FILE [+]` on the left, the topology's name and size on the right.
    static func title(_ state: AppState, in area: Rect, glyphs: GlyphSet, into canvas: inout Canvas) {
        guard !area.isEmpty else { return }
        canvas.fill(area, role: .title)
        let file = state.filePath.map { ($0 as NSString).lastPathComponent } ?? "[no file]"
        let left = " qnetplan · \(file)\(state.isDirty ? " [+]" : "")"
        let topology = state.topology
        let counts = [(topology.nodes.count, "node"), (topology.links.count, "link"), (topology.demands.count, "demand")]
        let long = "\(topology.name): " + counts.map { "\($0) \($1)\($0 == 1 ? "" : "s")" }.joined(separator: ", ") + " "
        let short = "\(topology.name) "
        let right = [long, short].first { DisplayWidth.of(left) + DisplayWidth.of($0) < area.width }
        TextRow(left, right, role: .title).draw(in: area, glyphs: glyphs, into: &canvas)
    }

    /// The status message and the plan time, or `:` and the command being typed.
    static func status(_ state: AppState, in area: Rect, glyphs: GlyphSet, into canvas: inout Canvas) {
        guard !area.isEmpty else { return }
        canvas.fill(area, role: .statusBar)
        if case .command(let input) = state.mode {
            input.field.draw(prefix: ":", in: area, glyphs: glyphs, into: &canvas)
            return
        }
        let message = state.status?.text ?? ""
        let role: StyleRole
        switch state.status?.kind {
        case .error?: role = .error
        case .warning?: role = .warning
        default: role = .statusBar
        }
        let timing = state.planSeconds.map { "planned in " + milliseconds($0) + " " }
        var row = TextRow(" " + message, timing, role: role, valueRole: .statusBar)
        if timing.map({ DisplayWidth.of($0) + DisplayWidth.of(message) + 3 > area.width }) == true { row.value = nil }
        row.draw(in: area, glyphs: glyphs, into: &canvas)
    }

    /// The keys of the current mode with their labels, as many as fit.
    static func keys(_ state: AppState, in area: Rect, into canvas: inout Canvas) {
        guard !area.isEmpty else { return }
        canvas.fill(area, role: .keyHint)
        var x = area.x + 1
        let demandSelected = if case .demand? = state.selection { true } else { false }
        for (key, label) in hints(for: state.mode, demandSelected: demandSelected) {
            let width = DisplayWidth.of(key) + 1 + DisplayWidth.of(label)
            guard x + width <= area.maxX else { break }
            x += canvas.write(key, x: x, y: area.y, role: .key, clip: area) + 1
            x += canvas.write(label, x: x, y: area.y, role: .keyHint, clip: area) + 2
        }
    }

    /// The key bar's entries in `mode`: from `KeyBindings.normal` in normal mode, those for a demand (`a Apply`) only
    /// while one is selected.
    static func hints(for mode: Mode, demandSelected: Bool = false) -> [(String, String)] {
        switch mode {
        case .normal:
            return KeyBindings.normal.compactMap { binding in
                guard !binding.barNeedsDemand || demandSelected else { return nil }
                return binding.barLabel.map { (binding.keys[0].description, $0) }
            }
        case .command:
            return [("Enter", "Run"), ("Esc", "Cancel"), ("↑↓", "History"), ("←→", "Move"), ("C-u", "Clear")]
        case .help:
            return [("Esc", "Close"), ("j/k", "Scroll"), ("Space", "Page")]
        case .form(let form):
            if form.pick != nil { return [("Enter", "Choose"), ("j/k", "Move"), ("Esc", "Cancel")] }
            if form.input != nil { return [("Enter", "Apply"), ("Esc", "Cancel"), ("←→", "Move"), ("C-u", "Clear")] }
            return KeyBindings.form.map { ($0.keys, $0.bar) }
        case .confirmRestore:
            return [("r", "Restore"), ("d", "Discard"), ("other", "Decide later")]
        case .confirmQuit:
            return [("y", "Save and quit"), ("n", "Quit without saving"), ("other", "Stay")]
        }
    }

    /// `0.84 ms`, `12.3 ms`, `1.20 s`.
    static func milliseconds(_ seconds: Double) -> String {
        seconds >= 1 ? String(format: "%.2f s", seconds) : String(format: seconds < 0.01 ? "%.2f ms" : "%.1f ms", seconds * 1000)
    }
}
