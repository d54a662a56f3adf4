import Foundation
import QNetFormats
import QNetModel

/// Loads a topology named on the command line, or throws `InvalidInput`
/// with every located error.
enum TopologyInput {
    static func load(_ path: String) throws -> Topology {
        do {
            return try TopologyReader.read(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw InvalidInput(report: error.diagnostics.map { "\($0)\n" }.joined())
        }
    }
}
