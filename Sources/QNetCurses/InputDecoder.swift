import CNcurses
import QNetTUI

/// Turns the stream of `wget_wch` results into input events, decoding every
/// xterm mouse report in it, in order. Pure, so byte sequences are tested without a terminal.
///
/// ncurses is kept from parsing mouse reports itself (`keyok(KEY_MOUSE, FALSE)`):
/// it makes one `KEY_MOUSE` of all the reports in one read, so a drag whose reports
/// arrived together was lost. Its reports reach this decoder as characters:
/// `ESC [ < b ; x ; y M` or `m` (SGR, mode 1006) and `ESC [ M b x y` (the X10
/// encoding, from a terminal that ignores 1006). A report split across reads is
/// decoded once whole. A report's characters never become keys: one broken off, or
/// left unfinished when input pauses, is dropped, and so is an SGR report's rest
/// that comes after the pause.
struct InputDecoder {
    /// The escape sequence begun, from its ESC; empty when none is.
    private var sequence: [Unicode.Scalar] = []
    /// An SGR report was dropped unfinished at the last pause: what can only be its rest
    /// (digits and `;`, then `M` or `m`) is dropped too, until another character or pause.
    private var isDroppingRest = false
    /// Decoded events not yet handed out, oldest first.
    private var ready: [InputEvent] = []

    /// The longest SGR report before its final: `ESC [ <` and `b;x;y` with five digits each.
    private static let longestSGRReport = 3 + 5 * 3 + 2

    /// Whether ESC or ESC `[` has begun: ncurses has already waited its ESC delay for the
    /// rest of a key and queued whatever it read on, so the next read should not wait.
    /// (A mouse report begun waits as long as any input: a key typed meanwhile still comes at once.)
    var readsOnWithoutWaiting: Bool { sequence.count == 1 || sequence.count == 2 }

    /// The oldest decoded event not yet handed out.
    mutating func next() -> InputEvent? {
        ready.isEmpty ? nil : ready.removeFirst()
    }

    /// Drops the decoded events not handed out, but a resize (the terminal has its new size already) or a Ctrl-C (a
    /// request to quit, as the signal that stays pending is); returns how many keys it dropped.
    @discardableResult
    mutating func discardTypedAhead() -> Int {
        let keys = ready.count { event in
            if case .key = event { true } else { false }
        }
        ready.removeAll { event in
            switch event {
            case .resize, .interrupt: false
            default: true
            }
        }
        return keys
    }

    /// One `wget_wch` result: `status` `OK` (a character) or `KEY_CODE_YES` (a key ncurses decoded).
    mutating func take(status: Int32, code: UInt32) {
        guard status == OK else {
            take(KeyDecoder.decode(status: status, code: code))
            return
        }
        take(character: code)
    }

    /// An event decoded elsewhere (a function key, a resize): it ends the sequence begun, then follows it;
    /// the rest of an SGR report it broke off is dropped when it comes.
    mutating func take(_ event: InputEvent?) {
        dropUnfinishedReport()
        if let event { ready.append(event) }
    }

    /// No input came within the wait: ESC and ESC `[` were keys; a report begun is dropped, and its rest
    /// when it comes.
    mutating func pause() {
        dropUnfinishedReport()
    }

    /// Ends the sequence begun; an SGR report broken off leaves its rest to be dropped.
    private mutating func dropUnfinishedReport() {
        isDroppingRest = sequence.count > 2 && sequence[2] == "<"
        endSequence()
    }

    private mutating func take(character code: UInt32) {
        guard let character = Unicode.Scalar(code) else {
            endSequence()  // not a character: it ends what was begun and is nothing itself
            return
        }
        if isDroppingRest {
            if Self.isSGRParameter(character) { return }
            isDroppingRest = false
            if character == "M" || character == "m" { return }
        }
        switch (sequence.count, character) {
        case (0, "\u{1B}"), (1, "["), (2, "<"), (2, "M"):
            sequence.append(character)
        case (0, _):
            append(key: character)
        case (1, _), (2, _):
            endSequence()
            take(character: code)
        default:
            if sequence[2] == "M" { takeX10(character) } else { takeSGR(character) }
        }
    }

    /// A character of `ESC [ M b x y`: three of code 32 or more follow `M`.
    private mutating func takeX10(_ character: Unicode.Scalar) {
        guard character.value >= 32 else {
            // Broken off: drop what was begun, and read this character afresh (it may begin the next report).
            sequence = []
            take(character: character.value)
            return
        }
        sequence.append(character)
        guard sequence.count == 6 else { return }
        report(MouseReport.x10(button: sequence[3].value, x: sequence[4].value, y: sequence[5].value))
    }

    /// A character of `ESC [ < b ; x ; y M` (or `m`): digits and semicolons up to the final.
    private mutating func takeSGR(_ character: Unicode.Scalar) {
        if character == "M" || character == "m" {
            var parameters = String.UnicodeScalarView()
            parameters.append(contentsOf: sequence.dropFirst(3))
            report(MouseReport.sgr(parameters: String(parameters), isRelease: character == "m"))
        } else if Self.isSGRParameter(character), sequence.count < Self.longestSGRReport {
            sequence.append(character)
        } else {
            // Not a report after all (or too long to be one): drop it, and read this character afresh.
            sequence = []
            take(character: character.value)
        }
    }

    private static func isSGRParameter(_ character: Unicode.Scalar) -> Bool {
        ("0"..."9").contains(character) || character == ";"
    }

    /// A report is complete: its event (if the workbench reads that button) is ready, and nothing is begun.
    private mutating func report(_ event: MouseEvent?) {
        sequence = []
        if let event { ready.append(.mouse(event)) }
    }

    /// Ends the sequence begun: an ESC and `[` not followed by a report are keys; an unfinished report is dropped.
    private mutating func endSequence() {
        if sequence.count <= 2 { sequence.forEach { append(key: $0) } }
        sequence = []
    }

    private mutating func append(key character: Unicode.Scalar) {
        if let event = KeyDecoder.decode(status: OK, code: character.value) { ready.append(event) }
    }
}
