/// The mouse: the wheel zooms the map; clicks select (hit-testing lives with the views' layout).
func reduceMouse(into state: inout AppState, _ event: MouseEvent) -> [Effect] {
    switch event.kind {
    case .scrollUp:
        state.viewport = state.viewport.zoomedIn()
    case .scrollDown:
        state.viewport = state.viewport.zoomedOut()
    case .press, .drag, .release:
        break
    }
    return []
}
