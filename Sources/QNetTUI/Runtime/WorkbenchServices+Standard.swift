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
        standard(process: ProcessInfo.processInfo.processIdentifier)
    }

    /// The real services, naming this workbench's own autosaves with the process id `process` (tests give one that an
    /// earlier process had).
    static func standard(process: Int32) -> WorkbenchServices {
        let planner = SharedPlanningSession()
        let claim = AutosaveClaim()
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
            isFolder: { path in
                var isFolder: ObjCBool = false
                return FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && isFolder.boolValue
            },
            sameFile: FileIdentity.same,
            isReadOnly: { path in ReadOnlyFile.isReadOnly(path) },
            fingerprint: { path in
                (try? Data(contentsOf: URL(fileURLWithPath: path))).map { FileFingerprint(of: $0) }
            },
            claimAutosave: { path in claim.take(path) },
            autosaveIsFree: { path in claim.isFree(path) },
            claimLeftAutosaves: { path in
                let folder = (path as NSString).deletingLastPathComponent
                let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.isEmpty ? "." : folder)) ?? []
                let locked = names.filter { $0.hasSuffix(AutosaveClaim.lockSuffix) }
                    .map { String($0.dropLast(AutosaveClaim.lockSuffix.count)) }
                Autosave.perProcessPaths(for: path, among: locked).forEach(claim.removeOrphanLock)
                // Held by a running workbench (its lock) or by none: the kernel lets go of a lock when its process ends.
                return Autosave.perProcessPaths(for: path, among: names).filter(claim.takeLeft)
            },
            claimOwnAutosave: { path in
                // Each name passed over has a file (an autosave, or a lock another process holds): a folder has
                // only so many.
                var instance = 0, own: String
                repeat {
                    instance += 1
                    own = Autosave.path(for: path, process: process, instance: instance)
                } while !claim.takeAbsent(own)
                return own
            },
            releaseLeftAutosave: { path in claim.releaseLeft(path) },
            releaseAutosave: { claim.release() })
    }
}

/// A `PlanningSession` behind a lock, so that the `@Sendable` plan service can hold its caches.
private final class SharedPlanningSession: Sendable {
    private let session = Mutex(PlanningSession())

    func plan(_ topology: Topology) -> Plan {
        session.withLock { $0.plan(topology) }
    }
}
