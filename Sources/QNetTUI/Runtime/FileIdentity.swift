import Foundation

/// Which file a path names, as the file system tells it: its device and inode, through symbolic links.
enum FileIdentity {
    /// Whether `a` and `b` name one file (a symbolic or hard link to it, or a path through `..`); false when either is
    /// not there.
    @Sendable static func same(_ a: String, _ b: String) -> Bool {
        var first = stat(), second = stat()
        guard stat(a, &first) == 0, stat(b, &second) == 0 else { return false }
        return first.st_dev == second.st_dev && first.st_ino == second.st_ino
    }
}
