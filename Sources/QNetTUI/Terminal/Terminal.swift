/// The screen and keyboard the workbench runs on: the ncurses backend in a
/// real terminal, `InMemoryTerminal` in tests.
///
/// A terminal is used from one thread, the event loop's.
public protocol Terminal: AnyObject {
    /// The current size in cells.
    var size: Size { get }
    /// How many colours the terminal can show.
    var colorCapability: ColorCapability { get }
    /// The glyphs the terminal can show (Unicode when the locale is UTF-8).
    var glyphs: GlyphSet { get }
    /// Shows `canvas` (the backend writes only the cells that changed).
    func draw(_ canvas: Canvas)
    /// Waits at most `timeout` for the next event; nil when none came.
    func nextEvent(timeout: Duration) -> InputEvent?
    /// Forgets the keys and mouse actions typed ahead and not read yet, keeping a new size: a question took the key
    /// read last, and what was typed behind it was meant for the screen before the question came up. Returns how many
    /// keys it forgot (mouse actions are not counted), for the workbench to say so.
    @discardableResult
    func discardTypedAhead() -> Int
    /// Whether a person types the events, in real time (the workbench then computes slow results, the selected
    /// demand's what-ifs, while it reads keys); false for a scripted terminal, which gets every result in line.
    var isInteractive: Bool { get }
}

extension Terminal {
    public var isInteractive: Bool { true }
}

/// The colours a terminal can show; the backend picks its palette from this.
public enum ColorCapability: Sendable, Hashable, Comparable {
    /// Monochrome: roles are shown with bold, reverse and underline only.
    case none
    /// The eight ANSI colours.
    case eight
    /// 256 colours (xterm-256color and most modern terminals).
    case extended
}
