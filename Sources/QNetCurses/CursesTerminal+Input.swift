import CNcurses
import QNetTUI

extension CursesTerminal {
    /// The next key, mouse action or resize: one already decoded, else read from
    /// `wget_wch`, waiting at most `timeout` for each character. ncurses has
    /// already applied a new size (no SIGWINCH handler). Mouse reports are decoded
    /// by `InputDecoder`, every one of those that arrive together, in order. Ctrl-C typed while
    /// this waits, or shortly after, is read in its turn, as a key (`InterruptCharacter`); one typed
    /// during longer work (a signal) comes after the events already read and decoded, and keys typed
    /// ahead and not yet read are discarded by the terminal on it (ISIG without NOFLSH), as in a shell. After a
    /// timeout with no event, Ctrl-C stays a character: the idle work that follows (a redraw, which takes more than
    /// `InterruptCharacter.signalAfter` on a large map in a debug build) is no work a Ctrl-C must interrupt.
    public func nextEvent(timeout: Duration) -> InputEvent? {
        if reportsDrags { claimMouseReports() }
        interruptCharacter?.waiting()
        let event = awaitEvent(timeout: timeout)
        if event != nil { interruptCharacter?.working() }
        return event
    }

    /// `nextEvent` while Ctrl-C is a character.
    private func awaitEvent(timeout: Duration) -> InputEvent? {
        while true {
            if SignalHandlers.received != nil { return .hangup }
            if let event = input.next() { return event }
            let reading = input.readsOnWithoutWaiting || SignalHandlers.interruptIsPending
            let read = readInput(waiting: reading ? 0 : timeout.milliseconds)
            if SignalHandlers.received != nil { return .hangup }
            if !read {
                // A half-read sequence (a lone Esc) comes first: it was typed before the pending Ctrl-C.
                input.pause()
                if let event = input.next() { return event }
                return SignalHandlers.takeInterrupt() ? .interrupt : nil
            }
        }
    }

    /// Reads one character or key from `wget_wch`, waiting at most `milliseconds`, and gives it to the decoder (a new
    /// size applied, a mouse report ncurses decoded itself handled); false when none came.
    private func readInput(waiting milliseconds: Int64) -> Bool {
        wtimeout(window, Int32(clamping: milliseconds))
        var code: wint_t = 0
        let status = wget_wch(window, &code)
        if status == ERR { return false }
        if status == nc_key_code_yes(), Int32(bitPattern: code) == nc_key_resize() {
            size = Size(width: Int(getmaxx(window)), height: Int(getmaxy(window)))
            shown = nil
            input.take(.resize(size))
        } else if status == nc_key_code_yes(), Int32(bitPattern: code) == nc_key_mouse() {
            if reportsDrags {
                // ncurses decoded a report itself, having armed its decoding again on resuming after Ctrl-Z
                // while this read waited: that one report is dropped, and the next ones come here.
                claimMouseReports()
            } else {
                // A terminal whose mouse ncurses alone can read (the Linux console with gpm): its event, as it is.
                var event = MEVENT()
                if getmouse(&event) == OK {
                    input.take(KeyDecoder.mouse(state: event.bstate, x: event.x, y: event.y).map { .mouse($0) })
                }
            }
        } else if status == OK, code == interruptCharacter.map({ UInt32($0.code) }) ?? InterruptCharacter.control {
            input.take(.interrupt)
        } else {
            input.take(status: status, code: code)
        }
        return true
    }
}

extension CursesTerminal {
    /// Drops the input typed ahead: what the terminal and ncurses hold unread and the events decoded and not handed
    /// out, but a new size or a Ctrl-C; returns how many keys it dropped. What is unread is read, without waiting, and decoded
    /// rather than flushed (`flushinp`), so that its keys are counted and no mouse report is cut in two; a report begun
    /// stays begun, so that its rest, if it comes, is not read as keys. A lone ESC (or ESC `[`) read last is keys,
    /// dropped and counted: ncurses has waited its ESC delay for what would follow, as `nextEvent` finds when input
    /// pauses (second reader: it stayed begun, uncounted, and came as Esc after the answer).
    @discardableResult
    public func discardTypedAhead() -> Int {
        while SignalHandlers.received == nil, readInput(waiting: 0) {}
        if input.readsOnWithoutWaiting { input.pause() }
        return input.discardTypedAhead()
    }
}

extension Duration {
    /// The duration in whole milliseconds, rounded down.
    var milliseconds: Int64 {
        components.seconds * 1000 + components.attoseconds / 1_000_000_000_000_000
    }
}
