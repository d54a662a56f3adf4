import CNcurses
import Testing
import QNetTUI
@testable import QNetCurses

@Suite("Input decoding: every mouse report in what wget_wch returns, in order, and no report as keys")
struct InputDecoderTests {
    /// The events for `text` read character by character, as `wget_wch` returns them with ncurses' own
    /// mouse decoding off; then input pauses (nothing more within the wait the decoder asked for).
    private func decode(_ text: String, into decoder: inout InputDecoder, pausing: Bool = true) -> [InputEvent] {
        for scalar in text.unicodeScalars { decoder.take(status: OK, code: scalar.value) }
        if pausing { decoder.pause() }
        return drain(&decoder)
    }

    private func drain(_ decoder: inout InputDecoder) -> [InputEvent] {
        var events: [InputEvent] = []
        while let event = decoder.next() { events.append(event) }
        return events
    }

    private func decode(_ text: String) -> [InputEvent] {
        var decoder = InputDecoder()
        return decode(text, into: &decoder)
    }

    private func mouse(_ kind: MouseEvent.Kind, _ x: Int, _ y: Int) -> InputEvent { .mouse(MouseEvent(kind, x: x, y: y)) }

    @Test("a whole drag in one read: press, four motions, release, each at its cell (SGR reports count from 1)")
    func dragInOneRead() {
        let drag = "\u{1B}[<0;5;20M\u{1B}[<32;6;20M\u{1B}[<32;7;20M\u{1B}[<32;8;21M\u{1B}[<32;9;21M\u{1B}[<0;9;21m"
        #expect(decode(drag) == [mouse(.press, 4, 19), mouse(.drag, 5, 19), mouse(.drag, 6, 19), mouse(.drag, 7, 20),
                                 mouse(.drag, 8, 20), mouse(.release, 8, 20)])
    }

    @Test("a report split across reads is decoded once whole, wherever it was split")
    func splitReport() {
        var decoder = InputDecoder()
        #expect(decode("\u{1B}[<32;12", into: &decoder, pausing: false) == [])
        #expect(!decoder.readsOnWithoutWaiting)  // the rest is awaited as any input is
        #expect(decode(";7M", into: &decoder) == [mouse(.drag, 11, 6)])

        // Split after ESC and after `[`: ncurses has waited its ESC delay for those, so read on at once.
        #expect(decode("\u{1B}", into: &decoder, pausing: false) == [])
        #expect(decoder.readsOnWithoutWaiting)
        #expect(decode("[", into: &decoder, pausing: false) == [])
        #expect(decoder.readsOnWithoutWaiting)
        #expect(decode("<64;3;4M", into: &decoder) == [mouse(.scrollUp, 2, 3)])
    }

    @Test("input typed ahead is dropped but a resize, its keys counted; a report begun stays begun, so that its rest is no keys")
    func discardTypedAhead() {
        var decoder = InputDecoder()
        for scalar in "set".unicodeScalars { decoder.take(status: OK, code: scalar.value) }
        decoder.take(.resize(Size(width: 90, height: 30)))
        for scalar in "\u{1B}[<0;1;1M\u{1B}[<0;5".unicodeScalars { decoder.take(status: OK, code: scalar.value) }
        #expect(decoder.discardTypedAhead() == 3)   // s, e, t; not the whole mouse report
        #expect(decoder.discardTypedAhead() == 0)
        #expect(decode(";2M", into: &decoder) == [.resize(Size(width: 90, height: 30)), mouse(.press, 4, 1)])
    }

    @Test("a report whose rest does not come before input pauses is dropped, and so is its late rest: no key")
    func unfinishedReport() {
        var decoder = InputDecoder()
        #expect(decode("\u{1B}[<0;5;2", into: &decoder) == [])
        #expect(decode("0M", into: &decoder, pausing: false) == [])
        #expect(decode("q", into: &decoder) == [.key(.character("q"))])
        // What could be the rest stops being dropped at the next pause, or at another character.
        #expect(decode("\u{1B}[<0;5", into: &decoder) == [])
        decoder.pause()
        #expect(decode("5", into: &decoder) == [.key(.character("5"))])
        #expect(decode("\u{1B}[<0;5", into: &decoder) == [])
        #expect(decode("j5", into: &decoder) == [.key(.character("j")), .key(.character("5"))])
        #expect(decode("\u{1B}[M !") == [])
    }

    @Test("keys after a report, between reports and before one are keys, in order")
    func reportsAndKeys() {
        #expect(decode("\u{1B}[<0;1;1M:w\r") == [mouse(.press, 0, 0), .key(.character(":")), .key(.character("w")),
                                                  .key(.enter)])
        #expect(decode("a\u{1B}[<0;2;3Mb\u{1B}[<0;2;3mc") == [.key(.character("a")), mouse(.press, 1, 2),
                                                              .key(.character("b")), mouse(.release, 1, 2),
                                                              .key(.character("c"))])
        #expect(decode("x\u{1B}[<65;10;10M") == [.key(.character("x")), mouse(.scrollDown, 9, 9)])
    }

    @Test("Esc alone, Esc then a key, and ESC [ not followed by a report stay keys")
    func escape() {
        #expect(decode("\u{1B}") == [.key(.escape)])
        #expect(decode("\u{1B}q") == [.key(.escape), .key(.character("q"))])
        #expect(decode("\u{1B}\u{1B}") == [.key(.escape), .key(.escape)])
        #expect(decode("\u{1B}[") == [.key(.escape), .key(.character("["))])
        #expect(decode("\u{1B}[x") == [.key(.escape), .key(.character("[")), .key(.character("x"))])
    }

    @Test("a report broken off by another ESC is dropped, and the next report is still decoded")
    func brokenReport() {
        #expect(decode("\u{1B}[<32;4\u{1B}[<32;5;6M") == [mouse(.drag, 4, 5)])
        #expect(decode("\u{1B}[<0;1;2;3M") == [])  // four parameters: not a report the workbench reads
        #expect(decode("\u{1B}[<;;M") == [])
        #expect(decode("\u{1B}[<0;0;1M") == [])  // column 0 does not exist
    }

    @Test("modifiers do not change the button; other buttons and buttonless motion are ignored")
    func buttons() {
        #expect(decode("\u{1B}[<4;3;3M\u{1B}[<48;4;3M\u{1B}[<16;4;3m") == [mouse(.press, 2, 2), mouse(.drag, 3, 2),
                                                                         mouse(.release, 3, 2)])
        #expect(decode("\u{1B}[<2;3;3M\u{1B}[<34;4;3M\u{1B}[<2;4;3m\u{1B}[<35;5;5M\u{1B}[<66;1;1M") == [])
    }

    @Test("X10 encoding (a terminal without mode 1006): ESC [ M and three characters of 32 + value")
    func x10() {
        // Press at column 5, row 20 (1-based): 32+0, 32+5, 32+20; motion with the left button (32+32); release (32+3).
        #expect(decode("\u{1B}[M %4\u{1B}[M@&4\u{1B}[M#&4") == [mouse(.press, 4, 19), mouse(.drag, 5, 19),
                                                                 mouse(.release, 5, 19)])
        #expect(decode("\u{1B}[M`!!\u{1B}[Ma!!z") == [mouse(.scrollUp, 0, 0), mouse(.scrollDown, 0, 0),
                                                         .key(.character("z"))])
    }

    @Test("a function key or resize ends what was begun and follows it")
    func otherEvents() {
        var decoder = InputDecoder()
        _ = decode("\u{1B}", into: &decoder, pausing: false)
        decoder.take(status: nc_key_code_yes(), code: UInt32(bitPattern: nc_key_up()))
        decoder.take(.resize(Size(width: 80, height: 24)))
        #expect(drain(&decoder) == [.key(.escape), .key(.up), .resize(Size(width: 80, height: 24))])
    }

    @Test("a resize breaking off an SGR report: the report's rest is dropped, not typed")
    func resizeInsideAReport() {
        var decoder = InputDecoder()
        _ = decode("\u{1B}[<0;1", into: &decoder, pausing: false)
        decoder.take(.resize(Size(width: 80, height: 24)))
        #expect(decode("2;5Mx", into: &decoder) == [.resize(Size(width: 80, height: 24)), .key(.character("x"))])
    }
}
