import CNcurses
import Dispatch
import Glibc
import Synchronization

/// The terminal's interrupt character (Ctrl-C): a key while the workbench waits for input or has just stopped waiting,
/// the terminal's SIGINT once the workbench has worked for `signalAfter` without reading input.
///
/// The terminal sends SIGINT to its whole foreground process group: under `make run` to make too, which printed
/// "make: *** [Makefile:35: run] Interrupt" and failed although the workbench had asked about unsaved edits and quit
/// cleanly. While the character is off (`c_cc[VINTR]` is `_POSIX_VDISABLE`: POSIX.1-2017, XBD 11.2.6, "Special Control
/// Characters"), Ctrl-C reaches the workbench alone, as a character read in its turn, which `CursesTerminal` turns into
/// the `.interrupt` the signal gives; Ctrl-Z and Ctrl-\ stay signals (ISIG is kept). Once the workbench has worked (a
/// long re-plan, say) for `signalAfter`, the character is on again, so that Ctrl-C interrupts as before: keys typed
/// ahead are flushed, and a Ctrl-C unread for 2 s leaves a stuck workbench (`SignalHandlers`).
final class InterruptCharacter: Sendable {
    /// The terminal's input.
    private let descriptor: Int32
    /// The character, as `stty intr` set it (Ctrl-C, 3, unless another was chosen).
    let code: cc_t
    /// Counts the switches between waiting and working, so that turning the character on for work that has ended (the
    /// workbench waits again) is dropped; the lock also keeps two switches of the terminal from crossing.
    private let switches = Mutex(0)

    /// How long the workbench works without reading input before Ctrl-C is the terminal's signal again: a quarter of a
    /// second, far longer than an edit's re-plan and redraw of a metro network take (README "Speed": 5 ms to re-plan
    /// 1,000 nodes), so that a Ctrl-C typed just after a key is still read as a key; short enough for a long re-plan.
    static let signalAfter: Duration = .milliseconds(250)

    /// Ctrl-C, the interrupt character of a terminal whose own is unknown (a pipe in tests).
    static let control: UInt32 = 3

    /// The interrupt character of the terminal on `descriptor`; nil when it is no terminal or has the character off.
    init?(descriptor: Int32) {
        var attributes = termios()
        guard tcgetattr(descriptor, &attributes) == 0 else { return nil }
        let code = nc_interrupt_character(&attributes)
        guard code != nc_disabled_character() else { return nil }
        self.descriptor = descriptor
        self.code = code
    }

    /// Input is awaited: Ctrl-C comes as a character. Set each time, not remembered: ncurses puts the terminal's modes
    /// back, the character on, when it resumes after Ctrl-Z.
    func waiting() {
        switches.withLock { count in
            count += 1
            set(nc_disabled_character())
        }
    }

    /// Input is no longer awaited: Ctrl-C comes as a character for `signalAfter` more, then as SIGINT until `waiting`.
    func working() {
        let switched = switches.withLock { count in
            count += 1
            return count
        }
        DispatchQueue.global().asyncAfter(deadline: .now() + .milliseconds(Int(Self.signalAfter.milliseconds))) {
            self.switches.withLock { count in
                if count == switched { self.set(self.code) }
            }
        }
    }

    /// The terminal is restored (`endwin` puts its own modes back): a switch still to come is dropped.
    func close() {
        switches.withLock { count in count += 1 }
    }

    private func set(_ character: cc_t) {
        var attributes = termios()
        guard tcgetattr(descriptor, &attributes) == 0 else { return }
        nc_set_interrupt_character(&attributes, character)
        _ = tcsetattr(descriptor, TCSANOW, &attributes)
    }
}
