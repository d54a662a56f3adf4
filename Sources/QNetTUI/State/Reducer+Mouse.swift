/// The mouse: a click focuses the pane under it and selects the item drawn
/// there (or clears the selection on empty map); dragging a node on the map
/// moves it to where the button comes up; the wheel scrolls the inspector when
/// over it, else zooms the map.
func reduceMouse(into state: inout AppState, _ event: MouseEvent) -> [Effect] {
    guard state.mode == .normal else { return [] }
    var effects: [Effect] = []
    // The release's cell counts even when no motion reached it (a lost report, a terminal that reports none).
    if event.kind == .release, let drag = state.drag, (event.x, event.y) != (drag.startX, drag.startY) {
        dragNode(&state, toX: event.x, y: event.y)
    }
    if event.kind != .drag { effects = finishDrag(&state) }
    switch event.kind {
    case .scrollUp, .scrollDown:
        let up = event.kind == .scrollUp
        if Layout(size: state.screenSize, focus: state.focus).pane(atX: event.x, y: event.y) == .inspector {
            return effects + reduce(into: &state, .scrollInspector(up ? -3 : 3))
        }
        state.holdMap()
        state.viewport = up ? state.viewport.zoomedIn() : state.viewport.zoomedOut()
    case .press:
        guard let hit = HitTest.item(atX: event.x, y: event.y, in: state) else { return [] }
        state.focus = hit.pane
        if hit.selection != nil || hit.pane == .map {
            state.selection = hit.selection
            state.inspectorScroll = 0
        }
        if hit.pane == .map, case .node(let id)? = hit.selection, state.topology.node(id)?.position != nil {
            state.holdMap()
            state.drag = NodeDrag(node: id, origin: state.topology, startX: event.x, startY: event.y)
        }
    case .drag:
        dragNode(&state, toX: event.x, y: event.y)
    case .release:
        break
    }
    return effects
}
