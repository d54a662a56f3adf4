/// What part of the map is shown: a zoom factor over the view that fits every
/// node, and a pan offset as a fraction of the fitted extent (so panning and
/// zooming need no knowledge of the screen size).
///
/// The fitted view follows the topology (adding a node far away zooms out to
/// show it) until the user moves a node, pans or zooms: from then on the view
/// is `held` on the extent it had, so that the map does not jump under the
/// user's hands, until they fit it again.
public struct Viewport: Sendable, Hashable {
    /// 1 shows every node; 2 shows half the extent, twice as large.
    public var zoom: Double
    /// Offset of the centre, in fitted extents (0.1 = a tenth of the width to the east).
    public var panX: Double
    /// Offset of the centre, in fitted extents (0.1 = a tenth of the height to the north).
    public var panY: Double
    /// The extent zoom and pan are relative to, once held; nil: the current topology's.
    public var held: MapExtent?

    /// The view that fits every node, following the topology.
    public static let fitted = Viewport(zoom: 1, panX: 0, panY: 0)

    public init(zoom: Double, panX: Double, panY: Double, held: MapExtent? = nil) {
        self.zoom = zoom
        self.panX = panX
        self.panY = panY
        self.held = held
    }

    /// This view, held on `extent` unless it is held already.
    public func holding(_ extent: @autoclosure () -> MapExtent) -> Viewport {
        guard held == nil else { return self }
        var next = self
        next.held = extent()
        return next
    }

    /// The zoom steps: each press multiplies or divides by this.
    public static let zoomStep = 1.5
    /// Zoom limits, so that the map never collapses or explodes.
    public static let zoomRange = 0.25...256.0

    /// Zoomed in one step.
    public func zoomedIn() -> Viewport {
        var next = self
        next.zoom = min(Viewport.zoomRange.upperBound, zoom * Viewport.zoomStep)
        return next
    }

    /// Zoomed out one step.
    public func zoomedOut() -> Viewport {
        var next = self
        next.zoom = max(Viewport.zoomRange.lowerBound, zoom / Viewport.zoomStep)
        return next
    }

    /// Panned by `dx`, `dy` steps of a tenth of the visible extent (east and north positive).
    public func panned(dx: Int, dy: Int) -> Viewport {
        var next = self
        next.panX += Double(dx) * 0.1 / zoom
        next.panY += Double(dy) * 0.1 / zoom
        return next
    }
}
