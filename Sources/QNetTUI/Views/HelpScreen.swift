import QNetModel

/// The help screen, generated from the key bindings and the command list, with
/// a few lines that get a new user from an empty file to a planned network.
enum HelpScreen {
    /// One row of the help: a heading, a key and what it does, a line of text, or a gap.
    enum Row: Equatable {
        case heading(String)
        case entry(key: String, text: String)
        case text(String)
        case blank
    }

    /// A line of the help as drawn: the key column (or a whole line of text) and the help column.
    struct Line: Equatable {
        var key: String
        var text: String
        var role: StyleRole
    }

    /// Columns given to the keys; a longer key gets a line of its own.
    static let keyWidth = 22

    /// The help's box on a screen.
    private static func box(in screen: Rect) -> Rect {
        screen.centred(Size(width: 76, height: screen.height - 2))
    }

    /// The rows of help a page moves: those shown at once on a screen of `size`, less one kept for context.
    static func page(on size: Size) -> Int {
        max(1, box(in: Rect(x: 0, y: 0, width: size.width, height: size.height)).height - 3)
    }

    /// `scroll` kept between the top and the last page of the help on a screen of `size`.
    static func clamped(_ scroll: Int, on size: Size) -> Int {
        let inside = box(in: Rect(x: 0, y: 0, width: size.width, height: size.height)).inset(by: 1)
        return min(max(0, scroll), max(0, lines(width: inside.width).count - inside.height))
    }

    static func draw(scroll: Int, in screen: Rect, glyphs: GlyphSet, into canvas: inout Canvas) {
        let box = box(in: screen)
        guard !box.isEmpty else { return }
        canvas.fill(box)
        let inside = Box.draw(box, title: "Help", focused: true, glyphs: glyphs, into: &canvas)
        let lines = lines(width: inside.width)
        let top = min(scroll, max(0, lines.count - inside.height))
        for (index, line) in lines.dropFirst(top).prefix(inside.height).enumerated() {
            let rect = inside.row(index)
            let column = min(rect.width, keyWidth)
            canvas.write(line.key, in: rect, role: line.role, ellipsis: glyphs.ellipsis)
            canvas.write(line.text, in: Rect(x: rect.x + column + 1, y: rect.y, width: rect.width - column - 1, height: 1),
                         role: .normal, ellipsis: glyphs.ellipsis)
        }
    }

    /// The help as lines `width` wide: a key longer than its column on a line of its
    /// own, text word-wrapped, so that nothing is cut off at 80 columns.
    static func lines(width: Int) -> [Line] {
        let textWidth = max(10, width - keyWidth - 1)
        var lines: [Line] = []
        for row in rows() {
            switch row {
            case .blank:
                lines.append(Line(key: "", text: "", role: .normal))
            case .heading(let text):
                lines += TextRow(text).wrapped(to: width).map { Line(key: $0.label, text: "", role: .heading) }
            case .text(let text):
                lines += TextRow(text).wrapped(to: width).map { Line(key: $0.label, text: "", role: .normal) }
            case .entry(let key, let text):
                var wrapped = TextRow(text).wrapped(to: textWidth).map(\.label)
                if DisplayWidth.of(key) > keyWidth {
                    lines.append(Line(key: key, text: "", role: .key))
                } else {
                    lines.append(Line(key: key, text: wrapped.removeFirst(), role: .key))
                }
                lines += wrapped.map { Line(key: "", text: $0, role: .key) }
            }
        }
        return lines
    }

    /// The rows of the help: getting started, the keys (those of one pane last), the
    /// edit form's keys, the commands, and how values are written.
    static func rows() -> [Row] {
        var rows: [Row] = [.heading("Getting started: a trusted-node network in six commands")]
        rows += [
            "  :add node A endpoint 0 0      an endpoint at x 0 km, y 0 km",
            "  :add node T trusted 40 0      a trusted node 40 km east",
            "  :add node B endpoint 80 0",
            "  :add link L1 A T fiber        a fiber link, as long as A is from T",
            "  :add link L2 T B fiber",
            "  :add demand A B 1 kbit/s      the key rate A and B need",
            "Then j/k select a link to see its budgets (Tab to the inspector, j to scroll), Enter edits it in a form, :w saves.",
        ].map(Row.text)
        rows += [.blank, .heading("Keys")]
        let bindings = KeyBindings.normal.filter { $0.pane == nil } + KeyBindings.normal.filter { $0.pane != nil }
        rows += bindings.map { .entry(key: " " + $0.keyText, text: $0.help + ($0.pane.map { " (\($0.title.lowercased()) pane)" } ?? "")) }
        rows += [.blank, .heading("Edit form (Enter or e on a selected item)")]
        rows += KeyBindings.form.map { .entry(key: " " + $0.keys, text: $0.help) }
        rows += [.blank, .heading("Commands (type : first)")]
        rows += KeyBindings.commands.map { .entry(key: " " + $0.usage, text: $0.help) }
        rows += [.blank, .heading("Values")]
        rows += [
            .entry(key: " KIND", text: NodeKind.allCases.map(\.rawValue).joined(separator: ", ")),
            .entry(key: " MEDIUM", text: Medium.allCases.map(\.rawValue).joined(separator: ", ")),
            .text("Values take the file's units: 30 km, 30km, 0.2 dB/km, 85 %, 1 kbit/s."),
        ]
        return rows
    }
}
