import Testing
@testable import QNetTUI

@Suite("Rect: layout that never goes negative")
struct RectTests {
    @Test("splitting takes what is asked, or all there is")
    func splits() {
        let area = Rect(x: 0, y: 0, width: 80, height: 24)
        let (top, rest) = area.splitTop(1)
        #expect(top == Rect(x: 0, y: 0, width: 80, height: 1))
        #expect(rest == Rect(x: 0, y: 1, width: 80, height: 23))
        let (body, bottom) = rest.splitBottom(2)
        #expect(bottom == Rect(x: 0, y: 22, width: 80, height: 2))
        #expect(body.height == 21)
        let (left, right) = body.splitRight(30)
        #expect(left.width == 50 && right.x == 50 && right.width == 30)
        let tiny = Rect(x: 0, y: 0, width: 3, height: 1)
        #expect(tiny.splitTop(5).rest.isEmpty)
        #expect(tiny.splitLeft(-2).left.width == 0)
    }

    @Test("inset, intersection and centring stay inside")
    func geometry() {
        let area = Rect(x: 2, y: 2, width: 4, height: 2)
        #expect(area.inset(by: 1) == Rect(x: 3, y: 3, width: 2, height: 0))
        #expect(area.inset(by: 3).isEmpty)
        #expect(area.intersection(Rect(x: 5, y: 0, width: 10, height: 3)) == Rect(x: 5, y: 2, width: 1, height: 1))
        #expect(area.intersection(Rect(x: 50, y: 50, width: 1, height: 1)).isEmpty)
        #expect(Rect(x: 0, y: 0, width: 10, height: 10).centred(Size(width: 4, height: 20)) == Rect(x: 3, y: 0, width: 4, height: 10))
        #expect(area.contains(x: 5, y: 3) && !area.contains(x: 6, y: 3))
    }
}
