import Foundation
import QNetModel
import QNetPlanner
@testable import QNetTUI

/// Files kept in memory, and a planner that plans every link with 2 kbit/s.
final class FakeDisk: @unchecked Sendable {
    private let lock = NSLock()
    private var files: [String: Topology] = [:]
    private(set) var plans = 0

    init(_ files: [String: Topology] = [:]) { self.files = files }

    func file(_ path: String) -> Topology? { lock.withLock { files[path] } }

    var services: WorkbenchServices {
        WorkbenchServices(
            load: { path in
                guard let topology = self.file(path) else { throw ServiceError("no such file") }
                return topology
            },
            save: { topology, path in
                if path.hasPrefix("/readonly/") { throw ServiceError("permission denied") }
                self.lock.withLock { self.files[path] = topology }
            },
            plan: { topology in
                self.lock.withLock { self.plans += 1 }
                return Fixtures.plan(of: topology)
            })
    }

    func exists(_ path: String) -> Bool { file(path) != nil }
}
