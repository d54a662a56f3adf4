import CNcurses
import Glibc
import Synchronization

/// The signal that asked the workbench to stop (SIGTERM or SIGHUP), 0 while none has.
let stopSignal = Atomic<Int32>(0)

/// SIGINT restores the terminal (`endwin`) and exits at once, so an interrupted
/// workbench never leaves the shell in raw mode. SIGTERM and SIGHUP only note
/// the signal: the next wait for input (at most `Workbench.inputTimeout`) then
/// reports `.hangup`, the workbench writes its autosave, the terminal is
/// restored, and the process exits with 128 + the signal's number.
enum SignalHandlers {
    static func install() {
        signal(SIGINT) { _ in
            endwin()
            _exit(130)
        }
        signal(SIGTERM) { number in stopSignal.store(number, ordering: .relaxed) }
        signal(SIGHUP) { number in stopSignal.store(number, ordering: .relaxed) }
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
