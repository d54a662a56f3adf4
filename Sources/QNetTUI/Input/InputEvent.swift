/// Something the terminal reports: a key, a mouse action, or a new size.
public enum InputEvent: Sendable, Hashable {
    case key(Key)
    case mouse(MouseEvent)
    /// The terminal now has this size (the backend has already applied it).
    case resize(Size)
    /// Input has ended (the terminal is gone); the workbench stops.
    case hangup
    /// The user pressed Ctrl-C (SIGINT): a request to quit, as `q` is.
    case interrupt
}

/// A mouse action at a cell.
public struct MouseEvent: Sendable, Hashable {
    /// What the mouse did.
    public enum Kind: Sendable, Hashable {
        /// The button went down.
        case press
        /// The mouse moved with the button held.
        case drag
        /// The button came up.
        case release
        case scrollUp
        case scrollDown
    }

    public var kind: Kind
    /// Column of the cell, from 0.
    public var x: Int
    /// Row of the cell, from 0.
    public var y: Int

    public init(_ kind: Kind, x: Int, y: Int) {
        self.kind = kind
        self.x = x
        self.y = y
    }
}
