import QNetModel

extension AppState {
    /// The inside of the map pane on the current screen (empty when the map is not shown).
    public var mapArea: Rect {
        let map = Layout(size: screenSize, focus: focus).map
        return map.width >= 3 && map.height >= 3 ? map.inset(by: 1) : map
    }

    /// The projection of the map drawn in `area`.
    public func mapProjection(in area: Rect) -> MapProjection {
        MapProjection(topology: topology, viewport: viewport, area: area)
    }

    /// Holds the map still (see `Viewport`): from now on it keeps its extent until fitted again.
    mutating func holdMap() {
        viewport = viewport.holding(MapExtent(of: topology))
    }
}
