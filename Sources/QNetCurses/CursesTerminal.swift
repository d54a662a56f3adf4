import CNcurses
import Glibc
import QNetTUI

/// The ncurses `Terminal`: owns the screen from `init` to `close`, copies
/// canvases to it (only the cells that changed), decodes keys, mouse and
/// resizes, and keeps one colour pair per style role.
///
/// The only type that calls ncurses. Nothing may print to stdout or stderr
/// while it is open; use `withTerminal`, which restores the terminal on every exit.
public final class CursesTerminal: Terminal {
    public internal(set) var size: Size
    public let colorCapability: ColorCapability
    public let glyphs: GlyphSet
    /// Cells written by the latest `draw` (only those that changed).
    public internal(set) var cellsWrittenByLastDraw = 0

    private let screen: OpaquePointer
    private let output: UnsafeMutablePointer<FILE>
    /// Whether motion with a button held is being reported (xterm mode 1002), to be switched off on close.
    private(set) var reportsDrags = false
    /// Keys and mouse reports read but not yet handed out.
    var input = InputDecoder()
    /// The terminal's Ctrl-C, a key while input is awaited and shortly after (nil when the input is no terminal).
    let interruptCharacter: InterruptCharacter?
    let window: UnsafeMutablePointer<WINDOW>
    let isUTF8: Bool
    var styles: [StyleRole: (attributes: attr_t, pair: Int16)] = [:]
    /// What the screen shows now; nil forces a full redraw.
    var shown: Canvas?
    private var isOpen = true

    /// Opens a curses screen of type `terminalType` (nil: `$TERM`) on `output` and `input`.
    ///
    /// Sets the locale from the environment first, so that UTF-8 is used when the
    /// locale's codeset is UTF-8 (else an ASCII glyph set). `NO_COLOR` turns colours off.
    public init(terminalType: String? = nil, output: UnsafeMutablePointer<FILE>, input: UnsafeMutablePointer<FILE>,
                environment: [String: String] = [:]) throws(CursesError) {
        setlocale(LC_ALL, "")
        isUTF8 = nc_locale_is_utf8() != 0
        glyphs = isUTF8 ? .unicode : .ascii
        CrashRestore.install(descriptor: fileno(input))
        guard let screen = newterm(terminalType, output, input) else {
            CrashRestore.uninstall()
            throw CursesError("cannot open the terminal '\(terminalType ?? environment["TERM"] ?? "$TERM")'")
        }
        self.screen = screen
        self.output = output
        set_term(screen)
        guard let window = nc_stdscr() else {
            endwin()
            CrashRestore.uninstall()
            delscreen(screen)
            throw CursesError("the terminal has no screen")
        }
        self.window = window
        interruptCharacter = InterruptCharacter(descriptor: fileno(input))
        cbreak()
        Self.stopFlowControl(input)
        noecho()
        nonl()
        keypad(window, true)
        set_escdelay(Int32(Self.escapeDelay.milliseconds))
        curs_set(0)
        if has_colors(), environment["NO_COLOR"] == nil {
            start_color()
            use_default_colors()
            colorCapability = nc_colors() >= 256 ? .extended : nc_colors() >= 8 ? .eight : .none
        } else {
            colorCapability = .none
        }
        size = Size(width: Int(getmaxx(window)), height: Int(getmaxy(window)))
        setUpStyles()
        // ncurses switches xterm-like terminals' reports on and off (modes 1000 and 1006) as the screen opens,
        // suspends and closes; `claimMouseReports` then keeps it from decoding them.
        mousemask(nc_all_mouse_events() | nc_report_mouse_position(), nil)
        reportsDrags = has_mouse() && claimMouseReports()
        SignalHandlers.install()
    }

    /// Turns off XON/XOFF flow control on `input`'s terminal, so that Ctrl-S and Ctrl-Q reach the workbench as
    /// keys (Ctrl-S saves) instead of stopping and restarting its output; ncurses keeps the mode for resuming.
    private static func stopFlowControl(_ input: UnsafeMutablePointer<FILE>) {
        var attributes = termios()
        let descriptor = fileno(input)
        guard tcgetattr(descriptor, &attributes) == 0 else { return }
        attributes.c_iflag &= ~tcflag_t(IXON)
        guard tcsetattr(descriptor, TCSANOW, &attributes) == 0 else { return }
        def_prog_mode()
    }

    /// Runs `body` with a terminal on the process's stdin and stdout, restoring
    /// the terminal (`endwin`) however `body` ends. SIGTERM, SIGHUP and SIGQUIT also restore it, after the autosave.
    public static func withTerminal<Result>(
        environment: [String: String], _ body: (CursesTerminal) throws -> Result
    ) throws -> Result {
        let terminal = try CursesTerminal(output: nc_stdout(), input: nc_stdin(), environment: environment)
        defer { terminal.close() }
        return try body(terminal)
    }

    /// Restores the terminal and frees the screen; later calls do nothing.
    public func close() {
        guard isOpen else { return }
        isOpen = false
        if reportsDrags {
            fputs("\u{1B}[?1002l", output)
            fflush(output)
        }
        interruptCharacter?.close()
        endwin()
        CrashRestore.uninstall()
        delscreen(screen)
        SignalHandlers.restore()
        // Stopped by SIGTERM, SIGHUP or SIGQUIT: the workbench has written its autosave; exit as the signal would.
        if let number = SignalHandlers.received { _exit(128 + number) }
    }

    deinit { close() }

    /// How long a lone ESC waits for the rest of an escape sequence: long enough for a key or mouse report
    /// that arrives in pieces (a loaded machine, ssh, tmux), short enough that Esc still feels immediate
    /// (vim's ttimeoutlen default).
    static let escapeDelay: Duration = .milliseconds(100)

    /// Takes the mouse reports from ncurses, which decodes only one per read, to `input`, which decodes them
    /// all; and asks for motion while a button is held (mode 1002), so that dragging a node can be followed.
    /// Nothing to do (false) while they are already taken: ncurses arms its decoding again, and its mode
    /// 1000 ends 1002, only when it resumes the screen after Ctrl-Z, so this is called before each read.
    @discardableResult
    func claimMouseReports() -> Bool {
        guard keyok(nc_key_mouse(), false) == OK else { return false }
        fputs("\u{1B}[?1002h", output)
        fflush(output)
        return true
    }

    private func setUpStyles() {
        for (index, role) in StyleRole.allCases.enumerated() {
            let style = Palette.style(for: role, colorCapability)
            var attributes = nc_a_normal()
            if style.attributes.contains(.bold) { attributes |= nc_a_bold() }
            if style.attributes.contains(.reverse) { attributes |= nc_a_reverse() }
            if style.attributes.contains(.underline) { attributes |= nc_a_underline() }
            if style.attributes.contains(.dim) { attributes |= nc_a_dim() }
            var pair: Int16 = 0
            if colorCapability != .none, index + 1 < Int(nc_color_pairs()) {
                pair = Int16(index + 1)
                init_pair(pair, style.foreground, style.background)
            }
            styles[role] = (attributes, pair)
        }
    }
}

/// Why the terminal could not be opened.
public struct CursesError: Error, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
