import Foundation
import Testing
import QNetFormats
import QNetModel
@testable import QNetTUI

@Suite("Autosave: written when idle after edits, offered back on open, removed after save or discard")
struct AutosaveTests {
    @Test("the autosave is the hidden sibling .NAME.autosave")
    func path() {
        #expect(Autosave.path(for: "/tmp/nets/vienna.qnet.yaml") == "/tmp/nets/.vienna.qnet.yaml.autosave")
        #expect(Autosave.path(for: "metro.yaml").hasSuffix(".metro.yaml.autosave"))
    }

    @Test("newer than the file when written after it, or when there is no file")
    func newer() {
        let old = Date(timeIntervalSince1970: 100), new = Date(timeIntervalSince1970: 200)
        #expect(Autosave.isNewer(new, than: old))
        #expect(!Autosave.isNewer(old, than: new))
        #expect(!Autosave.isNewer(new, than: new))
        #expect(Autosave.isNewer(old, than: nil))
    }

    @Test("edit, then idle 3 s: one autosave; more idle writes nothing more; another edit and idle writes again")
    func idleAfterEdit() {
        var session = Session()
        session.send(.idle(seconds: 10))
        #expect(session.effects.isEmpty)  // nothing to keep
        session.command("set L1.length 40 km")
        session.effects = []
        session.send(.idle(seconds: 1))
        #expect(session.effects.isEmpty)
        session.send(.idle(seconds: 3))
        #expect(session.effects == [.autosave(session.state.document, path: Autosave.path(for: "metro.yaml"))])
        session.send(.idle(seconds: 6))
        #expect(session.effects.count == 1)
        session.command("set L1.length 41 km")
        session.send(.idle(seconds: 3))
        #expect(session.effects.filter { if case .autosave = $0 { true } else { false } }.count == 2)
    }

    @Test("an untitled network is not autosaved (it has no file to sit beside)")
    func untitled() {
        var session = Session(path: nil)
        session.command("set L1.length 40 km")
        session.send(.idle(seconds: 5))
        #expect(!session.effects.contains { if case .autosave = $0 { true } else { false } })
    }

    @Test("a save removes the autosave; :q! removes it too")
    func removal() {
        var session = Session()
        session.command("set L1.length 40 km")
        session.send(.saved(session.state.topology, path: "metro.yaml", fingerprint: nil))
        #expect(session.effects.last == .removeAutosave(path: Autosave.path(for: "metro.yaml")))
        session.command("set L1.length 41 km")
        session.command("q!")
        #expect(Array(session.effects.suffix(2)) == [.removeAutosave(path: Autosave.path(for: "metro.yaml")), .quit])
    }

    @Test(":e! drops the edits and, once the file opens, their autosave, so it is not offered back; a failed open keeps both")
    func reloadDropsTheAutosave() {
        var session = Session()
        session.command("set L1.length 41 km")
        session.command("e! broken.yaml")
        #expect(session.effects.last == .open(path: "broken.yaml"))
        session.send(.failed("could not open broken.yaml: error"))
        #expect(session.state.isDirty && session.state.autosavesToDropOnOpen.isEmpty)   // edits and autosave kept

        session.command("e!")
        #expect(session.effects.last == .open(path: "metro.yaml"))
        session.send(.loaded(TopologyDocument(topology: Fixtures.metro), path: "metro.yaml", fingerprint: nil))
        let autosave = Autosave.path(for: "metro.yaml")
        let removal = session.effects.firstIndex(of: .removeAutosave(path: autosave))
        let check = session.effects.firstIndex(of: .checkAutosave(path: "metro.yaml"))
        #expect(removal != nil && check != nil && removal! < check!)   // removed before the reopened file looks for one
    }

