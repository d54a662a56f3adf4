import Glibc
import Synchronization

/// The terminal's modes as the workbench found them, put back when the process crashes (SIGSEGV, SIGBUS, SIGILL,
/// SIGFPE, SIGABRT), before the crash goes on to the handler that was there before (Swift's crash report, or the
/// default).
///
/// A crash skips `endwin`: the terminal stays without echo, line editing and, while input is awaited, Ctrl-C
/// (`InterruptCharacter`). Run from a shell, the shell puts its modes back when its job dies of a signal; under
/// `make run` its job is make, which exits normally, so the shell kept them (a second reader: after a crash, Ctrl-C
/// no longer stopped `sleep 30`). `tcsetattr` and `sigaction` are async-signal-safe (POSIX.1-2017, XSH 2.4.3).
enum CrashRestore {
    /// The crash signals handled.
    private static let signals: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT]
    /// Room for the handler of each signal number below this one (Linux's standard signals are 1 to 31).
    private static let signalNumbers = 32

    /// The terminal's descriptor, -1 while nothing is to be put back.
    private static let descriptor = Atomic<Int32>(-1)
    /// The modes found, and the handlers that were there before, at their signal's number: allocated once and never
    /// freed, so that a handler reads them without allocating or looking anything up.
    nonisolated(unsafe) private static let found = UnsafeMutablePointer<termios>.allocate(capacity: 1)
    nonisolated(unsafe) private static let previous = UnsafeMutablePointer<sigaction>.allocate(capacity: signalNumbers)

    /// Notes the modes of the terminal on `descriptor` (before ncurses changes them) and handles the crash signals.
    static func install(descriptor terminal: Int32) {
        guard tcgetattr(terminal, found) == 0 else { return }
        descriptor.store(terminal, ordering: .relaxed)
        for number in signals {
            var action = sigaction()
            action.__sigaction_handler.sa_sigaction = { number, info, _ in
                CrashRestore.crashed(number, sent: (info?.pointee.si_code ?? 0) <= 0)
            }
            // On the alternate stack where the thread has one (Swift's runtime sets one up when it backtraces), as its
            // own handler runs: a stack overflow leaves no other. A signal that was sent (`abort`) is raised again from
            // here, so Swift's report of it shows this handler's frames, not the caller's; a fault's shows its site.
            action.sa_flags = SA_SIGINFO | SA_ONSTACK
            sigemptyset(&action.sa_mask)
            sigaction(number, &action, previous + Int(number))
        }
    }

    /// The terminal is restored (`endwin`): the handlers that were there before are back.
    static func uninstall() {
        guard descriptor.exchange(-1, ordering: .relaxed) >= 0 else { return }
        for number in signals { sigaction(number, previous + Int(number), nil) }
    }

    /// Puts the modes back and the previous handler of `number`. A fault runs its instruction again on return, which
    /// faults again, now for that handler (with the fault's own context). A signal sent (`kill`, `abort`) goes to that
    /// handler at once, and then ends the process as the default action does: Swift's crash report returns from a
    /// signal that was sent, and the workbench ran on (a second reader, with `kill -ABRT`).
    private static func crashed(_ number: Int32, sent: Bool) {
        let terminal = descriptor.exchange(-1, ordering: .relaxed)
        if terminal >= 0 { tcsetattr(terminal, TCSANOW, found) }
        guard number > 0, number < signalNumbers else { return }
        sigaction(number, previous + Int(number), nil)
        guard sent || number == SIGABRT else { return }
        var blocked = sigset_t()
        sigemptyset(&blocked)
        sigaddset(&blocked, number)
        pthread_sigmask(SIG_UNBLOCK, &blocked, nil)
        raise(number)
        signal(number, SIG_DFL)
        raise(number)
    }
}
