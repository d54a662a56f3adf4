import Foundation
import Testing
import QNetFormats
import QNetModel
@testable import QNetTUI

@Suite("An autosave kept undecided (decide later): never overwritten nor removed by this workbench, offered again")
struct KeptAutosaveTests {
    static let usual = Autosave.path(for: "metro.yaml")
    static let own = Autosave.path(for: "metro.yaml", process: 4242)

    /// A session on metro.yaml that was offered the usual autosave (L1 9 km long) and kept it undecided.
    static func keptSession() -> Session {
        var session = Session()
        session.send(.autosaveFound(FoundAutosave(LeftAutosaveTests.metro(l1: 9), path: usual, ownWhileKept: own)))
        session.press(.character("x"))
        return session
    }

    /// Whether `effect` writes or removes the kept autosave.
    static func touchesKept(_ effect: Effect) -> Bool {
        switch effect {
        case .autosave(_, let path), .removeAutosave(let path): path == usual
        default: false
        }
    }

    @Test("x: the status says so, and edits autosave to .FILE.PID.autosave")
    func editsGoToOwn() {
        var session = Self.keptSession()
        #expect(session.status == "edits autosave to .metro.yaml.4242.autosave; kept .metro.yaml.autosave for later")
        #expect(session.state.autosavePath == Self.own && session.state.keptAutosave == Self.usual)
        session.command("set name changed")
        session.send(.idle(seconds: 5))
        #expect(session.effects.last == .autosave(session.state.document, path: Self.own))
    }

    @Test("a save removes this workbench's own autosave only, and says the kept one is still there")
    func saveKeepsIt() {
        var session = Self.keptSession()
        session.command("set name changed")
        session.send(.saved(session.state.topology, path: "metro.yaml", fingerprint: nil))
        #expect(session.effects.last == .removeAutosave(path: Self.own))
        #expect(session.status == "wrote metro.yaml; still kept for later: .metro.yaml.autosave")
        session.command("set name again")   // still its own afterwards
        session.send(.idle(seconds: 5))
        #expect(session.effects.last == .autosave(session.state.document, path: Self.own))
        #expect(!session.effects.contains(where: Self.touchesKept))
    }

    @Test(":q!, n at the quit question, :e! and :saveas OTHER drop or move this workbench's edits, never the kept autosave")
    func droppingKeepsIt() {
        var quitting = Self.keptSession()
        quitting.command("set name changed")
        quitting.command("q!")
        #expect(Array(quitting.effects.suffix(2)) == [.removeAutosave(path: Self.own), .quit])

        var answering = Self.keptSession()
        answering.command("set name changed")
        answering.press(.character("q"))
        answering.press(.character("n"))
        #expect(Array(answering.effects.suffix(2)) == [.removeAutosave(path: Self.own), .quit])

        var reloading = Self.keptSession()
        reloading.command("set name changed")
        reloading.command("e!")
        #expect(reloading.state.autosavesToDropOnOpen == [Self.own])

        var renaming = Self.keptSession()
        renaming.command("set name changed")
        renaming.command("saveas other.yaml")
        renaming.send(.saved(renaming.state.topology, path: "other.yaml", fingerprint: nil))
        #expect(Array(renaming.effects.suffix(2)) == [.removeAutosave(path: Self.own), .checkAutosave(path: "other.yaml")])
        #expect(renaming.state.autosavePath == Autosave.path(for: "other.yaml") && renaming.state.keptAutosave == nil)

        for session in [quitting, answering, reloading, renaming] {
            #expect(!session.effects.contains(where: Self.touchesKept))
        }
    }

    @Test("a file saved under a new name offers that file's usual autosave rather than removing it")
    func saveAsOffersTheNewFilesAutosave() {
        let disk = FakeDisk(["metro.yaml": Fixtures.metro])
        let other = Autosave.path(for: "other.yaml")
        disk.put(LeftAutosaveTests.metro(l1: 5), at: other, time: 10)   // left by a workbench on other.yaml that crashed
        let terminal = InMemoryTerminal(size: Size(width: 80, height: 24))
        terminal.command("saveas! other.yaml")
        let final = Workbench.run(path: "metro.yaml", terminal: terminal, services: disk.services)
        #expect(disk.file(other) == LeftAutosaveTests.metro(l1: 5))
        guard case .confirmRestore(let found) = final.mode else {
            Issue.record("not offered: \(final.mode)")
            return
        }
        #expect(found.path == other && !found.isNewerThanFile)
    }

    @Test("workbench, the tester's case: x at the offer, edit, idle, save; the kept autosave is untouched and offered again")
    func testersCase() {
        let disk = FakeDisk()
        disk.put(Fixtures.metro, at: "metro.yaml", time: 500)
        var crashed = Fixtures.metro
        crashed.name = "changed"
        disk.put(crashed, at: Self.usual, time: 600)   // left by a workbench killed with SIGKILL
        var services = disk.services
        services.claimOwnAutosave = { Autosave.path(for: $0, process: 4242) }

        let terminal = InMemoryTerminal(size: Size(width: 80, height: 24))
        terminal.type("x")
        terminal.idle(1)  // a pause: keys typed straight behind an answer are dropped
        terminal.command("set description other edit")
        terminal.idle(8)
        terminal.command("w")
        let saved = Workbench.run(path: "metro.yaml", terminal: terminal, services: services)
        #expect(disk.file(Self.usual) == crashed)
        #expect(disk.file("metro.yaml")?.description == "other edit" && disk.file(Self.own) == nil)
        #expect(saved.status?.text.hasSuffix("; still kept for later: .metro.yaml.autosave") == true)

        let reopened = Workbench.run(path: "metro.yaml", terminal: InMemoryTerminal(size: Size(width: 80, height: 24)),
                                     services: services)
        guard case .confirmRestore(let found) = reopened.mode else {
            Issue.record("not offered again: \(reopened.mode)")
            return
        }
        #expect(found.topology == crashed && found.path == Self.usual && !found.isNewerThanFile)
    }
}