    @Test("the autosave dialog shows a long file name whole, widening or wrapping to the screen")
    func dialogFitsItsText() {
        var session = Session()
        session.state.filePath = "/srv/networks/quantum-backbone-2027-draft.qnet.yaml"
        var edited = Fixtures.metro
        edited.links[0].length = Quantity(99, .kilometre)
        session.send(.autosaveFound(FoundAutosave(edited, path: "/srv/networks/.quantum-backbone-2027-draft.qnet.yaml.autosave")))
        let wide = Screen.render(session.state, size: Size(width: 120, height: 40)).lines.joined(separator: "\n")
        #expect(wide.contains("Unsaved edits of quantum-backbone-2027-draft.qnet.yaml, newer than the file:"))
        #expect(wide.contains("3 nodes, 2 links, 1 demand") && wide.contains("decide later (keep the autosave)"))
        let narrow = Screen.render(session.state, size: Size(width: 60, height: 24)).lines.joined(separator: " ")
        #expect(narrow.contains("newer than the file:") && narrow.contains("decide later"))
    }

    @Test("opening finds a newer autosave: r restores it (dirty, undo goes back to the file), d discards it")
    func restoreOrDiscard() {
        var edited = Fixtures.metro
        edited.links[0].length = Quantity(99, .kilometre)
        var session = Session()
        session.send(.autosaveFound(FoundAutosave(edited, path: "/n/.metro.yaml.autosave")))
        #expect(Screen.render(session.state, size: Size(width: 80, height: 24)).lines.joined().contains("Autosave found"))
        session.press(.character("r"))
        #expect(session.state.topology == edited)
        #expect(session.state.isDirty)
        #expect(session.effects.last == .replan(edited))
        session.press(.character("u"))
        #expect(session.state.topology == Fixtures.metro)

        var other = Session()
        other.send(.autosaveFound(FoundAutosave(edited, path: "/n/.metro.yaml.autosave")))
        other.press(.character("d"))
        #expect(other.state.topology == Fixtures.metro)
        #expect(other.effects == [.discardTypedAhead, .removeAutosave(path: "/n/.metro.yaml.autosave")])
        #expect(other.state.mode == .normal)
    }

    @Test("the keys dropped behind an answer are counted before what the answer did; none dropped, nothing said")
    func droppedKeysCounted() {
        let edited = LeftAutosaveTests.metro(l1: 99)
        var session = Session()
        session.send(.autosaveFound(FoundAutosave(edited, path: "/n/.metro.yaml.autosave")))
        session.press(.character("d"))
        session.send(.droppedTypedAhead(keys: 1))
        #expect(session.status == "dropped 1 key typed after the answer; discarded the autosave")
        session.send(.droppedTypedAhead(keys: 3))
        #expect(session.status?.hasPrefix("dropped 3 keys typed after the answer; ") == true)

        // A workbench whose answer came alone says nothing of dropped keys.
        let disk = FakeDisk(["metro.yaml": Fixtures.metro])
        disk.put(edited, at: Autosave.path(for: "metro.yaml"), time: 10)
        let terminal = InMemoryTerminal(size: Size(width: 80, height: 24))
        terminal.type("d")
        terminal.idle(1)
        let final = Workbench.run(path: "metro.yaml", terminal: terminal, services: disk.services)
        #expect(final.status?.text == "discarded the autosave")
    }

    @Test("typing at the autosave question (:del L1) keeps the autosave: any key but r and d decides later")
    func typedCommandKeepsTheAutosave() {
        var edited = Fixtures.metro
        edited.links[0].length = Quantity(99, .kilometre)
        var session = Session()
        session.send(.autosaveFound(FoundAutosave(edited, path: "/n/.metro.yaml.autosave")))
        session.effects = []
        session.press(.character(":"))
        #expect(session.state.mode != .confirmRestore(FoundAutosave(edited, path: "/n/.metro.yaml.autosave")))
        #expect(session.status == "kept .metro.yaml.autosave for later")
        for letter in "del L1" { session.press(.character(letter)) }
        #expect(!session.effects.contains(.removeAutosave(path: "/n/.metro.yaml.autosave")))
    }

