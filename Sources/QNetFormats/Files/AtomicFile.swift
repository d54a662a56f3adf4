import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes files so that a reader, a crash or a full disk never sees half a file:
/// the data goes to a temporary file in the same folder, is flushed to disk,
/// and is renamed over the target. The target keeps its permissions.
public enum AtomicFile {
    /// Why a write failed; the target is untouched and no temporary file is left behind.
    public struct WriteError: Error, CustomStringConvertible {
        public let path: String
        public let reason: String
        public var description: String { "\(path): \(reason)" }
    }

    /// Replaces the contents of `url` with `data`, atomically.
    public static func write(_ data: Data, to url: URL) throws(WriteError) {
        let target = url.standardizedFileURL.path
        let folder = (target as NSString).deletingLastPathComponent
        let name = (target as NSString).lastPathComponent
        let temporary = "\(folder)/.\(name).\(getpid()).tmp"

        var mode: mode_t = 0o644
        var status = stat()
        if stat(target, &status) == 0 { mode = status.st_mode & 0o7777 }

        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_TRUNC, mode)
        guard descriptor >= 0 else { throw WriteError(path: target, reason: errorText()) }
        var failure: String?
        data.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(descriptor, base + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = errorText()
                    return
                }
                offset += written
            }
        }
        if failure == nil, fsync(descriptor) != 0 { failure = errorText() }
        if close(descriptor) != 0, failure == nil { failure = errorText() }
        if failure == nil, rename(temporary, target) != 0 { failure = errorText() }
        if let failure {
            unlink(temporary)
            throw WriteError(path: target, reason: failure)
        }
        syncFolder(folder)
    }

    /// Flushes the folder entry so the rename itself survives a power cut.
    private static func syncFolder(_ folder: String) {
        let descriptor = open(folder, O_RDONLY | O_DIRECTORY)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }

    private static func errorText() -> String { String(cString: strerror(errno)) }
}
