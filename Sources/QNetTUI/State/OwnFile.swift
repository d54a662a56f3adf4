/// The workbench's file, as a save to another path carries it: only the file system tells whether that path names the
/// same file (through a symbolic or hard link), and such a save is then an ordinary save of the workbench's file.
public struct OwnFile: Sendable, Hashable {
    /// The workbench's file, as it was opened or saved.
    public var path: String
    /// What the file held when the workbench last read or wrote it (nil: there was no file).
    public var fingerprint: FileFingerprint?

    public init(path: String, fingerprint: FileFingerprint?) {
        self.path = path
        self.fingerprint = fingerprint
    }
}
