import Foundation
import QNetFormats
import QNetModel
import QNetPlanner
import Synchronization

extension WorkbenchServices {
    /// The real services: the topology reader and atomic writer (which keep the file's
    /// comments), and an
    /// incremental planner that re-runs only the links an edit touched.
    public static func standard() -> WorkbenchServices {
        let planner = SharedPlanningSession()
        let claim = AutosaveClaim()
        let process = ProcessInfo.processInfo.processIdentifier
        return WorkbenchServices(
            load: { path in try TopologyReader.document(contentsOf: URL(fileURLWithPath: path)) },
            save: { document, path in try TopologyWriter.write(document, to: URL(fileURLWithPath: path)) },
            plan: { topology in planner.plan(topology) },
            modified: { path in
                (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date
            },
            remove: { path in
                guard FileManager.default.fileExists(atPath: path) else { return }
                try FileManager.default.removeItem(atPath: path)
            },
            exists: { path in FileManager.default.fileExists(atPath: path) },
            fingerprint: { path in
                (try? Data(contentsOf: URL(fileURLWithPath: path))).map { FileFingerprint(of: $0) }
            },
            claimAutosave: { path in claim.take(path) },
            autosaveIsFree: { path in claim.isFree(path) },
            claimLeftAutosaves: { path in
                let folder = (path as NSString).deletingLastPathComponent
                let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.isEmpty ? "." : folder)) ?? []
                // Held by a running workbench (its lock) or by none: the kernel lets go of a lock when its process ends.
                return Autosave.othersPaths(for: path, among: names, besides: process).filter(claim.take)
            },
            releaseAutosave: { claim.release() },
            processID: process)
    }
}

/// A `PlanningSession` behind a lock, so that the `@Sendable` plan service can hold its caches.
private final class SharedPlanningSession: Sendable {
    private let session = Mutex(PlanningSession())

    func plan(_ topology: Topology) -> Plan {
        session.withLock { $0.plan(topology) }
    }
}
