import Foundation
import Testing
import QNetFormats
import QNetModel
import Synchronization
@testable import QNetTUI

@Suite("Autosaves other workbenches left when they ended: found, offered back in turn, removed once saved or dropped")
struct LeftAutosaveTests {
    /// A process id no process has: above the largest pid_max Linux allows (2^22). Only the name of a left autosave
    /// carries it; whether its workbench still runs is told by the lock (see `AutosaveClaim`).
    static let endedProcess: Int32 = 2_147_483_646

    /// Metro with L1 `km` long.
    static func metro(l1 km: Double) -> Topology {
        var topology = Fixtures.metro
        topology.links[0].length = Quantity(km, .kilometre)
        return topology
    }

    @Test("the autosaves workbenches kept of a file are told by their names, whatever process id they name")
    func namesOfOthers() {
        let names = [".net.yaml.autosave", ".net.yaml.17.autosave", ".net.yaml.42.autosave", ".net.yaml.17.autosave.lock",
                     ".net.yaml.x.autosave", ".net.yaml.+5.autosave", ".net.yaml.007.autosave", ".other.yaml.17.autosave",
                     "net.yaml", ".net.yaml.1.2.autosave", ".net.yaml.1.1.autosave", ".net.yaml.1.02.autosave",
                     ".net.yaml.1.2.3.autosave", ".net.yaml.1..autosave", ".net.yaml.0.autosave"]
        #expect(Autosave.perProcessPaths(for: "/n/net.yaml", among: names)
                == ["/n/.net.yaml.17.autosave", "/n/.net.yaml.42.autosave", "/n/.net.yaml.1.2.autosave"])
        // Second reader: with a file net.yaml.42 (or net.yaml.1.2) beside it, .net.yaml.42.autosave is that file's autosave.
        #expect(Autosave.perProcessPaths(for: "/n/net.yaml", among: names + ["net.yaml.42", "net.yaml.1.2"])
                == ["/n/.net.yaml.17.autosave"])
        #expect(Autosave.path(for: "/n/net.yaml", process: 1, instance: 2) == "/n/.net.yaml.1.2.autosave")
        #expect(Autosave.path(for: "/n/net.yaml", process: 17, instance: 1) == "/n/.net.yaml.17.autosave")
    }

    @Test("the real services find a left autosave (a lock file left unlocked too), never one a running workbench holds")
    func standardServicesFindOnlyLeftOnes() throws {
        try withTemporaryFile(named: "net.qnet.yaml", findOnlyLeftOnes)
    }

    private func findOnlyLeftOnes(beside file: String) {
        let ended = Autosave.path(for: file, process: Self.endedProcess)
        let killed = Autosave.path(for: file, process: Self.endedProcess - 1)   // killed -9: its lock file is still there
        let running = Autosave.path(for: file, process: Self.endedProcess - 2)
        // Named with this process's id by an earlier process that had it: left as well.
        let reused = Autosave.path(for: file, process: Self.endedProcess - 3, instance: 2)
        for path in [ended, killed, running, reused, AutosaveClaim.lockPath(killed)] {
            #expect(FileManager.default.createFile(atPath: path, contents: Data("name: n\n".utf8)))
        }
        // Another claim stands for the running workbench: its lock excludes this process's as another process's would.
        let runningWorkbench = AutosaveClaim()
        #expect(runningWorkbench.take(running))

        let first = WorkbenchServices.standard(process: Self.endedProcess - 3), second = WorkbenchServices.standard()
        #expect(Set(first.claimLeftAutosaves(file)) == [ended, killed, reused])
        #expect(second.claimLeftAutosaves(file).isEmpty)   // claimed by the first, as if being offered there
        #expect(!second.autosaveIsFree(ended) && first.autosaveIsFree(ended))
        first.releaseAutosave()
        #expect(!FileManager.default.fileExists(atPath: AutosaveClaim.lockPath(killed)))
        #expect(Set(second.claimLeftAutosaves(file)) == [ended, killed, reused])
        runningWorkbench.release()
        second.releaseAutosave()
    }

    @Test("asking whether an autosave is free takes no lock: a workbench claiming it meanwhile always gets it")
    func askingTakesNoLock() throws {
        try withTemporaryFile(named: ".net.qnet.yaml.autosave", askWhileClaiming)
    }

    private func askWhileClaiming(_ path: String) {
        // A probe that locked for a moment (flock, as before) made some of these claims fail; one that asks
        // (F_OFD_GETLK) cannot. Two claims stand for two processes.
        let (asking, claiming) = (AutosaveClaim(), AutosaveClaim())
        #expect(FileManager.default.createFile(atPath: AutosaveClaim.lockPath(path), contents: nil))
        let done = Done()
        let asker = Thread { while !done.value.withLock({ $0 }) { _ = asking.isFree(path) } }
        asker.start()
        defer { done.value.withLock { $0 = true } }
        var refused = 0
        for _ in 0..<10_000 {
            if !claiming.take(path) { refused += 1 }
            claiming.release()
            // Left as a killed workbench leaves it: the asker finds a lock file to ask about every time.
            _ = FileManager.default.createFile(atPath: AutosaveClaim.lockPath(path), contents: nil)
        }
        #expect(refused == 0)
    }

    @Test("on opening: the usual autosave first (this workbench would overwrite it), then those left, newest first, whether or not the file is newer; a second workbench is offered those left too")
    func runnerOffersInOrder() {
        let disk = FakeDisk()
        disk.put(Fixtures.metro, at: "metro.yaml", time: 500)
        let usual = Autosave.path(for: "metro.yaml")
        let older = Autosave.path(for: "metro.yaml", process: 11), newer = Autosave.path(for: "metro.yaml", process: 12)
        disk.put(Self.metro(l1: 1), at: usual, time: 600)
        disk.put(Self.metro(l1: 2), at: older, time: 300)
        disk.put(Self.metro(l1: 3), at: newer, time: 400)
        var services = disk.services
        services.claimLeftAutosaves = { _ in [older, newer] }
        services.claimOwnAutosave = { Autosave.path(for: $0, process: 4242) }
        let own = Autosave.path(for: "metro.yaml", process: 4242)
        let leftOnes: [Action] = [.autosaveFound(FoundAutosave(Self.metro(l1: 3), path: newer, isNewerThanFile: false)),
                                  .autosaveFound(FoundAutosave(Self.metro(l1: 2), path: older, isNewerThanFile: false))]
        #expect(EffectRunner(services: services).run(.checkAutosave(path: "metro.yaml")) == [
            .autosaveFound(FoundAutosave(Self.metro(l1: 1), path: usual, ownWhileKept: own))] + leftOnes)

        services.claimAutosave = { $0 != usual }
        #expect(EffectRunner(services: services).run(.checkAutosave(path: "metro.yaml")) == [
            .autosaveHeldElsewhere(path: "metro.yaml", own: own)] + leftOnes)
    }

    @Test("workbench: an autosave left by one that ended is offered on opening; r and :w keep its edit and remove it")
    func restoreAndSave() {
        let disk = FakeDisk()
        disk.put(Fixtures.metro, at: "metro.yaml", time: 500)
        let left = Autosave.path(for: "metro.yaml", process: Self.endedProcess)
        disk.put(Self.metro(l1: 7), at: left, time: 400)   // older than the file: another workbench saved since
        var services = disk.services
        services.claimLeftAutosaves = { _ in disk.exists(left) ? [left] : [] }

        let opened = Workbench.run(path: "metro.yaml", terminal: InMemoryTerminal(size: Size(width: 80, height: 24)),
                                   services: services)
        #expect(opened.mode == .confirmRestore(FoundAutosave(Self.metro(l1: 7), path: left, isNewerThanFile: false)))
        let screen = Screen.render(opened, size: Size(width: 100, height: 30)).lines.joined(separator: "\n")
        #expect(screen.contains("Unsaved edits of metro.yaml left by another workbench, which has ended:"))
        #expect(screen.contains("in .metro.yaml.2147483646.autosave, older than the file (saved or changed since)")
                && screen.contains("r  restore them"))

        let terminal = InMemoryTerminal(size: Size(width: 80, height: 24))
        terminal.type("r")
        terminal.idle(1)  // a pause: keys typed straight behind an answer are dropped
        terminal.command("w")
        let saved = Workbench.run(path: "metro.yaml", terminal: terminal, services: services)
        #expect(disk.file("metro.yaml") == Self.metro(l1: 7) && !saved.isDirty)
        #expect(disk.file(left) == nil && disk.file(Autosave.path(for: "metro.yaml")) == nil)
    }

    @Test("d discards a left autosave as it does the usual one, and the next waiting is offered; r keeps the rest")
    func severalInTurn() {
        let usual = Autosave.path(for: "metro.yaml")
        let (first, second) = (Autosave.path(for: "metro.yaml", process: 12), Autosave.path(for: "metro.yaml", process: 11))
        var session = Session()
        session.send(.autosaveFound(FoundAutosave(Self.metro(l1: 1), path: usual)))
        session.send(.autosaveFound(FoundAutosave(Self.metro(l1: 3), path: first)))
        session.send(.autosaveFound(FoundAutosave(Self.metro(l1: 2), path: second)))
        #expect(session.state.mode == .confirmRestore(FoundAutosave(Self.metro(l1: 1), path: usual)))
        let screen = Screen.render(session.state, size: Size(width: 100, height: 30)).lines.joined(separator: "\n")
        #expect(screen.contains("newer than the file:")
                && screen.contains("then 2 more: .metro.yaml.12.autosave, .metro.yaml.11.autosave"))

        session.press(.character("d"))
        #expect(session.effects == [.discardTypedAhead, .removeAutosave(path: usual)])
        #expect(session.state.mode == .confirmRestore(FoundAutosave(Self.metro(l1: 3), path: first)))
        session.press(.character("r"))
        #expect(session.state.topology == Self.metro(l1: 3) && session.state.mode == .normal)
        #expect(session.state.recoveredAutosave == first && session.state.autosavesWaiting.isEmpty)
        #expect(session.status == "restored the autosave: :w to keep it, u to go back to the file; "
                + "kept for the next opening: .metro.yaml.11.autosave")
        // Restored from another's: this workbench writes the edits to its own autosave at the next idle moment.
        session.send(.idle(seconds: 5))
        #expect(session.effects.last == .autosave(session.state.document, path: usual))

        var later = Session()
        later.send(.autosaveFound(FoundAutosave(Self.metro(l1: 3), path: first)))
        later.send(.autosaveFound(FoundAutosave(Self.metro(l1: 2), path: second)))
        later.press(.escape)
        #expect(later.status == "kept .metro.yaml.12.autosave (and 1 more) for later" && later.state.mode == .normal)
        #expect(later.effects == [.discardTypedAhead] && later.state.autosavesWaiting.isEmpty)
    }

    @Test("a restored left autosave goes with the edits dropped on purpose (:q!, :e!), as this workbench's own does")
    func droppedWithTheEdits() {
        let usual = Autosave.path(for: "metro.yaml"), left = Autosave.path(for: "metro.yaml", process: 12)
        var session = Session()
        session.send(.autosaveFound(FoundAutosave(Self.metro(l1: 3), path: left)))
        session.press(.character("r"))
        session.command("q!")
        #expect(Array(session.effects.suffix(3)) == [.removeAutosave(path: usual), .removeAutosave(path: left), .quit])

        var reloading = Session()
        reloading.send(.autosaveFound(FoundAutosave(Self.metro(l1: 3), path: left)))
        reloading.press(.character("r"))
        reloading.command("e!")
        #expect(reloading.state.autosavesToDropOnOpen == [usual, left])
    }
}

/// Whether the claims of `askingTakesNoLock` are done, for the thread asking meanwhile.
private final class Done: Sendable {
    let value = Mutex(false)
}
