import CNcurses
import Glibc
import Synchronization

/// The signal that asked the workbench to stop (SIGTERM or SIGHUP), 0 while none has.
let stopSignal = Atomic<Int32>(0)

/// Whether a SIGINT (Ctrl-C) waits to be read as a request to quit.
let interruptPending = Atomic<Bool>(false)

/// SIGINT (Ctrl-C) asks to quit as `q` does: the next wait for input (at most
/// `Workbench.inputTimeout`) reports `.interrupt`, and the workbench asks first
/// when there are unsaved edits. A second SIGINT before the first is read (the
/// workbench is busy or stuck) restores the terminal (`endwin`) and exits at
/// once, so the shell is never left in raw mode. SIGTERM and SIGHUP only note
/// the signal: the next wait for input then reports `.hangup`, the workbench
/// writes its autosave, the terminal is restored, and the process exits with
/// 128 + the signal's number.
enum SignalHandlers {
    static func install() {
        signal(SIGINT) { _ in
            if interruptPending.exchange(true, ordering: .relaxed) {
                endwin()
                _exit(130)
            }
        }
        signal(SIGTERM) { number in stopSignal.store(number, ordering: .relaxed) }
        signal(SIGHUP) { number in stopSignal.store(number, ordering: .relaxed) }
    }

    /// Whether a SIGINT came since the last call (which clears it).
    static func takeInterrupt() -> Bool {
        interruptPending.exchange(false, ordering: .relaxed)
    }

    static func restore() {
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
        signal(SIGHUP, SIG_DFL)
    }

    /// The signal received, if SIGTERM or SIGHUP has asked the workbench to stop.
    static var received: Int32? {
        let number = stopSignal.load(ordering: .relaxed)
        return number == 0 ? nil : number
    }
}
