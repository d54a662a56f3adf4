/// Why a file (a topology or a report) could not be saved; the file on disk is as it was.
public struct FileSaveError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file that was to be written.
    public var path: String
    /// What failed, as the system put it (`No such file or directory`).
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    /// `cannot save FILE: REASON`.
    public var description: String { "cannot save \(path): \(reason)" }
}
