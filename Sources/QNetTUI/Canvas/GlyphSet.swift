import QNetModel

/// The characters the views draw with: Unicode box drawing and symbols, or an
/// ASCII fallback for terminals whose locale is not UTF-8.
public struct GlyphSet: Sendable, Hashable {
    public var horizontal: Character
    public var vertical: Character
    public var topLeft: Character
    public var topRight: Character
    public var bottomLeft: Character
    public var bottomRight: Character
    /// Shown where text was shortened.
    public var ellipsis: String
    /// Marks for a demand that is met or not.
    public var met: Character
    public var unmet: Character
    /// Symbols of nodes, by kind.
    public var nodeSymbols: [NodeKind: Character]
    /// The strokes a link is drawn with, by medium.
    public var linkStrokes: [Medium: LineStrokes]

    /// Box drawing, geometric shapes, `…`.
    public static let unicode = GlyphSet(
        horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘",
        ellipsis: "…", met: "✓", unmet: "✗",
        nodeSymbols: [.endpoint: "●", .trusted: "■", .repeater: "◆", .relay: "○", .source: "✶", .satellite: "◎"],
        linkStrokes: [
            .fiber: LineStrokes(horizontal: "─", vertical: "│", rising: "╱", falling: "╲"),
            .freeSpace: LineStrokes(horizontal: "┄", vertical: "┆", rising: "·", falling: "·"),
            .satellite: LineStrokes(horizontal: "╌", vertical: "╎", rising: "⋰", falling: "⋱"),
        ])

    /// Plain ASCII, for terminals that cannot show UTF-8.
    public static let ascii = GlyphSet(
        horizontal: "-", vertical: "|", topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+",
        ellipsis: "~", met: "+", unmet: "x",
        nodeSymbols: [.endpoint: "o", .trusted: "T", .repeater: "R", .relay: "r", .source: "S", .satellite: "@"],
        linkStrokes: [
            .fiber: LineStrokes(horizontal: "-", vertical: "|", rising: "/", falling: "\\"),
            .freeSpace: LineStrokes(horizontal: ".", vertical: ":", rising: ".", falling: "."),
            .satellite: LineStrokes(horizontal: "=", vertical: "!", rising: "%", falling: "%"),
        ])

    /// The symbol of a node of `kind`.
    public func symbol(for kind: NodeKind) -> Character { nodeSymbols[kind] ?? "?" }

    /// The strokes of a link over `medium`.
    public func strokes(for medium: Medium) -> LineStrokes {
        linkStrokes[medium] ?? LineStrokes(horizontal: horizontal, vertical: vertical, rising: "/", falling: "\\")
    }
}

/// The four strokes a line on the map is drawn with, chosen by its direction.
public struct LineStrokes: Sendable, Hashable {
    public var horizontal: Character
    public var vertical: Character
    /// Up to the right (screen rows grow downwards).
    public var rising: Character
    /// Down to the right.
    public var falling: Character

    public init(horizontal: Character, vertical: Character, rising: Character, falling: Character) {
        self.horizontal = horizontal
        self.vertical = vertical
        self.rising = rising
        self.falling = falling
    }
}
