import Testing
@testable import QNetTUI

@Suite("Canvas: a grid of cells views draw into")
struct CanvasTests {
    @Test("text written in a row reads back from lines, trailing spaces trimmed")
    func writeAndRead() {
        var canvas = Canvas(width: 10, height: 2)
        canvas.write("hello", x: 2, y: 1, role: .title)
        #expect(canvas.lines == ["", "  hello"])
        #expect(canvas.roles(y: 1)[2] == .title)
        #expect(canvas.roles(y: 1)[1] == .normal)
    }

    @Test("text is cut at the canvas edge and at a clip rectangle")
    func clipping() {
        var canvas = Canvas(width: 8, height: 1)
        canvas.write("abcdefghij", x: 5, y: 0, role: .normal)
        #expect(canvas.lines == ["     abc"])
        var clipped = Canvas(width: 8, height: 1)
        clipped.write("abcdef", x: 0, y: 0, role: .normal, clip: Rect(x: 2, y: 0, width: 3, height: 1))
        #expect(clipped.lines == ["  cde"])
    }

    @Test("a wide character takes two cells and is left out when it would straddle the edge")
    func wideCharacters() {
        var canvas = Canvas(width: 5, height: 1)
        let used = canvas.write("日本語", x: 0, y: 0, role: .normal)
        #expect(used == 4)
        #expect(canvas.lines == ["日本"])
        #expect(canvas.cell(x: 1, y: 0)?.isContinuation == true)
    }

    @Test("overwriting half of a wide character blanks the other half")
    func overwriteHalf() {
        var canvas = Canvas(width: 4, height: 1)
        canvas.write("日", x: 0, y: 0, role: .normal)
        canvas.put("x", x: 1, y: 0, role: .normal)
        #expect(canvas.lines == [" x"])
    }

    @Test("text fitted into a row is shortened by display width with an ellipsis")
    func fitted() {
        var canvas = Canvas(width: 12, height: 3)
        canvas.write("Ljubljana–Zagreb", in: Rect(x: 0, y: 0, width: 8, height: 1), role: .normal)
        canvas.write("東京大阪名古屋", in: Rect(x: 0, y: 1, width: 7, height: 1), role: .normal)
        canvas.write("right", in: Rect(x: 0, y: 2, width: 12, height: 1), role: .normal, alignment: .right)
        #expect(canvas.lines == ["Ljublja…", "東京大…", "       right"])
    }

    @Test("drawing into zero-size areas and zero-size canvases does nothing")
    func zeroSize() {
        var empty = Canvas(width: 0, height: 0)
        empty.write("text", x: 0, y: 0, role: .normal)
        empty.fill(Rect(x: 0, y: 0, width: 5, height: 5), with: "#")
        empty.write("text", in: Rect(x: 0, y: 0, width: 4, height: 1), role: .normal)
        #expect(empty.lines.isEmpty)

        var canvas = Canvas(width: 3, height: 1)
        canvas.write("text", in: Rect(x: 0, y: 0, width: 0, height: 1), role: .normal)
        canvas.fill(Rect(x: 5, y: 5, width: 2, height: 2), with: "#")
        canvas.write("text", x: -10, y: 0, role: .normal)
        #expect(canvas.lines == [""])
    }

    @Test("fill and setRole cover exactly the rectangle inside the canvas")
    func fillAndRestyle() {
        var canvas = Canvas(width: 4, height: 3)
        canvas.fill(Rect(x: 2, y: 1, width: 5, height: 5), with: "#", role: .selection)
        #expect(canvas.lines == ["", "  ##", "  ##"])
        canvas.setRole(.error, in: Rect(x: 0, y: 1, width: 3, height: 1))
        #expect(canvas.roles(y: 1) == [.error, .error, .error, .selection])
    }

    @Test("text starting left of the clip still shows the part inside it")
    func startsLeftOfClip() {
        var canvas = Canvas(width: 6, height: 1)
        canvas.write("abcdef", x: -2, y: 0, role: .normal)
        #expect(canvas.lines == ["cdef"])
    }
}
