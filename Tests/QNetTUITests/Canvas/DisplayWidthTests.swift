import Testing
@testable import QNetTUI

@Suite("Display width: text is measured in terminal columns, not bytes")
struct DisplayWidthTests {
    @Test("ASCII, box drawing and accented letters take one column each")
    func narrow() {
        #expect(DisplayWidth.of("abc") == 3)
        #expect(DisplayWidth.of("─│┌") == 3)
        #expect(DisplayWidth.of("Zürich") == 6)
        #expect(DisplayWidth.of("e\u{301}") == 1)
    }

    @Test("CJK and emoji take two columns")
    func wide() {
        #expect(DisplayWidth.of("東京") == 4)
        #expect(DisplayWidth.of("🛰") == 1 || DisplayWidth.of("🛰") == 2)
        #expect(DisplayWidth.of("😀") == 2)
    }

    @Test("truncation never splits a wide character and keeps the ellipsis inside the width")
    func truncation() {
        #expect(DisplayWidth.truncate("東京大阪", to: 5) == "東京…")
        #expect(DisplayWidth.truncate("short", to: 10) == "short")
        #expect(DisplayWidth.truncate("abcdef", to: 4, ellipsis: "~") == "abc~")
        #expect(DisplayWidth.truncate("abcdef", to: 0) == "")
        #expect(DisplayWidth.pad("ab", to: 4) == "ab  ")
    }
}
