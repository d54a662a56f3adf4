/// What a save expects to find at its path before it writes there.
public enum SaveCheck: Sendable, Hashable {
    /// Write whatever the file holds (`:w!`, or `:w FILE` naming another file).
    case overwrite
    /// Write only while the file holds what the workbench last read or wrote there (nil: there was
    /// no file), or when it is gone; otherwise another program changed it, and the save is refused.
    case unchangedSince(FileFingerprint?)
}
