import Foundation
import Glibc
import Testing
import QNetTUI
@testable import QNetCurses

/// Typing into the headless terminal through a pipe: real ncurses reads, with its own
/// mouse decoding taken away, and `nextEvent`'s waits for the rest of a report.
extension CursesTerminalTests {
    @Test("a whole drag in one write, then keys: every report is an event, in order, and none is typed")
    func dragInOneWrite() throws {
        let typist = try Typist()
        typist.type("\u{1B}[<0;5;20M\u{1B}[<32;6;20M\u{1B}[<32;7;21M\u{1B}[<0;7;21m:w\r")
        try withHeadless(input: typist.inputPath) { terminal in
            #expect(events(from: terminal) == [.mouse(MouseEvent(.press, x: 4, y: 19)), .mouse(MouseEvent(.drag, x: 5, y: 19)),
                                               .mouse(MouseEvent(.drag, x: 6, y: 20)), .mouse(MouseEvent(.release, x: 6, y: 20)),
                                               .key(.character(":")), .key(.character("w")), .key(.enter)])
        }
    }

    @Test("a report split across writes 150 ms apart (longer than the ESC delay) is one event; then Esc is a key")
    func splitReport() throws {
        let typist = try Typist()
        typist.type("\u{1B}[<32;12")
        typist.type(";7M\u{1B}", afterMilliseconds: 150)
        try withHeadless(input: typist.inputPath) { terminal in
            #expect(events(from: terminal) == [.mouse(MouseEvent(.drag, x: 11, y: 6)), .key(.escape)])
        }
    }

    @Test("input typed ahead is dropped with its keys counted, a lone Esc (or Esc [) last among them too; nothing comes after")
    func discardTypedAheadEndingInEsc() throws {
        for (typed, keys) in [("\u{1B}", 1), ("jk\u{1B}", 3), ("\u{1B}[", 2)] {
            let typist = try Typist()
            typist.type(typed)
            try withHeadless(input: typist.inputPath) { terminal in
                #expect(terminal.discardTypedAhead() == keys)
                #expect(events(from: terminal) == [])
            }
        }
        // A mouse report begun stays begun: its rest, typed later, is a report, not keys.
        let typist = try Typist()
        typist.type("q\u{1B}[<0;5")
        try withHeadless(input: typist.inputPath) { terminal in
            #expect(terminal.discardTypedAhead() == 1)
            typist.type(";2M")
            #expect(events(from: terminal) == [.mouse(MouseEvent(.press, x: 4, y: 1))])
        }
    }

    @Test("Ctrl-C read as a character is the interrupt, in its turn after the keys before it; dropping typed-ahead input keeps it")
    func interruptCharacterRead() throws {
        let typist = try Typist()
        typist.type("jk\u{03}")
        try withHeadless(input: typist.inputPath) { terminal in
            #expect(events(from: terminal) == [.key(.character("j")), .key(.character("k")), .interrupt])
        }
        let ahead = try Typist()
        ahead.type("jk\u{03}l")
        try withHeadless(input: ahead.inputPath) { terminal in
            #expect(terminal.discardTypedAhead() == 3)
            #expect(events(from: terminal) == [.interrupt])
        }
    }

    /// Every event until none comes within 300 ms.
    private func events(from terminal: CursesTerminal) -> [InputEvent] {
        var events: [InputEvent] = []
        while let event = terminal.nextEvent(timeout: .milliseconds(300)) { events.append(event) }
        return events
    }
}

/// Writes to the input of a headless terminal: a pipe, read through `inputPath`.
private final class Typist: Sendable {
    private let readEnd: Int32
    private let writeEnd: Int32

    init() throws {
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { throw CursesError("cannot make a pipe") }
        readEnd = ends[0]
        writeEnd = ends[1]
    }

    deinit {
        Glibc.close(readEnd)
        Glibc.close(writeEnd)
    }

    /// The pipe's read end, for `fopen`.
    var inputPath: String { "/dev/fd/\(readEnd)" }

    /// Writes `text` now.
    func type(_ text: String) {
        _ = text.utf8CString.withUnsafeBufferPointer { write(writeEnd, $0.baseAddress, $0.count - 1) }
    }

    /// Writes `text` from another thread, `milliseconds` from now.
    func type(_ text: String, afterMilliseconds milliseconds: UInt32) {
        Thread.detachNewThread {
            usleep(milliseconds * 1000)
            self.type(text)
        }
    }
}
