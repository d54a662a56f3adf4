import Foundation
import QNetModel

/// An autosave found on opening, read, waiting to be offered back.
public struct FoundAutosave: Sendable, Hashable {
    /// The edits it holds.
    public var topology: Topology
    /// Where it is.
    public var path: String
    /// Whether it was written after the file was last modified (or there is no file); an older one was left when the
    /// file was saved or changed since, by another workbench or another program.
    public var isNewerThanFile: Bool
    /// Where this workbench writes its own edits while this autosave is kept undecided: `.FILE.PID.autosave` (or
    /// `.FILE.PID.N.autosave`) for the usual one, which it would otherwise overwrite; nil for one another workbench
    /// left, which it never writes.
    public var ownWhileKept: String?
    /// Its file name, without the folder.
    public var name: String { (path as NSString).lastPathComponent }

    public init(_ topology: Topology, path: String, isNewerThanFile: Bool = true, ownWhileKept: String? = nil) {
        self.topology = topology
        self.path = path
        self.isNewerThanFile = isNewerThanFile
        self.ownWhileKept = ownWhileKept
    }
}
