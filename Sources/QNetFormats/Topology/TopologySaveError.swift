/// Why a topology file could not be saved; the file on disk is as it was.
public struct TopologySaveError: Error, Sendable, Hashable, CustomStringConvertible {
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
