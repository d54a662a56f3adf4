import QNetTUI

/// How each style role looks on a terminal with 256, 8 or no colours: the one
/// table of colours in the program (htop's habit), never raw colours at call sites.
public enum Palette {
    /// Colours and attributes of one role. A colour of -1 is the terminal's default.
    public struct Style: Sendable, Hashable {
        public var foreground: Int16
        public var background: Int16
        public var attributes: Attributes

        public init(_ foreground: Int16, _ background: Int16 = -1, _ attributes: Attributes = []) {
            self.foreground = foreground
            self.background = background
            self.attributes = attributes
        }
    }

    /// Text attributes, mapped to ncurses' `A_*` by the terminal.
    public struct Attributes: OptionSet, Sendable, Hashable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }
        public static let bold = Attributes(rawValue: 1)
        public static let reverse = Attributes(rawValue: 2)
        public static let underline = Attributes(rawValue: 4)
        public static let dim = Attributes(rawValue: 8)
    }

    /// The look of `role` on a terminal with `capability`.
    public static func style(for role: StyleRole, _ capability: ColorCapability) -> Style {
        switch capability {
        case .extended: return extended(role)
        case .eight: return eight(role)
        case .none: return monochrome(role)
        }
    }

    /// xterm-256 colour indices.
    private static func extended(_ role: StyleRole) -> Style {
        switch role {
        case .normal: return Style(-1)
        case .selection: return Style(231, 25, .bold)
        case .good: return Style(78)
        case .ok: return Style(178)
        case .bad: return Style(203)
        case .warning: return Style(214, -1, .bold)
        case .error: return Style(196, -1, .bold)
        case .dim: return Style(244)
        case .title: return Style(231, 24, .bold)
        case .statusBar: return Style(252, 236)
        case .keyHint: return Style(250, 235)
        case .key: return Style(222, 235, .bold)
        case .border: return Style(240)
        case .focusBorder: return Style(75, -1, .bold)
        case .heading: return Style(110, -1, .bold)
        case .node: return Style(231, -1, .bold)
        case .commandLine: return Style(231, 236)
        }
    }

    /// The eight ANSI colours: 0 black, 1 red, 2 green, 3 yellow, 4 blue, 5 magenta, 6 cyan, 7 white.
    private static func eight(_ role: StyleRole) -> Style {
        switch role {
        case .normal: return Style(-1)
        case .selection: return Style(0, 6)
        case .good: return Style(2)
        case .ok: return Style(3)
        case .bad: return Style(1)
        case .warning: return Style(3, -1, .bold)
        case .error: return Style(1, -1, .bold)
        case .dim: return Style(-1, -1, .dim)
        case .title: return Style(7, 4, .bold)
        case .statusBar: return Style(7, 4)
        case .keyHint: return Style(-1, -1, .reverse)
        case .key: return Style(3, -1, [.reverse, .bold])
        case .border: return Style(-1)
        case .focusBorder: return Style(6, -1, .bold)
        case .heading: return Style(6, -1, .bold)
        case .node: return Style(-1, -1, .bold)
        case .commandLine: return Style(-1)
        }
    }

    /// Attributes only.
    private static func monochrome(_ role: StyleRole) -> Style {
        switch role {
        case .normal, .good, .ok, .border, .commandLine: return Style(-1)
        case .selection, .statusBar, .keyHint: return Style(-1, -1, .reverse)
        case .bad: return Style(-1, -1, .underline)
        case .warning, .focusBorder, .heading, .node: return Style(-1, -1, .bold)
        case .error: return Style(-1, -1, [.bold, .underline])
        case .dim: return Style(-1, -1, .dim)
        case .title, .key: return Style(-1, -1, [.reverse, .bold])
        }
    }
}
