import QNetTUI

/// What an xterm mouse report means to the workbench: the left button's press,
/// motion and release, and the wheel. Button codes as in xterm's "Control
/// Sequences" (E. Moy, S. Gildea, T. Dickey, section "Mouse Tracking"): the low
/// two bits are the button (3: released, in the X10 encoding), +4 Shift, +8 Meta,
/// +16 Control, +32 motion, +64 wheel; columns and rows count from 1.
enum MouseReport {
    /// The event for an SGR report (mode 1006) `ESC [ < b ; x ; y M` (pressed or moved) or
    /// `… m` (released), given what lies between `<` and the final; nil when it is not one
    /// or reports a button the workbench ignores.
    static func sgr(parameters: String, isRelease: Bool) -> MouseEvent? {
        let fields = parameters.split(separator: ";", omittingEmptySubsequences: false).map { Int($0) }
        guard fields.count == 3, let button = fields[0], let x = fields[1], let y = fields[2] else { return nil }
        return event(button: button, isRelease: isRelease, x: x, y: y)
    }

    /// The event for an X10-encoded report `ESC [ M b x y`, each of the three a character
    /// of code 32 + value (a terminal without mode 1006 sends these); nil for buttons the workbench ignores.
    static func x10(button: UInt32, x: UInt32, y: UInt32) -> MouseEvent? {
        guard button >= 32, x >= 32, y >= 32 else { return nil }
        return event(button: Int(button - 32), isRelease: false, x: Int(x - 32), y: Int(y - 32))
    }

    private static func event(button: Int, isRelease: Bool, x: Int, y: Int) -> MouseEvent? {
        guard x >= 1, y >= 1 else { return nil }
        let kind: MouseEvent.Kind
        // Shift, Meta and Control held do not change what the button did.
        switch (button & ~(4 | 8 | 16), isRelease) {
        case (0, false): kind = .press
        case (0, true), (3, _): kind = .release  // X10 says only "released", not which button
        case (32, false): kind = .drag
        case (64, false): kind = .scrollUp
        case (65, false): kind = .scrollDown
        default: return nil  // other buttons, motion without the left button held, sideways wheel
        }
        return MouseEvent(kind, x: x - 1, y: y - 1)
    }
}
