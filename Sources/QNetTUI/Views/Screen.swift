/// Draws the whole workbench for a state: the one function the event loop
/// calls to turn an `AppState` into a `Canvas`.
public enum Screen {
    /// The canvas showing `state` on a screen of `size`, drawn with `glyphs`.
    public static func render(_ state: AppState, size: Size, glyphs: GlyphSet = .unicode) -> Canvas {
        var canvas = Canvas(size)
        let layout = Layout(size: size, focus: state.focus)
        Bars.title(state, in: layout.title, glyphs: glyphs, into: &canvas)

        let mapInside = Box.draw(layout.map, title: mapTitle(state), focused: state.focus == .map, glyphs: glyphs, into: &canvas)
        MapView.draw(state, in: mapInside, glyphs: glyphs, into: &canvas)

        let listInside = Box.draw(layout.list, title: Pane.list.title, focused: state.focus == .list, glyphs: glyphs, into: &canvas)
        ListView.draw(state, in: listInside, glyphs: glyphs, into: &canvas)

        let (title, rows) = InspectorContent.rows(state, glyphs: glyphs)
        let inspectorInside = Box.draw(layout.inspector, title: title, focused: state.focus == .inspector, glyphs: glyphs,
                                       into: &canvas)
        InspectorView.draw(rows, scroll: state.inspectorScroll, focused: state.focus == .inspector, in: inspectorInside,
                           glyphs: glyphs, into: &canvas)

        Bars.status(state, in: layout.status, glyphs: glyphs, into: &canvas)
        Bars.keys(state, in: layout.keyBar, into: &canvas)

        switch state.mode {
        case .help(let scroll):
            HelpScreen.draw(scroll: scroll, in: canvas.bounds, glyphs: glyphs, into: &canvas)
        case .confirmQuit:
            Overlays.confirmQuit(state, in: canvas.bounds, glyphs: glyphs, into: &canvas)
        case .confirmRestore(let found):
            Overlays.confirmRestore(state, found, in: canvas.bounds, glyphs: glyphs, into: &canvas)
        case .form(let form):
            FormView.draw(form, state, in: canvas.bounds, glyphs: glyphs, into: &canvas)
        case .command(let input):
            // Opened from a form: the form stays in view above the command line.
            if let form = input.form { FormView.draw(form, state, in: canvas.bounds, glyphs: glyphs, into: &canvas) }
        case .normal:
            break
        }
        return canvas
    }

    /// `Map` while the map follows the topology; once held, its zoom and the key that fits it again.
    private static func mapTitle(_ state: AppState) -> String {
        state.viewport == .fitted ? "Map" : "Map ×" + formatZoom(state.viewport.zoom) + " · 0 fits"
    }

    private static func formatZoom(_ zoom: Double) -> String {
        zoom >= 10 ? String(Int(zoom.rounded())) : String((zoom * 10).rounded() / 10)
    }
}
