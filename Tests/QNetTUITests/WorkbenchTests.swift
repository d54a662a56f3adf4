import Testing
import QNetFormats
import QNetModel
@testable import QNetTUI

@Suite("Workbench event loop, end to end on an in-memory terminal")
struct WorkbenchTests {
    private func run(_ disk: FakeDisk, path: String?, _ terminal: InMemoryTerminal) -> AppState {
        Workbench.run(path: path, terminal: terminal, services: disk.services)
    }

    @Test("open metro.yaml, press :set L1.length 31 km, Enter, :wq → the file holds 31 km and the loop ends")
    func editAndSave() {
        let disk = FakeDisk(["metro.yaml": Fixtures.metro])
        let terminal = InMemoryTerminal(size: Size(width: 80, height: 24))
        terminal.type(":set L1.length 31 km")
        terminal.send([.key(.enter)])
        terminal.type(":wq")
        terminal.send([.key(.enter)])
        let final = run(disk, path: "metro.yaml", terminal)
        #expect(disk.file("metro.yaml")?.link("L1")?.length == Quantity(31, .kilometre))
        #expect(!final.isDirty)
        #expect(terminal.pending.isEmpty)
        // On open and after the edit; and for the failure analysis of L1, which the edit selected: without a terminal
        // of its own the loop runs it in line each time the reducer asks, after the edit and after each answer until
        // its own arrives (three times; a workbench in a terminal asks its background analysis once).
        #expect(disk.plans == 5)
    }

    @Test("the screen shows the opened file, the plan time, and the edit's message")
    func screen() {
        let disk = FakeDisk(["metro.yaml": Fixtures.metro])
        let terminal = InMemoryTerminal(size: Size(width: 80, height: 24))
        terminal.type(":set L1.length 25 km")
        terminal.send([.key(.enter)])
        _ = run(disk, path: "metro.yaml", terminal)
        let first = terminal.drawn.first?.lines ?? []
        #expect(first.first?.hasPrefix(" qnetplan · metro.yaml ") == true)
        #expect(first[22].hasPrefix(" opened metro.yaml: 3 nodes, 2 links, 1 demand"))
        #expect(first[22].contains("planned in "))
        let last = terminal.screen?.lines ?? []
        #expect(last[0].hasPrefix(" qnetplan · metro.yaml [+]"))
        #expect(last[22].hasPrefix(" L1.length = 25 km"))
    }

    @Test("a resize redraws at the new size")
    func resize() {
        let disk = FakeDisk(["metro.yaml": Fixtures.metro])
        let terminal = InMemoryTerminal(size: Size(width: 80, height: 24), events: [.resize(Size(width: 50, height: 12))])
        let final = run(disk, path: "metro.yaml", terminal)
        #expect(final.screenSize == Size(width: 50, height: 12))
        #expect(terminal.screen?.size == Size(width: 50, height: 12))
    }

    @Test("a new file starts empty; :add node then :w writes it")
    func newFile() {
        let disk = FakeDisk()
        let terminal = InMemoryTerminal(size: Size(width: 80, height: 24))
        terminal.type(":add node A endpoint 0 0")
        terminal.send([.key(.enter)])
        terminal.type(":w")
        terminal.send([.key(.enter)])
        let final = run(disk, path: "fresh.yaml", terminal)
        #expect(disk.file("fresh.yaml")?.nodes.map(\.id) == ["A"])
        #expect(disk.file("fresh.yaml")?.name == "fresh")
        #expect(final.status?.text == "wrote fresh.yaml: 1 node, 0 links, 0 demands")
    }

    @Test("a document the command line already read opens as its file would, without reading it again, with its fingerprint")
    func preloadedDocument() {
        let disk = FakeDisk()  // no file: a second read would fail
        let terminal = InMemoryTerminal(size: Size(width: 80, height: 24))
        terminal.type(":q")
        terminal.send([.key(.enter)])
        let read = FileFingerprint(size: 42, hash: 7)
        let final = Workbench.run(document: TopologyDocument(topology: Fixtures.metro), path: "metro.yaml",
                                  fingerprint: read, terminal: terminal, services: disk.services)
        #expect(final.topology == Fixtures.metro)
        #expect(final.diskFingerprint == read)   // what the first save checks the file against
        #expect(final.filePath == "metro.yaml")
        #expect(terminal.drawn.first?.lines[22].hasPrefix(" opened metro.yaml: 3 nodes, 2 links, 1 demand") == true)
        #expect(disk.plans == 1)
    }

