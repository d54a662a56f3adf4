import CNcurses
import Testing
import QNetTUI
@testable import QNetCurses

@Suite("Key decoding: what wget_wch returns becomes an input event")
struct KeyDecoderTests {
    private func character(_ code: UInt32) -> InputEvent? { KeyDecoder.decode(status: OK, code: code) }
    private func function(_ code: Int32) -> InputEvent? {
        KeyDecoder.decode(status: nc_key_code_yes(), code: UInt32(bitPattern: code))
    }

    @Test("printable characters arrive whole, including non-ASCII")
    func printable() {
        #expect(character(0x61) == .key(.character("a")))
        #expect(character(0x3A) == .key(.character(":")))
        #expect(character(0xFC) == .key(.character("ü")))
        #expect(character(0x6771) == .key(.character("東")))
    }

    @Test("control characters: Enter, Tab, Esc, Backspace, Ctrl-letters")
    func controls() {
        #expect(character(13) == .key(.enter))
        #expect(character(10) == .key(.enter))
        #expect(character(9) == .key(.tab))
        #expect(character(27) == .key(.escape))
        #expect(character(127) == .key(.backspace))
        #expect(character(18) == .key(.ctrl("r")))
        #expect(character(19) == .key(.ctrl("s")))
    }

    @Test("function keys, arrows and paging")
    func functionKeys() {
        #expect(function(nc_key_up()) == .key(.up))
        #expect(function(nc_key_left()) == .key(.left))
        #expect(function(nc_key_npage()) == .key(.pageDown))
        #expect(function(nc_key_btab()) == .key(.backTab))
        #expect(function(nc_key_backspace()) == .key(.backspace))
        #expect(function(nc_key_f(1)) == .key(.function(1)))
        #expect(function(nc_key_f(12)) == .key(.function(12)))
        #expect(function(nc_key_sleft()) == .key(.shiftLeft))
        #expect(function(nc_key_sup()) == .key(.shiftUp))
        #expect(KeyDecoder.decode(status: ERR, code: 0) == nil)
    }

    @Test("mouse button states become press, release, drag and wheel events at the cell")
    func mouse() {
        #expect(KeyDecoder.mouse(state: nc_button1_pressed(), x: 3, y: 4) == MouseEvent(.press, x: 3, y: 4))
        #expect(KeyDecoder.mouse(state: nc_button1_released(), x: 3, y: 4) == MouseEvent(.release, x: 3, y: 4))
        #expect(KeyDecoder.mouse(state: nc_report_mouse_position(), x: 5, y: 4) == MouseEvent(.drag, x: 5, y: 4))
        #expect(KeyDecoder.mouse(state: nc_report_mouse_position() | nc_button1_pressed(), x: 6, y: 4)
            == MouseEvent(.drag, x: 6, y: 4))
        #expect(KeyDecoder.mouse(state: nc_button4_pressed(), x: 0, y: 0) == MouseEvent(.scrollUp, x: 0, y: 0))
        #expect(KeyDecoder.mouse(state: nc_button5_pressed(), x: 0, y: 0) == MouseEvent(.scrollDown, x: 0, y: 0))
    }
}
