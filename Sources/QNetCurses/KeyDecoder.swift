import CNcurses
import QNetTUI

/// Turns what `wget_wch` returned into an input event. Pure, apart from reading
/// ncurses' key constants, so every key is tested without a terminal.
enum KeyDecoder {
    /// The event for a `wget_wch` result: `status` is `OK` (a character) or
    /// `KEY_CODE_YES` (a function key in `code`). Nil for keys the workbench ignores.
    static func decode(status: Int32, code: UInt32) -> InputEvent? {
        if status == nc_key_code_yes() { return functionKey(Int32(bitPattern: code)) }
        guard status == OK else { return nil }
        switch code {
        case 9: return .key(.tab)
        case 10, 13: return .key(.enter)
        case 27: return .key(.escape)
        case 8, 127: return .key(.backspace)
        case 0: return .key(.ctrl(" "))
        case 1...26:
            guard let scalar = Unicode.Scalar(code + 96) else { return nil }
            return .key(.ctrl(Character(scalar)))
        case 28...31: return nil
        default:
            guard let scalar = Unicode.Scalar(code) else { return nil }
            return .key(.character(Character(scalar)))
        }
    }

    private static func functionKey(_ code: Int32) -> InputEvent? {
        switch code {
        case nc_key_up(): return .key(.up)
        case nc_key_down(): return .key(.down)
        case nc_key_left(): return .key(.left)
        case nc_key_right(): return .key(.right)
        case nc_key_home(): return .key(.home)
        case nc_key_end(): return .key(.end)
        case nc_key_ppage(): return .key(.pageUp)
        case nc_key_npage(): return .key(.pageDown)
        case nc_key_dc(): return .key(.delete)
        case nc_key_btab(): return .key(.backTab)
        case nc_key_backspace(): return .key(.backspace)
        case nc_key_enter(): return .key(.enter)
        case nc_key_sleft(): return .key(.shiftLeft)
        case nc_key_sright(): return .key(.shiftRight)
        case nc_key_sup(): return .key(.shiftUp)
        case nc_key_sdown(): return .key(.shiftDown)
        default:
            for number in 1...12 where code == nc_key_f(Int32(number)) { return .key(.function(number)) }
            return nil
        }
    }

    /// The mouse event for an ncurses button state at `x`, `y`; nil for buttons the workbench ignores.
    static func mouse(state: mmask_t, x: Int32, y: Int32) -> MouseEvent? {
        let kind: MouseEvent.Kind
        // Motion with the button held may carry the button's bit too: it is a drag, not another press.
        if state & nc_report_mouse_position() != 0 { kind = .drag }
        else if state & nc_button1_pressed() != 0 { kind = .press }
        else if state & nc_button1_released() != 0 { kind = .release }
        else if state & nc_button1_clicked() != 0 { kind = .press }
        else if state & nc_button4_pressed() != 0 { kind = .scrollUp }
        else if nc_button5_pressed() != 0, state & nc_button5_pressed() != 0 { kind = .scrollDown }
        else { return nil }
        return MouseEvent(kind, x: Int(x), y: Int(y))
    }
}
