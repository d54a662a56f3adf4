import CNcurses
import QNetTUI

extension CursesTerminal {
    /// Blocks in `wget_wch` for at most `timeout`; decodes keys, the mouse and
    /// `KEY_RESIZE` (ncurses has already applied the new size: no SIGWINCH handler).
    public func nextEvent(timeout: Duration) -> InputEvent? {
        let milliseconds = timeout.components.seconds * 1000 + timeout.components.attoseconds / 1_000_000_000_000_000
        if SignalHandlers.received != nil { return .hangup }
        wtimeout(window, Int32(clamping: milliseconds))
        var code: wint_t = 0
        let status = wget_wch(window, &code)
        if SignalHandlers.received != nil { return .hangup }
        guard status != ERR else { return nil }
        if status == nc_key_code_yes(), Int32(bitPattern: code) == nc_key_resize() {
            size = Size(width: Int(getmaxx(window)), height: Int(getmaxy(window)))
            shown = nil
            return .resize(size)
        }
        if status == nc_key_code_yes(), Int32(bitPattern: code) == nc_key_mouse() {
            var event = MEVENT()
            guard getmouse(&event) == OK else { return nil }
            return KeyDecoder.mouse(state: event.bstate, x: event.x, y: event.y).map { .mouse($0) }
        }
        return KeyDecoder.decode(status: status, code: code)
    }
}