    @Test("a failed save is reported and nothing is lost; q then asks before quitting")
    func failedSave() {
        let disk = FakeDisk()
        let terminal = InMemoryTerminal(size: Size(width: 80, height: 24))
        terminal.type(":add node A endpoint 0 0")
        terminal.send([.key(.enter)])
        terminal.type(":w /readonly/x.yaml")
        terminal.send([.key(.enter)])
        terminal.type("q")
        let final = run(disk, path: nil, terminal)
        #expect(terminal.drawn.contains { $0.lines[22].hasPrefix(" could not write /readonly/x.yaml: permission denied") })
        #expect(final.status?.text == "1 unsaved edit: save before quitting? y/n, other key stays")
        #expect(final.mode == .confirmQuit)
        #expect(final.isDirty)
    }

    @Test("Ctrl-C (an interrupt) closes the command line first, then asks when there are unsaved edits; without edits it quits")
    func interruptAsksFirst() {
        let disk = FakeDisk(["metro.yaml": Fixtures.metro])
        let cancelled = InMemoryTerminal(size: Size(width: 80, height: 24))
        cancelled.type(":set L1")
        cancelled.send([.interrupt])
        #expect(run(disk, path: "metro.yaml", cancelled).mode == .normal)   // the line is dropped; the workbench stays

        let terminal = InMemoryTerminal(size: Size(width: 80, height: 24))
        terminal.type(":set L1.length 31 km")
        terminal.send([.key(.enter)])
        terminal.type(":set L1")
        terminal.send([.interrupt, .interrupt])
        let asked = run(disk, path: "metro.yaml", terminal)
        #expect(asked.mode == .confirmQuit && asked.isDirty)
        #expect(disk.file("metro.yaml")?.link("L1")?.length == Quantity(30, .kilometre))

        let clean = InMemoryTerminal(size: Size(width: 80, height: 24), events: [.interrupt, .key(.character("j"))])
        _ = run(FakeDisk(["metro.yaml": Fixtures.metro]), path: "metro.yaml", clean)
        #expect(clean.pending == [.key(.character("j"))])   // the loop ended at the interrupt
    }

    @Test("a file with several errors: the status line gives their count and where to list them before the first")
    func severalErrors() throws {
        try withTemporaryFile(named: "bad.qnet.yaml") { path in
            try "qnet: 1\nname: bad\nnodes:\n  - {id: A, kind: endpoint, position: {x: -1 kg, y: 0 km}}\n  - {id: B, kind: wizard}\n"
                .write(toFile: path, atomically: true, encoding: .utf8)
            let actions = EffectRunner(services: .standard()).run(.open(path: path))
            guard case .failed(let message)? = actions.first else { Issue.record("not refused: \(actions)"); return }
            #expect(message.hasPrefix("could not open \(path): 2 errors (qnetplan check \(path) lists them); first: \(path):4:"))
        }
    }

    @Test("a file that cannot be read is reported on the status line")
    func unreadable() {
        let disk = FakeDisk()
        let terminal = InMemoryTerminal(size: Size(width: 80, height: 24))
        terminal.type(":e /broken/net.yaml")
        terminal.send([.key(.enter)])
        let final = run(disk, path: nil, terminal)
        #expect(final.status == .error("could not open /broken/net.yaml: not a topology"))
    }

    @Test(":e of a file that does not exist starts a new, empty network named after it; :w writes it")
    func editNewFile() {
        let disk = FakeDisk(["metro.yaml": Fixtures.metro])
        let terminal = InMemoryTerminal(size: Size(width: 80, height: 24))
        terminal.type(":e lab.qnet.yaml")
        terminal.send([.key(.enter)])
        terminal.type(":add node A endpoint 0 0")
        terminal.send([.key(.enter)])
        terminal.type(":w")
        terminal.send([.key(.enter)])
        let final = run(disk, path: "metro.yaml", terminal)
        #expect(final.filePath == "lab.qnet.yaml")
        #expect(disk.file("lab.qnet.yaml")?.name == "lab")
        #expect(disk.file("lab.qnet.yaml")?.nodes.map(\.id) == ["A"])
        let shown = terminal.drawn.map { $0.lines.joined(separator: "\n") }
        #expect(shown.contains { $0.contains("new file lab.qnet.yaml: :add node ID KIND X Y to begin") })
        #expect(shown.contains { $0.contains(":add node A endpoint 0 0") && $0.contains("No nodes yet") })
    }
}
