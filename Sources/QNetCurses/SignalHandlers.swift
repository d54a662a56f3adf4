import CNcurses
import Glibc

/// SIGINT and SIGTERM restore the terminal (`endwin`) and exit at once, so an
/// interrupted workbench never leaves the shell in raw mode.
enum SignalHandlers {
    static func install() {
        signal(SIGINT) { _ in
            endwin()
            _exit(130)
        }
        signal(SIGTERM) { _ in
            endwin()
            _exit(143)
        }
    }

    static func restore() {
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
    }
}
