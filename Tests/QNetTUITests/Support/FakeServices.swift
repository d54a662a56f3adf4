import Foundation
import QNetFormats
import QNetModel
import QNetPlanner
@testable import QNetTUI

/// Files kept in memory (topologies without comments), and a planner that plans every link with 2 kbit/s. Paths under
/// `/readonly/` cannot be written; paths under `/broken/` exist but cannot be read.
final class FakeDisk: @unchecked Sendable {
    private let lock = NSLock()
    private var files: [String: Topology] = [:]
    private var dates: [String: Date] = [:]
    private var tick = 0.0
    private(set) var plans = 0

    init(_ files: [String: Topology] = [:]) {
        self.files = files
        for path in files.keys { dates[path] = Date(timeIntervalSince1970: 0) }
    }

    /// Puts `topology` at `path`, modified at `time` (seconds since 1970).
    func put(_ topology: Topology, at path: String, time: Double) {
        lock.withLock {
            files[path] = topology
            dates[path] = Date(timeIntervalSince1970: time)
        }
    }

    func file(_ path: String) -> Topology? { lock.withLock { files[path] } }

    var services: WorkbenchServices {
        WorkbenchServices(
            load: { path in
                if path.hasPrefix("/broken/") { throw ServiceError("not a topology") }
                guard let topology = self.file(path) else { throw ServiceError("no such file") }
                return TopologyDocument(topology: topology)
            },
            save: { document, path in
                if path.hasPrefix("/readonly/") { throw ServiceError("permission denied") }
                self.lock.withLock {
                    self.files[path] = document.topology
                    self.tick += 1
                    self.dates[path] = Date(timeIntervalSince1970: 1000 + self.tick)
                }
            },
            plan: { topology in
                self.lock.withLock { self.plans += 1 }
                return Fixtures.plan(of: topology)
            },
            modified: { path in self.lock.withLock { self.dates[path] } },
            remove: { path in
                self.lock.withLock {
                    self.files[path] = nil
                    self.dates[path] = nil
                }
            },
            exists: { path in path.hasPrefix("/broken/") || self.exists(path) },
            fingerprint: { path in self.file(path).map { FileFingerprint(of: Data(TopologyWriter.yaml($0).utf8)) } })
    }

    func exists(_ path: String) -> Bool { file(path) != nil }
}
