import Foundation
import Synchronization

/// A progress count on standard error, rewritten in place, for work long enough to wonder about (the what-ifs of
/// a large network); silent when standard error is not a terminal, so that logs and pipes stay clean.
final class ProgressLine: Sendable {
    private let label: String
    private let enabled: Bool
    /// When the line was last written, so that it is rewritten at most every `interval`.
    private let lastWrite = Mutex<ContinuousClock.Instant?>(nil)
    private let interval: Duration = .milliseconds(200)

    /// A line that shows `label: done/total` on standard error when it is a terminal.
    init(_ label: String) {
        self.label = label
        enabled = isatty(STDERR_FILENO) == 1
    }

    /// Shows `done` of `total`; the line is rewritten at most five times a second, and always for the last item.
    func update(_ done: Int, of total: Int) {
        guard enabled else { return }
        let now = ContinuousClock.now
        // Written under the lock, so that the workers' counts reach the terminal in order.
        lastWrite.withLock { last in
            guard done == total || last.map({ now - $0 >= interval }) ?? true else { return }
            last = now
            FileHandle.standardError.write(Data("\r\(label): \(done)/\(total)".utf8))
        }
    }

    /// Clears the line (the report follows on standard output).
    func finish() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
