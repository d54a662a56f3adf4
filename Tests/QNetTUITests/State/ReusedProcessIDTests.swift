import Foundation
import Testing
import QNetFormats
import QNetModel
@testable import QNetTUI

@Suite("A process id an earlier workbench had (containers, tmux reuse them): its autosave is offered, never taken over")
struct ReusedProcessIDTests {
    /// The id of this workbench's process, which a workbench that ended had before it.
    static let process = LeftAutosaveTests.endedProcess

    /// The topology file, the usual autosave, the one the earlier process left and the name this workbench's own takes.
    struct Folder {
        let file: String
        var usual: String { Autosave.path(for: file) }
        var left: String { Autosave.path(for: file, process: ReusedProcessIDTests.process) }
        var own: String { Autosave.path(for: file, process: ReusedProcessIDTests.process, instance: 2) }

        /// Writes the file (L1 1 km), the usual autosave (2 km) and the left one (7 km).
        init(_ file: String) throws {
            self.file = file
            for (path, km) in [(file, 1.0), (usual, 2), (left, 7)] {
                try TopologyWriter.write(TopologyDocument(topology: LeftAutosaveTests.metro(l1: km)),
                                         to: URL(fileURLWithPath: path))
            }
        }

        /// The length of L1 in km in the topology at `path`; nil when there is no file there.
        func l1(_ path: String) -> Double? {
            guard FileManager.default.fileExists(atPath: path) else { return nil }
            let topology = try? TopologyReader.document(contentsOf: URL(fileURLWithPath: path)).topology
            return (topology?.links[0].length?.si).map { $0 / 1000 }
        }
    }

    @Test("a usual autosave that does not read is kept as it is: this workbench's edits autosave to its own")
    func unreadableAutosaveIsKept() throws {
        try withTemporaryFile(named: "net.qnet.yaml") { path in
            let folder = try Folder(path)
            try "nodes: [".write(toFile: folder.usual, atomically: true, encoding: .utf8)
            let runner = EffectRunner(services: .standard(process: Self.process))
            let actions = runner.run(.checkAutosave(path: folder.file))
            guard case .autosaveUnreadable(folder.usual, let own, _)? = actions.first else {
                Issue.record("expected the unreadable autosave kept, got \(actions)")
                return
            }
            #expect(own == folder.own)
            var state = AppState(topology: LeftAutosaveTests.metro(l1: 1), filePath: folder.file)
            _ = reduce(into: &state, actions[0])
            #expect(state.autosavePath == folder.own && state.keptAutosave == folder.usual)
            #expect(!state.editAutosaves.contains(folder.usual))
            #expect(try String(contentsOfFile: folder.usual, encoding: .utf8) == "nodes: [")
            runner.services.releaseAutosave()
        }
    }

    @Test("opening offers the .FILE.PID.autosave named with this process's id; its own autosave takes .FILE.PID.2.autosave")
    func offeredWhileOwnTakesTheNextName() throws {
        try withTemporaryFile(named: "net.qnet.yaml") { path in
            let folder = try Folder(path)
            #expect((folder.own as NSString).lastPathComponent == ".net.qnet.yaml.\(Self.process).2.autosave")
            let runningWorkbench = AutosaveClaim()   // another workbench has the file open and keeps the usual autosave
            #expect(runningWorkbench.take(folder.usual))
            let runner = EffectRunner(services: .standard(process: Self.process))
            #expect(Self.outline(runner.run(.checkAutosave(path: folder.file)))
                    == ["held elsewhere, own \(folder.own)", "found \(folder.left)"])

            runningWorkbench.release()   // it quit without saving: its autosave is left, this one's own is named for later
            #expect(Self.outline(runner.run(.checkAutosave(path: folder.file)))
                    == ["found \(folder.usual), own \(folder.own)", "found \(folder.left)"])

            #expect(runner.run(.autosave(TopologyDocument(topology: LeftAutosaveTests.metro(l1: 9)), path: folder.own)).isEmpty)
            #expect(runner.run(.removeAutosave(path: folder.own)).isEmpty)
            #expect(folder.l1(folder.left) == 7 && folder.l1(folder.usual) == 2 && folder.l1(folder.own) == nil)
            runner.services.releaseAutosave()
        }
    }

    @Test("workbench: kept undecided, the left one outlives this workbench's autosaving and :w", arguments: [true, false])
    func leftOneOutlivesEditsAndSave(usualHeldElsewhere: Bool) throws {
        try withTemporaryFile(named: "net.qnet.yaml") { path in
            let folder = try Folder(path)
            let runningWorkbench = AutosaveClaim()
            if usualHeldElsewhere { #expect(runningWorkbench.take(folder.usual)) }
            defer { runningWorkbench.release() }

            let editing = InMemoryTerminal(size: Size(width: 100, height: 30))
            editing.type("x")   // decides later at the first offer, keeping every one waiting
            editing.idle(1)
            editing.command("set L1.length 9 km")
            editing.idle(8)
            editing.type(":q")   // still typing: input ends, as when the terminal goes away
            let edited = Workbench.run(path: folder.file, terminal: editing, services: .standard(process: Self.process))
            #expect(edited.autosavePath == folder.own, "\(edited.status?.text ?? "")")
            #expect(folder.l1(folder.own) == 9 && folder.l1(folder.left) == 7 && folder.l1(folder.usual) == 2)

            try FileManager.default.removeItem(atPath: folder.own)   // only the left one this test is about is offered
            let saving = InMemoryTerminal(size: Size(width: 100, height: 30))
            saving.type("x")
            saving.idle(1)
            saving.command("set L1.length 9 km")
            saving.idle(8)
            saving.command("w")
            let saved = Workbench.run(path: folder.file, terminal: saving, services: .standard(process: Self.process))
            #expect(!saved.isDirty && folder.l1(folder.file) == 9, "\(saved.status?.text ?? "")")
            #expect(folder.l1(folder.left) == 7 && folder.l1(folder.usual) == 2 && folder.l1(folder.own) == nil)
        }
    }

    /// What the actions of a `checkAutosave` say, one line each, the paths in full.
    private static func outline(_ actions: [Action]) -> [String] {
        actions.map { action in
            switch action {
            case .autosaveHeldElsewhere(_, let own): "held elsewhere, own \(own)"
            case .autosaveFound(let found): "found \(found.path)" + (found.ownWhileKept.map { ", own \($0)" } ?? "")
            default: "\(action)"
            }
        }
    }
}
