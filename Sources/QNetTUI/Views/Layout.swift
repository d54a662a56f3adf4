/// Where each part of the workbench goes at a given screen size.
///
/// At 80×24 and larger: a title line, the map on the left, the network list
/// above the inspector on the right, a status line and a key bar. Narrower than
/// 60 columns only the focused pane is shown; short screens drop the key bar,
/// then the title, keeping the status line to the last.
public struct Layout: Sendable, Hashable {
    public var title: Rect = .zero
    public var map: Rect = .zero
    public var list: Rect = .zero
    public var inspector: Rect = .zero
    public var status: Rect = .zero
    public var keyBar: Rect = .zero

    /// Narrowest screen that shows the map and the side panes together.
    public static let sideBySideWidth = 60

    /// The layout of a screen of `size`, with `focus` shown when only one pane fits.
    public init(size: Size, focus: Pane) {
        var rest = Rect(size)
        if size.height >= 5 { (rest, keyBar) = rest.splitBottom(1) }
        (rest, status) = rest.splitBottom(1)
        if size.height >= 3 { (title, rest) = rest.splitTop(1) }
        guard !rest.isEmpty else { return }
        if size.width >= Layout.sideBySideWidth {
            let side = max(28, size.width * 2 / 5)
            let (left, right) = rest.splitRight(side)
            map = left
            (list, inspector) = right.splitTop(max(3, right.height * 2 / 5))
        } else {
            switch focus {
            case .map: map = rest
            case .list: list = rest
            case .inspector: inspector = rest
            }
        }
    }

    /// The pane whose area holds the cell `x`, `y`, if any.
    public func pane(atX x: Int, y: Int) -> Pane? {
        if map.contains(x: x, y: y) { return .map }
        if list.contains(x: x, y: y) { return .list }
        if inspector.contains(x: x, y: y) { return .inspector }
        return nil
    }
}