    @Test("workbench: a command typed straight after opening is not run in part after the autosave question took its first key, and the status line counts the keys dropped")
    func typedAheadIsDropped() {
        var edited = Fixtures.metro
        edited.links[0].length = Quantity(44, .kilometre)
        let disk = FakeDisk(["metro.yaml": Fixtures.metro])
        disk.put(edited, at: Autosave.path(for: "metro.yaml"), time: 10)
        let terminal = InMemoryTerminal(size: Size(width: 80, height: 24))
        terminal.command("set name Metro v2")   // `:` decides later; `e` would open a form, `l` pan the map
        terminal.idle(1)
        terminal.type("j")                       // typed after a pause: read
        let final = Workbench.run(path: "metro.yaml", terminal: terminal, services: disk.services)
        // `set name Metro v2` and Enter: 18 keys.
        #expect(final.status?.text.hasPrefix("dropped 18 keys typed after the answer; edits autosave to .metro.yaml.") == true)
        #expect(final.status?.text.hasSuffix("; kept .metro.yaml.autosave for later") == true)
        #expect(final.mode == .normal && final.topology == Fixtures.metro && final.viewport == .fitted)
        #expect(final.selection == Selection.all(in: Fixtures.metro).first)
        #expect(disk.file(Autosave.path(for: "metro.yaml")) == edited)
    }

    @Test("workbench: edit, wait idle, the autosave holds the edit; reopen offers it; restore and :w removes it")
    func loop() {
        let disk = FakeDisk(["metro.yaml": Fixtures.metro])
        let autosave = Autosave.path(for: "metro.yaml")
        let first = InMemoryTerminal(size: Size(width: 80, height: 24))
        first.type(":set L1.length 44 km")
        first.send([.key(.enter)])
        first.idle(8)  // 4 s without input
        first.type(":q!")
        first.send([.key(.character("!"))])  // still typing: the loop ends on hangup with the edits autosaved
        _ = Workbench.run(path: "metro.yaml", terminal: first, services: disk.services)
        #expect(disk.file(autosave)?.link("L1")?.length == Quantity(44, .kilometre))
        #expect(disk.file("metro.yaml") == Fixtures.metro)

        let second = InMemoryTerminal(size: Size(width: 80, height: 24))
        second.type("r")
        second.idle(1)  // a pause: keys typed straight behind an answer are dropped
        second.command("w")
        let final = Workbench.run(path: "metro.yaml", terminal: second, services: disk.services)
        #expect(disk.file("metro.yaml")?.link("L1")?.length == Quantity(44, .kilometre))
        #expect(disk.file(autosave) == nil)
        #expect(!final.isDirty)
    }

