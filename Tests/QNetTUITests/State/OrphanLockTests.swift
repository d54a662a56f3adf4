import Foundation
import Testing
@testable import QNetTUI

@Suite("Lock files of autosaves that are gone: removed with the autosave, and those a killed workbench left on opening")
struct OrphanLockTests {
    @Test("opening removes a lock file left without its autosave that nobody holds; not one held, nor one with its autosave")
    func openingRemovesOrphans() throws {
        try withTemporaryFile(named: "net.qnet.yaml") { file in
            let process = LeftAutosaveTests.endedProcess
            // Killed -9 after its own autosave was saved away: the lock file stays, its autosave gone.
            let orphan = Autosave.path(for: file, process: process), orphanSecond = Autosave.path(for: file, process: 5, instance: 2)
            let running = Autosave.path(for: file, process: process - 1)   // claimed before its first write
            let left = Autosave.path(for: file, process: process - 2)   // killed -9 with its autosave: offered
            let otherFile = Autosave.path(for: (file as NSString).deletingLastPathComponent + "/other.yaml", process: 5)
            #expect(FileManager.default.createFile(atPath: left, contents: Data("name: n\n".utf8)))
            for path in [orphan, orphanSecond, running, left, otherFile] {
                #expect(FileManager.default.createFile(atPath: AutosaveClaim.lockPath(path), contents: nil))
            }
            let runningWorkbench = AutosaveClaim()
            #expect(runningWorkbench.take(running))
            defer { runningWorkbench.release() }

            let services = WorkbenchServices.standard()
            #expect(services.claimLeftAutosaves(file) == [left])
            let locks = [orphan, orphanSecond, running, left, otherFile].map {
                FileManager.default.fileExists(atPath: AutosaveClaim.lockPath($0))
            }
            #expect(locks == [false, false, true, true, true])
            services.releaseAutosave()
        }
    }

    @Test("removing a left autosave removes its lock file at once; this workbench's own keeps its claim while it runs")
    func removedWithTheAutosave() throws {
        try withTemporaryFile(named: "net.qnet.yaml") { file in
            let left = Autosave.path(for: file, process: LeftAutosaveTests.endedProcess)
            #expect(FileManager.default.createFile(atPath: left, contents: Data("name: n\n".utf8)))
            let runner = EffectRunner(services: .standard())
            #expect(runner.services.claimLeftAutosaves(file) == [left])
            #expect(FileManager.default.fileExists(atPath: AutosaveClaim.lockPath(left)))
            #expect(runner.run(.removeAutosave(path: left)).isEmpty)
            #expect(!FileManager.default.fileExists(atPath: left)
                    && !FileManager.default.fileExists(atPath: AutosaveClaim.lockPath(left)))

            let usual = Autosave.path(for: file)
            #expect(runner.services.claimAutosave(usual))
            #expect(FileManager.default.createFile(atPath: usual, contents: Data("name: n\n".utf8)))
            #expect(runner.run(.removeAutosave(path: usual)).isEmpty)
            #expect(!FileManager.default.fileExists(atPath: usual) && !AutosaveClaim().isFree(usual))
            runner.services.releaseAutosave()
            #expect(!FileManager.default.fileExists(atPath: AutosaveClaim.lockPath(usual)))
        }
    }
}
