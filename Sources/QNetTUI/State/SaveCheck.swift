/// What a save expects to find at its path before it writes there.
public enum SaveCheck: Sendable, Hashable {
    /// Write whatever the file holds, even one made read-only (`:w!`, `:w! FILE`, `:saveas! FILE`, `:export! FILE`).
    case overwrite
    /// Write whatever the file holds unless it is read-only (`:export FILE` again, for a report this workbench
    /// exported).
    case replace
    /// Write only where there is no file yet (`:w FILE`, `:saveas FILE` naming another file, `:export FILE`): one
    /// that is there is refused, not replaced (a read-only one said to be read-only).
    case absent
    /// Write only while the file holds what the workbench last read or wrote there (nil: there was
    /// no file), or when it is gone; otherwise another program changed it, and the save is refused. A read-only file
    /// is refused too.
    case unchangedSince(FileFingerprint?)
}
