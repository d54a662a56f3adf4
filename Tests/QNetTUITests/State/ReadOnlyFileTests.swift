import Foundation
import QNetFormats
import QNetModel
import Testing
@testable import QNetTUI

/// A file its user made read-only (`chmod 444`) is not replaced by a save unless the user forces it.
@Suite("Saving over a read-only file: refused unless :w!")
struct ReadOnlyFileSaveTests {
    /// A runner over a disk holding metro.yaml (read-only) and other.yaml (read-only too).
    private func runner() -> (FakeDisk, EffectRunner) {
        let disk = FakeDisk(["metro.yaml": Fixtures.metro, "other.yaml": Topology(name: "kept")])
        var services = disk.services
        services.isReadOnly = { ["metro.yaml", "other.yaml", "out.md"].contains($0) }
        return (disk, EffectRunner(services: services))
    }

    @Test("the effect runner refuses :w, :w OTHER, :saveas OTHER and :export over a read-only file, naming the command that forces it")
    func runnerRefuses() {
        let (disk, runner) = runner()
        var edited = Fixtures.metro
        edited.name = "edited"
        let document = TopologyDocument(topology: edited)
        let opened = disk.services.fingerprint("metro.yaml")
        #expect(runner.run(.save(document, path: "metro.yaml", check: .unchangedSince(opened)))
                == [.readOnly(path: "metro.yaml", retry: ":w!")])
        #expect(runner.run(.save(document, path: "other.yaml", check: .absent)) == [.readOnly(path: "other.yaml", retry: ":w! other.yaml")])
        #expect(runner.run(.save(document, path: "other.yaml", check: .absent, kind: .copy))
                == [.readOnly(path: "other.yaml", retry: ":w! other.yaml")])
        #expect(runner.run(.save(document, path: "other.yaml", check: .absent, kind: .saveAs))
                == [.readOnly(path: "other.yaml", retry: ":saveas! other.yaml")])
        #expect(runner.run(.export(edited, path: "out.md", format: .markdown, check: .absent)) == [.readOnly(path: "out.md", retry: ":export! out.md")])
        #expect(runner.run(.export(edited, path: "out.md", format: .markdown, check: .replace)) == [.readOnly(path: "out.md", retry: ":export! out.md")])
        #expect(disk.file("metro.yaml") == Fixtures.metro && disk.file("other.yaml")?.name == "kept")
        #expect(runner.run(.save(document, path: "metro.yaml", check: .overwrite)).first
                == .saved(edited, path: "metro.yaml", fingerprint: disk.services.fingerprint("metro.yaml")))
    }

    /// Second reader: a read-only file that changed on disk (a version-control sync rewrote it) was refused as read-only
    /// only, so the advised :w! wrote over the change. The change is told first.
    @Test("a read-only file that changed on disk since it was read is refused as changed, not as read-only")
    func changedOnDiskBeforeReadOnly() {
        let (disk, runner) = runner()
        let opened = disk.services.fingerprint("metro.yaml")
        disk.put(Topology(name: "someone else's edit"), at: "metro.yaml", time: 5)
        #expect(runner.run(.save(TopologyDocument(topology: Fixtures.metro), path: "metro.yaml", check: .unchangedSince(opened)))
                == [.changedOnDisk(path: "metro.yaml", readOnly: true)])
        #expect(disk.file("metro.yaml")?.name == "someone else's edit")
        var session = Session(Fixtures.metro)
        session.send(.changedOnDisk(path: "metro.yaml", readOnly: true))
        #expect(session.status?.hasSuffix("changed on disk since it was opened or saved, and is read-only") == true)
    }

    @Test("the refusal says the file is read-only and how to write it anyway; it keeps the edits and does not quit")
    func refusalMessage() {
        var session = Session()
        session.command("set L1.length 17 km")
        session.press(.character("q"))
        session.press(.character("y"))
        #expect(session.state.quitAfterSave)
        session.effects = []
        session.send(.readOnly(path: "metro.yaml", retry: ":w!"))
        #expect(session.statusIsError && session.status == "metro.yaml is read-only: :w! to write it anyway")
        #expect(!session.state.quitAfterSave && session.state.isDirty && session.effects.isEmpty)
        session.send(.readOnly(path: "data/other.yaml", retry: ":w! data/other.yaml"))
        #expect(session.status == "other.yaml is read-only: :w! data/other.yaml to write it anyway")
    }

    @Test("opening a read-only file says so first on the status line, with how to override")
    func openingSaysReadOnly() {
        let (_, runner) = runner()
        var session = Session(path: nil)
        session.send(.loaded(TopologyDocument(topology: Fixtures.metro), path: "metro.yaml", fingerprint: nil))
        #expect(session.effects.contains(.checkReadOnly(path: "metro.yaml")))
        for action in runner.run(.checkReadOnly(path: "metro.yaml")) { session.send(action) }
        #expect(session.state.status?.kind == .warning)
        #expect(session.status?.hasPrefix("read-only: :w! writes it anyway; opened metro.yaml: ") == true)
        #expect(runner.run(.checkReadOnly(path: "new.yaml")).isEmpty)
    }

    @Test("with the real services, :w refuses a chmod 444 file and :w! writes it, keeping its mode")
    func realFile() throws {
        try withTemporaryFile(named: "metro.qnet.yaml") { path in
            try TopologyWriter.write(Fixtures.metro, to: URL(fileURLWithPath: path))
            try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: path)
            let runner = EffectRunner(services: .standard())
            defer { runner.services.releaseAutosave() }
            var session = Session(opening: path, with: runner)
            #expect(session.status?.hasPrefix("read-only: :w! writes it anyway; opened \(path)") == true)
            session.command("set L1.length 17 km")
            session.command("w")
            session.runEffects(with: runner)
            #expect(session.status == "metro.qnet.yaml is read-only: :w! to write it anyway")
            #expect(try TopologyReader.read(contentsOf: URL(fileURLWithPath: path)) == Fixtures.metro)
            session.command("w!")
            session.runEffects(with: runner)
            #expect(session.status == "wrote \(path): 3 nodes, 2 links, 1 demand")
            #expect(try TopologyReader.read(contentsOf: URL(fileURLWithPath: path)).link("L1")?.length == Quantity(17, .kilometre))
            #expect(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int == 0o444)
        }
    }
}
