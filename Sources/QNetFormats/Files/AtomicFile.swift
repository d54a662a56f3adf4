import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Replaces a file's contents atomically; every system call of saving lives here.
public enum AtomicFile {
    /// Writes `data` to a temporary file beside `url`, flushes it to disk and
    /// renames it over `url` (through a symbolic link, to the file it names),
    /// keeping the permissions of a file already there. On failure the
    /// temporary file is removed and `url` is untouched.
    ///
    /// A character device or a pipe (`/dev/null`, `/dev/stdout`, a FIFO) is written to
    /// as it is, never renamed over; a folder, a block device or a socket is refused.
    public static func write(_ data: Data, to url: URL) throws(FileSaveError) {
        let target = url.resolvingSymlinksInPath().path
        var status = stat()
        if stat(target, &status) == 0, status.st_mode & S_IFMT != S_IFREG {
            switch status.st_mode & S_IFMT {
            case S_IFCHR, S_IFIFO: return try writeStream(data, to: target, url)
            case S_IFDIR: throw FileSaveError(path: url.relativePath, reason: "it is a folder")
            default: throw FileSaveError(path: url.relativePath, reason: "it is a device or a socket, not a file: not overwritten")
            }
        }
        let folder = (target as NSString).deletingLastPathComponent
        let name = (target as NSString).lastPathComponent
        let temporary = (folder.isEmpty ? "." : folder) + "/.\(name).\(UUID().uuidString).tmp"
        let mode = existingMode(of: target) ?? 0o644

        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard descriptor >= 0 else { throw failure(url) }
        do throws(FileSaveError) {
            try writeAll(data, to: descriptor, url)
            // open() applies the umask; an existing file's mode is kept as it was.
            guard fchmod(descriptor, mode) == 0, fsync(descriptor) == 0 else { throw failure(url) }
            guard close(descriptor) == 0 else { throw failure(url) }
        } catch {
            close(descriptor)
            unlink(temporary)
            throw error
        }
        guard rename(temporary, target) == 0 else {
            let error = failure(url)
            unlink(temporary)
            throw error
        }
        syncFolder(folder.isEmpty ? "." : folder)
    }

    /// Writes `data` to the character device or pipe at `path` as it is.
    private static func writeStream(_ data: Data, to path: String, _ url: URL) throws(FileSaveError) {
        let descriptor = open(path, O_WRONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw failure(url) }
        do throws(FileSaveError) {
            try writeAll(data, to: descriptor, url)
        } catch {
            close(descriptor)
            throw error
        }
        guard close(descriptor) == 0 else { throw failure(url) }
    }

    private static func writeAll(_ data: Data, to descriptor: Int32, _ url: URL) throws(FileSaveError) {
        do {
            try FileHandle(fileDescriptor: descriptor, closeOnDealloc: false).write(contentsOf: data)
        } catch {
            throw FileSaveError(path: url.relativePath, reason: error.localizedDescription)
        }
    }

    /// The permission bits of the file at `path`, or nil when there is none.
    private static func existingMode(of path: String) -> mode_t? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        return status.st_mode & 0o7777
    }

    /// Flushes the folder's entry for the renamed file; a failure here loses nothing already written.
    private static func syncFolder(_ folder: String) {
        let descriptor = open(folder, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }

    private static func failure(_ url: URL) -> FileSaveError {
        FileSaveError(path: url.relativePath, reason: String(cString: strerror(errno)))
    }
}
