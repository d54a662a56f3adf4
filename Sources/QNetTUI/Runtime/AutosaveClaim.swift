import CFileLocks
import Foundation
import Synchronization

/// This process's claims on autosaves of the file its workbench edits: an open-file-description lock on each
/// autosave's `.lock` sibling, held until the workbench opens another file or quits. A second workbench on the same
/// file therefore neither offers back the first one's live autosave as if a crash had left it, nor overwrites or
/// removes it; and an autosave whose lock nobody holds was left by a workbench that ended (the kernel lets go of the
/// lock when a process ends, however it ends).
final class AutosaveClaim: Sendable {
    /// The autosaves claimed, each with the descriptor holding its lock (nil when no lock file can be made there).
    private let held = Mutex<[String: Int32?]>([:])

    /// What trying to lock an autosave's lock file gave.
    private enum Attempt {
        /// Locked, through this descriptor.
        case locked(Int32)
        /// Another process holds the lock.
        case busy
        /// No lock file can be made there: nothing can hold the autosave.
        case unavailable
    }

    /// Claims the autosave at `path` (kept with those claimed before); false when another process holds it.
    func take(_ path: String) -> Bool {
        held.withLock { held in
            if held[path] != nil { return true }
            switch Self.lock(path) {
            case .busy: return false
            case .locked(let descriptor): held[path] = descriptor
            case .unavailable: held[path] = .some(nil)
            }
            return true
        }
    }

    /// Whether no other process holds a claim on the autosave at `path`. Asking takes no lock (a workbench opening
    /// the file at that instant still gets it) and makes no lock file (without one, nobody holds it).
    func isFree(_ path: String) -> Bool {
        held.withLock { held in held[path] != nil || !Self.isLocked(path) }
    }

    /// Lets go of every claim held, removing their lock files.
    func release() {
        held.withLock { held in
            for (path, descriptor) in held {
                guard let descriptor else { continue }
                // Removed while still locked: a workbench that opened it a moment before fails to lock it, and says so.
                unlink(Self.lockPath(path))
                close(descriptor)
            }
            held = [:]
        }
    }

    /// The lock file of the autosave at `path`.
    static func lockPath(_ path: String) -> String { path + ".lock" }

    private static func lock(_ path: String) -> Attempt {
        // A holder letting go removes the file it locked: a lock taken on that file in between holds nothing
        // (another workbench may lock a new one by the name), so the lock counts only on the file the name is.
        for _ in 0..<3 {
            let descriptor = open(lockPath(path), O_RDWR | O_CLOEXEC | O_CREAT, 0o600)
            guard descriptor >= 0 else { return .unavailable }
            guard qnet_lock_take(descriptor) == 0 else {
                close(descriptor)
                return .busy
            }
            if isNamed(path, by: descriptor) { return .locked(descriptor) }
            close(descriptor)
        }
        return .busy
    }

    /// Whether another process holds the lock of the autosave at `path`, asked without taking it.
    private static func isLocked(_ path: String) -> Bool {
        // A holder letting go removes its lock file before closing it: a lock seen on a file no longer named so is
        // on its way out, and the file the name is now (if any) is asked again.
        for _ in 0..<3 {
            let descriptor = open(lockPath(path), O_RDWR | O_CLOEXEC)
            guard descriptor >= 0 else { return false }
            defer { close(descriptor) }
            // One the kernel cannot answer about (-1) counts as held: not writing is safer than overwriting.
            guard qnet_lock_is_held(descriptor) != 0 else { return false }
            if isNamed(path, by: descriptor) { return true }
        }
        return true
    }

    /// Whether the lock file of the autosave at `path` is the file open as `descriptor`.
    private static func isNamed(_ path: String, by descriptor: Int32) -> Bool {
        var opened = stat(), named = stat()
        return fstat(descriptor, &opened) == 0 && stat(lockPath(path), &named) == 0
            && opened.st_dev == named.st_dev && opened.st_ino == named.st_ino
    }
}