    @Test("an autosave older than the file is offered too, said to be older: a save that left it does not hold its edits")
    func olderOfferedAsOlder() {
        let disk = FakeDisk()
        disk.put(Fixtures.metro, at: "metro.yaml", time: 500)
        var edited = Fixtures.metro
        edited.links[0].length = Quantity(99, .kilometre)
        disk.put(edited, at: Autosave.path(for: "metro.yaml"), time: 400)
        var services = disk.services
        services.claimOwnAutosave = { Autosave.path(for: $0, process: 4242) }
        let terminal = InMemoryTerminal(size: Size(width: 80, height: 24))
        let final = Workbench.run(path: "metro.yaml", terminal: terminal, services: services)
        #expect(final.mode == .confirmRestore(FoundAutosave(edited, path: Autosave.path(for: "metro.yaml"), isNewerThanFile: false,
                                                            ownWhileKept: Autosave.path(for: "metro.yaml", process: 4242))))
        let screen = Screen.render(final, size: Size(width: 80, height: 24)).lines.joined(separator: " ")
        #expect(screen.contains("Unsaved edits of metro.yaml, older than the file (saved or changed since):"))
    }

    @Test("an autosave the same as the file is removed, not offered")
    func sameAsTheFileRemoved() {
        let disk = FakeDisk()
        disk.put(Fixtures.metro, at: "metro.yaml", time: 500)
        disk.put(Fixtures.metro, at: Autosave.path(for: "metro.yaml"), time: 600)
        let final = Workbench.run(path: "metro.yaml", terminal: InMemoryTerminal(size: Size(width: 80, height: 24)),
                                  services: disk.services)
        #expect(final.mode == .normal && disk.file(Autosave.path(for: "metro.yaml")) == nil)
    }

    @Test("a second workbench on the same file says so, offers nothing back, and keeps its own autosave beside the first one's")
    func secondWorkbenchKeepsItsOwnAutosave() {
        let disk = FakeDisk()
        disk.put(Fixtures.metro, at: "metro.yaml", time: 500)
        var first = Fixtures.metro
        first.links[0].length = Quantity(99, .kilometre)
        let autosave = Autosave.path(for: "metro.yaml")
        disk.put(first, at: autosave, time: 600)   // the first workbench's live autosave
        var services = disk.services
        services.claimAutosave = { $0 != autosave }
        services.autosaveIsFree = { $0 != autosave }
        services.claimOwnAutosave = { Autosave.path(for: $0, process: 4242) }
        let own = Autosave.path(for: "metro.yaml", process: 4242)
        #expect(own == ".metro.yaml.4242.autosave")

        let opened = Workbench.run(path: "metro.yaml", terminal: InMemoryTerminal(size: Size(width: 80, height: 24)),
                                   services: services)
        #expect(opened.mode == .normal && opened.topology == Fixtures.metro)   // the first one's autosave is not offered
        #expect(opened.status?.kind == .warning && opened.status?.text.hasPrefix(
            "open in another workbench: autosaving to .metro.yaml.4242.autosave; opened metro.yaml: ") == true)

        let terminal = InMemoryTerminal(size: Size(width: 80, height: 24))
        terminal.type(":set L1.length 7 km")
        terminal.send([.key(.enter)])
        terminal.idle(8)
        terminal.type(":q")   // still typing: input ends, as when the terminal goes away
        let edited = Workbench.run(path: "metro.yaml", terminal: terminal, services: services)
        #expect(edited.autosavePath == own && edited.topology.links[0].length == Quantity(7, .kilometre))
        #expect(disk.file(own)?.links[0].length == Quantity(7, .kilometre))
        #expect(disk.file(autosave) == first)

        let quitting = InMemoryTerminal(size: Size(width: 80, height: 24))
        quitting.type(":set L1.length 8 km")
        quitting.send([.key(.enter)])
        quitting.idle(8)
        quitting.type(":q!")
        quitting.send([.key(.enter)])
        _ = Workbench.run(path: "metro.yaml", terminal: quitting, services: services)
        #expect(disk.file(own) == nil && disk.file(autosave) == first)
    }

    @Test("a second workbench's status line shows its autosave's whole name at 80 and 120 columns, the largest process id too")
    func secondWorkbenchStatusFits() {
        var session = Session(path: "vienna.qnet.yaml")
        session.state.status = StatusMessage("opened vienna.qnet.yaml: 3 nodes, 2 links, 1 demand")
        // Linux's largest process id is 2^22: no own autosave's name is longer than this one's.
        let own = Autosave.path(for: "vienna.qnet.yaml", process: 4_194_304)
        session.send(.autosaveHeldElsewhere(path: "vienna.qnet.yaml", own: own))
        for width in [80, 120] {
            let lines = Screen.render(session.state, size: Size(width: width, height: 24)).lines
            #expect(lines[22].contains("open in another workbench: autosaving to .vienna.qnet.yaml.4194304.autosave"),
                    "at \(width) columns: \(lines[22])")
        }
    }

    @Test("the claim on an autosave: one process at a time, claims add up, all given up on release with their lock files")
    func claimIsExclusive() throws {
        try withTemporaryFile(named: ".net.qnet.yaml.autosave", claimExclusively)
    }

    private func claimExclusively(_ path: String) {
        // Two claims stand for two processes: open-file-description locks of separately opened files exclude each other.
        let (mine, theirs) = (AutosaveClaim(), AutosaveClaim())
        #expect(mine.take(path) && mine.take(path))
        #expect(!theirs.take(path) && !theirs.isFree(path) && mine.isFree(path))
        #expect(FileManager.default.fileExists(atPath: AutosaveClaim.lockPath(path)))
        mine.release()
        #expect(!FileManager.default.fileExists(atPath: AutosaveClaim.lockPath(path)))
        #expect(theirs.isFree(path) && theirs.take(path) && !mine.isFree(path))
        // Asking about a file nobody claims makes no lock file; claiming another keeps the first, until released.
        #expect(mine.isFree(path + "3") && !FileManager.default.fileExists(atPath: AutosaveClaim.lockPath(path + "3")))
        #expect(theirs.take(path + "2") && !mine.take(path) && !mine.take(path + "2"))
        theirs.release()
        #expect(!FileManager.default.fileExists(atPath: AutosaveClaim.lockPath(path + "2")))
        #expect(mine.take(path) && mine.take(path + "2"))
        mine.release()
    }
}

