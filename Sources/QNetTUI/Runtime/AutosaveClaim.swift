import Foundation
import Synchronization

/// This process's claim on the autosave of the file its workbench edits: an advisory lock (`flock`) on the
/// autosave's `.lock` sibling, held until the workbench opens another file or quits, so that a second workbench
/// on the same file neither offers back the first one's live autosave as if a crash had left it, nor overwrites
/// or removes it.
final class AutosaveClaim: Sendable {
    /// The autosave claimed, and the descriptor holding its lock (nil when no lock file can be made there).
    private let held = Mutex<(path: String, descriptor: Int32?)?>(nil)

    /// What trying to lock an autosave's lock file gave.
    private enum Attempt {
        /// Locked, through this descriptor.
        case locked(Int32)
        /// Another process holds the lock.
        case busy
        /// No lock file (none may be made, or, asking only, there is none): nothing holds the autosave.
        case unavailable
    }

    /// Claims the autosave at `path`, letting go of the one held before; false when another process holds it.
    func take(_ path: String) -> Bool {
        held.withLock { held in
            if held?.path == path { return true }
            Self.release(&held)
            switch Self.lock(path) {
            case .busy: return false
            case .locked(let descriptor): held = (path, descriptor)
            case .unavailable: held = (path, nil)
            }
            return true
        }
    }

    /// Whether no other process holds a claim on the autosave at `path` (asking makes no lock file: without one,
    /// nobody holds it).
    func isFree(_ path: String) -> Bool {
        held.withLock { held in
            if held?.path == path { return true }
            switch Self.lock(path, create: false) {
            case .busy: return false
            case .locked(let descriptor):
                close(descriptor)
                return true
            case .unavailable: return true
            }
        }
    }

    /// Lets go of the claim held, removing its lock file.
    func release() {
        held.withLock { Self.release(&$0) }
    }

    /// The lock file of the autosave at `path`.
    static func lockPath(_ path: String) -> String { path + ".lock" }

    private static func release(_ held: inout (path: String, descriptor: Int32?)?) {
        guard let claim = held else { return }
        if let descriptor = claim.descriptor {
            // Removed while still locked: a workbench that opened it a moment before fails to lock it, and says so.
            unlink(lockPath(claim.path))
            close(descriptor)
        }
        held = nil
    }

    private static func lock(_ path: String, create: Bool = true) -> Attempt {
        // A holder letting go removes the file it locked: a lock taken on that file in between holds nothing
        // (another workbench may lock a new one by the name), so the lock counts only on the file the name is.
        for _ in 0..<3 {
            let descriptor = open(lockPath(path), O_RDWR | O_CLOEXEC | (create ? O_CREAT : 0), 0o600)
            guard descriptor >= 0 else { return .unavailable }
            guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
                close(descriptor)
                return .busy
            }
            var locked = stat(), named = stat()
            if fstat(descriptor, &locked) == 0, stat(lockPath(path), &named) == 0,
               locked.st_dev == named.st_dev, locked.st_ino == named.st_ino {
                return .locked(descriptor)
            }
            close(descriptor)
        }
        return .busy
    }
}
