import Glibc
import Testing
import QNetTUI
@testable import QNetCurses

/// Headless ncurses: a real screen on /dev/null. The assertions are on what the
/// terminal decided to write, not on cells read back.
@Suite("Curses terminal, headless", .serialized)
struct CursesTerminalTests {
    /// Runs `body` on a headless terminal reading `path` (a pipe's, for tests that type).
    func withHeadless(input path: String = "/dev/null", _ body: (CursesTerminal) throws -> Void) throws {
        guard let output = fopen("/dev/null", "w"), let input = fopen(path, "r") else {
            Issue.record("cannot open /dev/null or \(path)")
            return
        }
        defer {
            fclose(output)
            fclose(input)
        }
        let terminal = try CursesTerminal(terminalType: "xterm-256color", output: output, input: input)
        defer { terminal.close() }
        try body(terminal)
    }

    @Test("opens with a size and the colours of xterm-256color")
    func opens() throws {
        try withHeadless { terminal in
            #expect(terminal.size.width > 0 && terminal.size.height > 0)
            #expect(terminal.colorCapability == .extended)
        }
    }

    @Test("only the cells that changed are written again")
    func diffing() throws {
        try withHeadless { terminal in
            var canvas = Canvas(terminal.size)
            canvas.write("hello", x: 0, y: 0, role: .title)
            terminal.draw(canvas)
            #expect(terminal.cellsWrittenByLastDraw == terminal.size.width * terminal.size.height)
            terminal.draw(canvas)
            #expect(terminal.cellsWrittenByLastDraw == 0)
            canvas.write("J", x: 0, y: 0, role: .title)
            canvas.setRole(.error, in: Rect(x: 4, y: 0, width: 1, height: 1))
            terminal.draw(canvas)
            #expect(terminal.cellsWrittenByLastDraw == 2)
        }
    }

    @Test("a changed wide character is rewritten whole, both halves")
    func wideDiff() throws {
        try withHeadless { terminal in
            var canvas = Canvas(terminal.size)
            canvas.write("東", x: 2, y: 1, role: .normal)
            terminal.draw(canvas)
            canvas.write("京", x: 2, y: 1, role: .normal)
            terminal.draw(canvas)
            #expect(terminal.cellsWrittenByLastDraw == 2)
        }
    }

    @Test("a canvas of another size is drawn in full; no input means no event")
    func resizeAndTimeout() throws {
        try withHeadless { terminal in
            terminal.draw(Canvas(width: 10, height: 2))
            terminal.draw(Canvas(width: 12, height: 2))
            #expect(terminal.cellsWrittenByLastDraw == 24)
            #expect(terminal.nextEvent(timeout: .milliseconds(10)) == nil)
        }
    }
}
