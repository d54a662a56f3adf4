import Foundation
import QNetFormats
import QNetModel

/// Loads a topology named on the command line, or throws `InvalidInput`
/// with every located error.
enum TopologyInput {
    /// The file at `path` with the place of each key path, for locating the plan's diagnostics.
    static func load(_ path: String) throws -> TopologyFile {
        do {
            return try TopologyReader.load(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw InvalidInput(report: error.diagnostics.map { "\($0)\n" }.joined())
        }
    }
}
