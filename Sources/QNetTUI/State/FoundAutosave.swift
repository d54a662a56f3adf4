import Foundation
import QNetModel

/// An autosave found on opening, read, waiting to be offered back.
public struct FoundAutosave: Sendable, Hashable {
    /// The edits it holds.
    public var topology: Topology
    /// Where it is.
    public var path: String
    /// Its file name, without the folder.
    public var name: String { (path as NSString).lastPathComponent }

    public init(_ topology: Topology, path: String) {
        self.topology = topology
        self.path = path
    }
}
