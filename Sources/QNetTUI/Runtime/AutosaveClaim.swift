import CFileLocks
import Foundation
import Synchronization

/// This process's claims on autosaves of the file its workbench edits: an open-file-description lock on each
/// autosave's `.lock` sibling, held until the workbench opens another file or quits. A second workbench on the same
/// file therefore neither offers back the first one's live autosave as if a crash had left it, nor overwrites or
/// removes it; and an autosave whose lock nobody holds was left by a workbench that ended (the kernel lets go of the
/// lock when a process ends, however it ends).
final class AutosaveClaim: Sendable {
    /// This workbench's claims.
    private let claims = Mutex(Claims())

    /// The autosaves a workbench has claimed.
    private struct Claims {
        /// Each with the descriptor holding its lock (nil when no lock file can be made there).
        var held: [String: Int32?] = [:]
        /// Those other workbenches left (`takeLeft`), which this one never writes.
        var left: Set<String> = []
    }

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
        claims.withLock { Self.take(path, into: &$0) }
    }

    /// Claims the autosave at `path` that another workbench left, as `take` does; `releaseLeft` lets go of it alone.
    func takeLeft(_ path: String) -> Bool {
        claims.withLock { claims in
            guard Self.take(path, into: &claims) else { return false }
            claims.left.insert(path)
            return true
        }
    }

    /// Claims the autosave at `path` for this workbench to write when there is no file there: false when there is one
    /// (another workbench's, running or ended: this one never overwrites it) or another process holds it.
    func takeAbsent(_ path: String) -> Bool {
        claims.withLock { claims in
            guard !Self.exists(path), Self.take(path, into: &claims) else { return false }
            // Written by a workbench that ended between the look and the lock: left by it, not this one's to write.
            guard Self.exists(path) else { return true }
            Self.release(path, from: &claims)
            return false
        }
    }

    /// Whether no other process holds a claim on the autosave at `path`. Asking takes no lock (a workbench opening
    /// the file at that instant still gets it) and makes no lock file (without one, nobody holds it).
    func isFree(_ path: String) -> Bool {
        claims.withLock { claims in claims.held[path] != nil || !Self.isLocked(path) }
    }

    /// Lets go of the claim on the autosave at `path`, removing its lock file, when another workbench left it
    /// (`takeLeft`): once it is removed, nothing of it is left behind, even if this workbench is killed later.
    func releaseLeft(_ path: String) {
        claims.withLock { claims in
            if claims.left.contains(path) { Self.release(path, from: &claims) }
        }
    }

    /// Lets go of every claim held, removing their lock files.
    func release() {
        claims.withLock { claims in
            for path in claims.held.keys { Self.release(path, from: &claims) }
        }
    }

    /// Removes the lock file of the autosave at `path` when there is no autosave there and no process holds it: one
    /// a workbench killed with SIGKILL left after its autosave was removed, which would otherwise stay for good.
    func removeOrphanLock(of path: String) {
        claims.withLock { claims in
            guard claims.held[path] == nil else { return }
            let descriptor = open(Self.lockPath(path), O_RDWR | O_CLOEXEC)
            guard descriptor >= 0 else { return }
            defer { close(descriptor) }
            // Removed while locked, as a holder letting go removes it: a workbench that opened it a moment before
            // fails to lock it and takes another name.
            guard qnet_lock_take(descriptor) == 0, Self.isNamed(path, by: descriptor), !Self.exists(path) else { return }
            unlink(Self.lockPath(path))
        }
    }

    /// The lock file of the autosave at `path`.
    static func lockPath(_ path: String) -> String { path + lockSuffix }

    /// What the name of an autosave's lock file adds to the autosave's.
    static let lockSuffix = ".lock"

    /// Claims the autosave at `path` into `claims` (kept with those claimed before); false when another process holds it.
    private static func take(_ path: String, into claims: inout Claims) -> Bool {
        if claims.held[path] != nil { return true }
        switch lock(path) {
        case .busy: return false
        case .locked(let descriptor): claims.held[path] = descriptor
        case .unavailable: claims.held[path] = .some(nil)
        }
        return true
    }

    /// Lets go of the claim on the autosave at `path` held in `claims`, removing its lock file.
    private static func release(_ path: String, from claims: inout Claims) {
        claims.left.remove(path)
        guard let descriptor = claims.held.removeValue(forKey: path), let descriptor else { return }
        // Removed while still locked: a workbench that opened it a moment before fails to lock it, and says so.
        unlink(lockPath(path))
        close(descriptor)
    }

    /// Whether there is a file at `path`.
    private static func exists(_ path: String) -> Bool {
        access(path, F_OK) == 0
    }

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
