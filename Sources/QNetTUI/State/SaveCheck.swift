/// What a save expects to find at its path before it writes there.
public enum SaveCheck: Sendable, Hashable {
    /// Write whatever the file holds (`:w!`, `:w! FILE`, `:export! FILE`).
    case overwrite
    /// Write only where there is no file yet (`:w FILE` naming another file, `:export FILE`): one
    /// that is there is refused, not replaced.
    case absent
    /// Write only while the file holds what the workbench last read or wrote there (nil: there was
    /// no file), or when it is gone; otherwise another program changed it, and the save is refused.
    case unchangedSince(FileFingerprint?)
}
