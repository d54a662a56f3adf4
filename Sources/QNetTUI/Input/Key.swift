/// A key press, decoded by the terminal backend.
public enum Key: Sendable, Hashable, CustomStringConvertible {
    /// A printable character (letters, digits, punctuation, space, any script).
    case character(Character)
    /// A character typed with Ctrl held (`ctrl("r")` for Ctrl-R), lower case.
    case ctrl(Character)
    case enter, escape, backspace, delete, tab, backTab
    case up, down, left, right
    /// Arrows with Shift held.
    case shiftUp, shiftDown, shiftLeft, shiftRight
    case home, end, pageUp, pageDown
    /// F1…F12.
    case function(Int)

    /// The key as the help screen and key bar write it (`Enter`, `C-r`, `F1`, `?`).
    public var description: String {
        switch self {
        case .character(" "): return "Space"
        case .character(let character): return String(character)
        case .ctrl(let character): return "C-\(character)"
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .backspace: return "Backspace"
        case .delete: return "Del"
        case .tab: return "Tab"
        case .backTab: return "S-Tab"
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .shiftUp: return "S-↑"
        case .shiftDown: return "S-↓"
        case .shiftLeft: return "S-←"
        case .shiftRight: return "S-→"
        case .home: return "Home"
        case .end: return "End"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .function(let number): return "F\(number)"
        }
    }
}
