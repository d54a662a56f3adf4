import CNcurses
import Glibc
import Synchronization

/// The signal that asked the workbench to stop (SIGTERM, SIGHUP or SIGQUIT), 0 while none has.
let stopSignal = Atomic<Int32>(0)

/// When the SIGINT (Ctrl-C) that waits to be read as a request to quit came (monotonic clock, ns), 0 when none waits.
let interruptPending = Atomic<Int64>(0)

/// SIGINT (Ctrl-C during work; while input is awaited Ctrl-C is a character, `InterruptCharacter`)
/// asks to quit as `q` does: the next wait for input (at most
/// `Workbench.inputTimeout`) reports `.interrupt`, and the workbench asks first
/// when there are unsaved edits. A SIGINT that comes while one has waited
/// unread for more than 2 s (the workbench is busy or stuck)
/// restores the terminal (`endwin`) and exits at once, so the shell is never
/// left in raw mode; a quick double tap during a long re-plan does not. SIGTERM, SIGHUP and SIGQUIT (Ctrl-\) only note
/// the signal: the next wait for input then reports `.hangup`, the workbench
/// writes its autosave, the terminal is restored, and the process exits with
/// 128 + the signal's number.
enum SignalHandlers {
    static func install() {
        // Globals are initialised on first use, which a signal handler must not be: use them once here.
        _ = interruptPending.load(ordering: .relaxed)
        _ = stopSignal.load(ordering: .relaxed)
        signal(SIGINT) { _ in
            // clock_gettime is async-signal-safe.
            var now = timespec()
            clock_gettime(CLOCK_MONOTONIC, &now)
            let nanoseconds = max(1, Int64(now.tv_sec) * 1_000_000_000 + Int64(now.tv_nsec))
            let first = interruptPending.load(ordering: .relaxed)
            if first == 0 {
                interruptPending.store(nanoseconds, ordering: .relaxed)
            } else if nanoseconds - first > 2_000_000_000 {   // unread for 2 s: stuck
                endwin()
                _exit(130)
            }
        }
        signal(SIGTERM) { number in stopSignal.store(number, ordering: .relaxed) }
        signal(SIGHUP) { number in stopSignal.store(number, ordering: .relaxed) }
        // Ctrl-\ too: without a handler the runtime prints a crash report over the screen and the workbench runs on.
        signal(SIGQUIT) { number in stopSignal.store(number, ordering: .relaxed) }
    }

    /// Whether a SIGINT waits to be taken (`takeInterrupt`).
    static var interruptIsPending: Bool { interruptPending.load(ordering: .relaxed) != 0 }

    /// Whether a SIGINT came since the last call (which clears it).
    static func takeInterrupt() -> Bool {
        interruptPending.exchange(0, ordering: .relaxed) != 0
    }

    static func restore() {
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
        signal(SIGHUP, SIG_DFL)
        signal(SIGQUIT, SIG_DFL)
    }

    /// The signal received, if SIGTERM, SIGHUP or SIGQUIT has asked the workbench to stop.
    static var received: Int32? {
        let number = stopSignal.load(ordering: .relaxed)
        return number == 0 ? nil : number
    }
}
