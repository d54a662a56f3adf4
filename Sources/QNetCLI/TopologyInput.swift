import Foundation
import QNetFormats
import QNetModel

/// Loads a topology named on the command line, or throws `InvalidInput`
/// with every located error.
enum TopologyInput {
    /// The file at `path` with the place of each key path, for locating the plan's diagnostics; a pipe is read too
    /// (`qnetplan check <(generator)`).
    static func load(_ path: String) throws -> TopologyFile {
        do {
            return try TopologyReader.load(contentsOf: URL(fileURLWithPath: path), readingPipes: true)
        } catch {
            throw InvalidInput(error)
        }
    }

    /// The file at `path` for the workbench (which refuses a pipe, where `load(_:)` reads one); nil when it holds no
    /// topology (it is empty, or holds only comments), which the workbench starts anew as it does a file that does not exist.
    static func loadUnlessEmpty(_ path: String) throws -> TopologyFile? {
        do {
            return try TopologyReader.load(contentsOf: URL(fileURLWithPath: path))
        } catch where error.emptyFileComments != nil {
            return nil
        } catch {
            throw InvalidInput(error)
        }
    }
}

extension InvalidInput {
    /// Every located error of a file that does not read, one a line.
    init(_ error: TopologyLoadError) {
        self.init(report: error.diagnostics.map { "\($0)\n" }.joined())
    }
}
