import Foundation
import QNetFormats
import QNetModel
import Testing
@testable import QNetTUI

/// A save does not replace what another program wrote to the file since the workbench read or wrote it.
@Suite("Saving over a file another program changed: refused unless :w!")
struct ChangedOnDiskTests {
    private let opened = FileFingerprint(size: 100, hash: 1)
    private let message = ":w! overwrites, :e! reloads (your edits are lost): metro.yaml changed on disk since it was opened or saved"

    /// A session on metro.yaml as loaded, holding bytes of `opened`.
    private func loaded() -> Session {
        var session = Session()
        session.send(.loaded(TopologyDocument(topology: Fixtures.metro), path: "metro.yaml", fingerprint: opened))
        session.effects = []
        return session
    }

    @Test(":w, :wq, C-s and y in the quit question save only over the file as opened; :w! over anything; :w OTHER and :saveas OTHER only where no file is")
    func checks() {
        var session = loaded()
        session.command("set L1.length 17 km")
        let document = session.state.document
        let checked = Effect.save(document, path: "metro.yaml", check: .unchangedSince(opened))
        session.effects = []
        session.command("w")
        session.press(.ctrl("s"))
        session.command("wq")
        session.press(.character("q"))
        session.press(.character("y"))
        #expect(session.effects == [checked, checked, checked, checked])

        session.effects = []
        session.command("w!")
        session.command("wq!")
        session.command("w ./metro.yaml")   // the open file, written another way: checked as :w is
        session.command("w copy.yaml")
        session.command("w! copy.yaml")
        session.command("saveas ./metro.yaml")   // the open file under the name it has: an ordinary save
        session.command("saveas copy.yaml")
        // Another name may still be a link to the open file: the effect runner finds out (`SymlinkSaveTests`).
        let own = OwnFile(path: "metro.yaml", fingerprint: opened)
        #expect(session.effects == [.save(document, path: "metro.yaml", check: .overwrite),
                                    .save(document, path: "metro.yaml", check: .overwrite),
                                    .save(document, path: "./metro.yaml", check: .unchangedSince(opened)),
                                    .save(document, path: "copy.yaml", check: .absent, kind: .copy, own: own),
                                    .save(document, path: "copy.yaml", check: .overwrite, kind: .copy, own: own),
                                    .save(document, path: "./metro.yaml", check: .unchangedSince(opened)),
                                    .save(document, path: "copy.yaml", check: .absent, kind: .saveAs, own: own)])
    }

    /// `:w!` and `:wq!` skip the check by design (vim's `!`): the help says so (second reader).
    @Test("the help says that :w! and :wq! replace a file another program changed")
    func helpSaysBangOverwrites() {
        let help = Dictionary(uniqueKeysWithValues: KeyBindings.commands.map { ($0.usage, $0.help) })
        #expect(help[":w! [FILE], :saveas! FILE"]?.contains("replacing the file even if another program changed it since "
                                                             + "it was opened or saved") == true)
        #expect(help[":wq, :wq!"] == "save and quit; :wq! replaces the file as :w! does")
    }

    @Test("the effect runner refuses :w OTHER, :saveas OTHER and :export over a file that is there, and writes where none is")
    func otherFileIsNotOverwritten() {
        let disk = FakeDisk(["metro.yaml": Fixtures.metro, "other.yaml": Topology(name: "someone else's")])
        let runner = EffectRunner(services: disk.services)
        let document = TopologyDocument(topology: Fixtures.metro)
        #expect(runner.run(.save(document, path: "other.yaml", check: .absent)) == [.fileExists(path: "other.yaml", retry: ":w! other.yaml")])
        #expect(runner.run(.save(document, path: "other.yaml", check: .absent, kind: .copy))
                == [.fileExists(path: "other.yaml", retry: ":w! other.yaml")])
        #expect(runner.run(.save(document, path: "other.yaml", check: .absent, kind: .saveAs))
                == [.fileExists(path: "other.yaml", retry: ":saveas! other.yaml")])
        #expect(disk.file("other.yaml")?.name == "someone else's")
        #expect(runner.run(.export(Fixtures.metro, path: "other.yaml", format: .json, check: .absent))
                == [.fileExists(path: "other.yaml", retry: ":export! other.yaml")])
        #expect(runner.run(.save(document, path: "new.yaml", check: .absent)).first
                == .saved(Fixtures.metro, path: "new.yaml", fingerprint: disk.services.fingerprint("new.yaml")))
        #expect(runner.run(.save(document, path: "copy.yaml", check: .absent, kind: .copy)) == [.wroteCopy(Fixtures.metro, path: "copy.yaml")])

        var session = loaded()
        session.command("set L1.length 17 km")
        session.command("w other.yaml")
        session.effects = []
        session.send(.fileExists(path: "other.yaml", retry: ":w! other.yaml"))
        #expect(session.statusIsError && session.status == ":w! other.yaml replaces it: other.yaml is there already, not overwritten")
        #expect(session.state.filePath == "metro.yaml" && session.state.isDirty)
    }

    @Test("a refused save says what to do, keeps the edits and does not quit; :e! reloads the file")
    func refused() {
        var session = loaded()
        session.command("set L1.length 17 km")
        session.command("wq")
        session.effects = []
        session.send(.changedOnDisk(path: "metro.yaml"))
        #expect(session.effects.isEmpty)
        #expect(session.statusIsError)
        #expect(session.status == message)
        #expect(session.state.isDirty)
        #expect(!session.state.quitAfterSave)
        session.command("e")
        #expect(session.status == "refused: unsaved edits: :w first, or :e! to drop them")
        session.command("e!")
        #expect(session.effects == [.open(path: "metro.yaml")])
    }

    @Test("after a save the file's new fingerprint is the one the next save expects")
    func savedFingerprint() {
        var session = loaded()
        let written = FileFingerprint(size: 120, hash: 2)
        session.send(.saved(session.state.topology, path: "metro.yaml", fingerprint: written))
        session.effects = []
        session.command("w")
        #expect(session.effects == [.save(session.state.document, path: "metro.yaml", check: .unchangedSince(written))])
    }

    @Test("the effect runner refuses a checked save over a changed file, and writes over an unchanged or deleted one")
    func runner() {
        let disk = FakeDisk(["metro.yaml": Fixtures.metro])
        let runner = EffectRunner(services: disk.services)
        guard case .loaded(_, _, let fingerprint)? = runner.run(.open(path: "metro.yaml")).first, let fingerprint else {
            Issue.record("not loaded with a fingerprint")
            return
        }
        var edited = Fixtures.metro
        edited.links[0].length = Quantity(17, .kilometre)
        let save = Effect.save(TopologyDocument(topology: edited), path: "metro.yaml", check: .unchangedSince(fingerprint))

        var outside = Fixtures.metro
        outside.name = "renamed outside"
        disk.put(outside, at: "metro.yaml", time: 50)
        #expect(runner.run(save) == [.changedOnDisk(path: "metro.yaml")])
        #expect(disk.file("metro.yaml") == outside)

        let forced = runner.run(.save(TopologyDocument(topology: edited), path: "metro.yaml", check: .overwrite))
        #expect(disk.file("metro.yaml") == edited)
        #expect(forced == [.saved(edited, path: "metro.yaml", fingerprint: disk.services.fingerprint("metro.yaml"))])

        disk.put(Fixtures.metro, at: "metro.yaml", time: 60)  // back to the bytes as opened
        #expect(runner.run(save).first == .saved(edited, path: "metro.yaml", fingerprint: disk.services.fingerprint("metro.yaml")))
        try? disk.services.remove("metro.yaml")
        #expect(runner.run(save).first == .saved(edited, path: "metro.yaml", fingerprint: disk.services.fingerprint("metro.yaml")))
    }

    @Test("a new file someone else creates before the first :w is not overwritten")
    func newFileCreatedOutside() {
        let disk = FakeDisk()
        let runner = EffectRunner(services: disk.services)
        #expect(runner.run(.open(path: "lab.yaml")) == [.newFile(path: "lab.yaml")])
        // A new file in a folder that is not there is refused at once, not at the first save.
        #expect(runner.run(.open(path: "/nowhere/lab.yaml")) == [.failed("cannot start /nowhere/lab.yaml: there is no folder /nowhere")])
        disk.put(Fixtures.metro, at: "lab.yaml", time: 10)
        let save = Effect.save(TopologyDocument(topology: Topology(name: "lab")), path: "lab.yaml", check: .unchangedSince(nil))
        #expect(runner.run(save) == [.changedOnDisk(path: "lab.yaml")])
    }

    @Test("the tester's case on a real file: sed changes name:, then :set and :w are refused; :w! writes")
    func realFile() throws {
        try withTemporaryFile(named: "e.qnet.yaml") { path in
            try TopologyWriter.yaml(Fixtures.metro).write(toFile: path, atomically: true, encoding: .utf8)

            let runner = EffectRunner(services: .standard())
            var session = Session(Topology(name: "untitled"), path: nil)
            session.effects = [.open(path: path)]
            session.runEffects(with: runner)
            #expect(session.state.filePath == path)

            let outside = try String(contentsOfFile: path, encoding: .utf8)
                .replacingOccurrences(of: "name: metro", with: "name: changed outside")
            try outside.write(toFile: path, atomically: false, encoding: .utf8)
            session.command("set L1.length 17 km")
            session.command("w")
            session.runEffects(with: runner)
            #expect(session.status == ":w! overwrites, :e! reloads (your edits are lost): "
                    + "\((path as NSString).lastPathComponent) changed on disk since it was opened or saved")
            #expect(try String(contentsOfFile: path, encoding: .utf8) == outside)

            session.command("w!")
            session.runEffects(with: runner)
            #expect(session.status == "wrote \(path): 3 nodes, 2 links, 1 demand")
            #expect(try TopologyReader.read(contentsOf: URL(fileURLWithPath: path)).link("L1")?.length == Quantity(17, .kilometre))
            session.command("set L2.length 20 km")
            session.command("w")  // the file is as the workbench wrote it: no refusal
            session.runEffects(with: runner)
            #expect(session.status == "wrote \(path): 3 nodes, 2 links, 1 demand")
        }
    }
}
