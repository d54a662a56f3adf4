import Testing
@testable import QNetTUI

@Suite("In-memory terminal")
struct InMemoryTerminalTests {
    @Test("queued events come back in order, a resize changes the size, then hangup")
    func events() {
        let terminal = InMemoryTerminal(size: Size(width: 80, height: 24), events: [.key(.enter)])
        terminal.type("q")
        terminal.send([.resize(Size(width: 40, height: 10))])
        #expect(terminal.nextEvent(timeout: .zero) == .key(.enter))
        #expect(terminal.nextEvent(timeout: .zero) == .key(.character("q")))
        #expect(terminal.nextEvent(timeout: .zero) == .resize(Size(width: 40, height: 10)))
        #expect(terminal.size == Size(width: 40, height: 10))
        #expect(terminal.nextEvent(timeout: .zero) == .hangup)
    }

    @Test("dropping the input typed ahead drops the events before the next wait, but a resize, and counts the keys")
    func discardTypedAhead() {
        let terminal = InMemoryTerminal(size: Size(width: 80, height: 24))
        terminal.type("et")
        terminal.send([.resize(Size(width: 40, height: 10)), .mouse(MouseEvent(.press, x: 1, y: 1)), .key(.enter)])
        terminal.idle(1)
        terminal.type("j")
        #expect(terminal.discardTypedAhead() == 3)   // e, t, Enter, dropped with the mouse press, which is no key
        #expect(terminal.nextEvent(timeout: .zero) == .resize(Size(width: 40, height: 10)))
        #expect(terminal.nextEvent(timeout: .zero) == nil)
        #expect(terminal.nextEvent(timeout: .zero) == .key(.character("j")))
    }

    @Test("every drawn canvas is kept")
    func drawing() {
        let terminal = InMemoryTerminal(size: Size(width: 4, height: 1))
        var canvas = Canvas(terminal.size)
        canvas.write("hi", x: 0, y: 0, role: .normal)
        terminal.draw(canvas)
        #expect(terminal.screen?.lines == ["hi"])
        #expect(terminal.drawn.count == 1)
    }
}
