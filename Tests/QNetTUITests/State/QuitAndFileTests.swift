import Testing
import QNetFormats
import QNetModel
@testable import QNetTUI

@Suite("Quitting, saving and opening")
struct QuitAndFileTests {
    @Test("q with nothing changed quits at once")
    func quitClean() {
        var session = Session()
        session.press(.character("q"))
        #expect(session.effects == [.quit])
    }

    /// QA: an autosave written while an edit was unsaved, the edit then undone, outlived `:q!` and was offered back.
    @Test("an edit autosaved, then undone back to the file, then q, :q, :q! or :e: the autosave goes too")
    func leavingAfterUndoingEverything() {
        for leave in ["q", ":q", ":q!", ":e other.yaml"] {
            var session = Session()
            session.command("set L1.length 5 km")
            session.send(.idle(seconds: 5))
            #expect(session.effects.last == .autosave(session.state.document, path: ".metro.yaml.autosave"))
            session.press(.character("u"))
            #expect(!session.state.isDirty)
            session.effects = []
            if leave == "q" { session.press(.character("q")) } else { session.command(String(leave.dropFirst())) }
            if leave.hasPrefix(":e") {
                #expect(session.state.autosavesToDropOnOpen == [".metro.yaml.autosave"])
            } else {
                #expect(session.effects == [.removeAutosave(path: ".metro.yaml.autosave"), .quit], "\(leave)")
            }
        }
    }

    /// A second reader: an autosave restored, then `u` (as the status line offers) and `q`, lost the recovered edits.
    @Test("an autosave restored, then undone: q, :q and :q! keep it for the next opening")
    func leavingAfterUndoingARestoreKeepsIt() {
        var edited = Fixtures.metro
        edited.links[0].length = Quantity(33, .kilometre)
        for leave in ["q", ":q", ":q!"] {
            var session = Session()
            session.send(.autosaveFound(FoundAutosave(edited, path: ".metro.yaml.autosave")))
            session.press(.character("r"))
            session.press(.character("u"))
            #expect(!session.state.isDirty)
            session.effects = []
            if leave == "q" { session.press(.character("q")) } else { session.command(String(leave.dropFirst())) }
            #expect(session.effects == [.quit], "\(leave)")
        }
    }

    @Test(":q with unsaved edits refuses with a message; :q! forces")
    func quitDirty() {
        var session = Session()
        session.command("set L1.length 5 km")
        session.effects = []
        session.command("q")
        #expect(session.effects.isEmpty)
        #expect(session.status == "refused: unsaved edits: :w to save, :q! to quit without saving")
        session.command("q!")
        #expect(session.effects == [.removeAutosave(path: ".metro.yaml.autosave"), .quit])  // the edits are dropped on purpose
    }

    @Test("typing a word by mistake (q, then uantum) asks and then stays: any key but y and n leaves the question")
    func typedWordDoesNotQuit() {
        var session = Session()
        session.command("set L1.length 5 km")
        session.effects = []
        session.press(.character("q"))
        session.press(.character("u"))   // leaves the question (before: ignored, so the n of "quantum" quit)
        #expect(session.state.mode == .normal && session.status == "quit cancelled")
        for letter in "antum" { session.press(.character(letter)) }
        #expect(!session.effects.contains(.quit) && !session.effects.contains { if case .removeAutosave = $0 { true } else { false } })
    }

    @Test("q with unsaved edits asks: y saves then quits, n quits, Esc stays")
    func confirmQuit() {
        var session = Session()
        session.command("set L1.length 5 km")
        session.effects = []
        session.press(.character("q"))
        #expect(session.state.mode == .confirmQuit)
        session.press(.escape)
        #expect(session.state.mode == .normal)
        #expect(session.effects.isEmpty)

        session.press(.character("q"))
        session.press(.character("y"))
        #expect(session.effects == [.save(session.state.document, path: "metro.yaml", check: .unchangedSince(nil))])
        session.effects = []
        session.send(.saved(session.state.topology, path: "metro.yaml", fingerprint: nil))
        #expect(session.effects == [.removeAutosave(path: ".metro.yaml.autosave"), .quit])
        #expect(!session.state.isDirty)

        var other = Session()
        other.command("set L1.length 5 km")
        other.press(.character("q"))
        other.effects = []
        other.press(.character("n"))
        #expect(other.effects == [.removeAutosave(path: ".metro.yaml.autosave"), .quit])
    }

    @Test("the quit question is on the status line too, with the edits since the file was opened or saved counted")
    func quitQuestionOnTheStatusLine() {
        var session = Session()
        session.command("set L1.length 5 km")
        session.command("set L1.length 6 km")
        session.press(.character("q"))
        #expect(session.status == "2 unsaved edits: save before quitting? y/n, other key stays")
        #expect(session.state.status?.kind == .warning)
        let screen = Screen.render(session.state, size: Size(width: 80, height: 24)).lines
        #expect(screen[22].contains(" 2 unsaved edits: save before quitting? y/n, other key stays"))
        session.press(.escape)
        session.send(.saved(session.state.topology, path: "metro.yaml", fingerprint: nil))
        session.command("set L1.length 7 km")
        session.send(.interrupt)
        #expect(session.status == "1 unsaved edit: save before quitting? y/n, other key stays")
        // Undone past the save: the saved state is ahead, and the edits are not counted.
        session.press(.escape)
        session.command("undo")
        session.command("undo")
        session.press(.character("q"))
        #expect(session.status == "unsaved edits: save before quitting? y/n, other key stays")
    }

    @Test("a failed save does not quit")
    func failedSaveStays() {
        var session = Session()
        session.command("set L1.length 5 km")
        session.command("wq")
        session.effects = []
        session.send(.failed("could not write metro.yaml: disk full"))
        #expect(session.effects.isEmpty)
        #expect(session.statusIsError)
        session.send(.saved(session.state.topology, path: "metro.yaml", fingerprint: nil))
        #expect(session.effects == [.removeAutosave(path: ".metro.yaml.autosave")])  // saved, but no longer quitting
    }

    @Test(":saveas FILE (:sav FILE) saves there and the workbench now edits FILE; :w without a name asks for one")
    func saveAs() {
        var session = Session()
        session.command("saveas copy.yaml")
        session.command("sav! copy.yaml")
        let own = OwnFile(path: "metro.yaml", fingerprint: nil)
        #expect(session.effects == [.save(TopologyDocument(topology: Fixtures.metro), path: "copy.yaml", check: .absent, kind: .saveAs, own: own),
                                    .save(TopologyDocument(topology: Fixtures.metro), path: "copy.yaml", check: .overwrite, kind: .saveAs, own: own)])
        session.effects = []
        session.send(.saved(Fixtures.metro, path: "copy.yaml", fingerprint: nil))
        #expect(session.state.filePath == "copy.yaml")
        #expect(session.status == "wrote copy.yaml: 3 nodes, 2 links, 1 demand")
        // The edits autosaved for metro.yaml are in copy.yaml now: metro.yaml's autosave goes, lest it be offered back.
        // The new file's autosave is claimed as on opening (a workbench that has copy.yaml open keeps its own), and one
        // there is offered, not removed unseen.
        #expect(session.effects == [.removeAutosave(path: ".metro.yaml.autosave"), .checkAutosave(path: "copy.yaml")])

        var unnamed = Session(path: nil)
        unnamed.press(.ctrl("s"))
        #expect(unnamed.effects.isEmpty)
        #expect(unnamed.status == "no file name: use :w FILE")
        unnamed.command("saveas")
        #expect(unnamed.statusIsError && unnamed.status == "usage: :saveas FILE (write FILE and edit it from now on)")
    }

    @Test(":w FILE writes a copy: the workbench stays on its file, its edits unsaved and autosaved as before, and says so")
    func writeCopy() {
        var session = Session()
        session.command("set L1.length 5 km")
        session.command("set L2.length 6 km")
        let edited = session.state.topology
        session.effects = []
        session.command("w copy.yaml")
        #expect(session.effects == [.save(session.state.document, path: "copy.yaml", check: .absent, kind: .copy,
                                          own: OwnFile(path: "metro.yaml", fingerprint: nil))])
        session.effects = []
        session.send(.wroteCopy(edited, path: "copy.yaml"))
        #expect(session.effects.isEmpty)   // no autosave removed, none looked for beside copy.yaml
        #expect(session.state.filePath == "metro.yaml" && session.state.isDirty && session.state.savedTopology == Fixtures.metro)
        #expect(session.state.autosavePath == ".metro.yaml.autosave")
        #expect(session.status == "wrote a copy to copy.yaml, still editing metro.yaml (2 unsaved edits); "
                + "the copy: 3 nodes, 2 links, 1 demand")
        #expect(!session.statusIsError)
        // Quitting still asks: the edits are in the copy only.
        session.press(.character("q"))
        #expect(session.state.mode == .confirmQuit)

        var clean = Session()
        clean.send(.wroteCopy(Fixtures.metro, path: "backup/metro.yaml"))
        #expect(clean.status == "wrote a copy to backup/metro.yaml, still editing metro.yaml; the copy: 3 nodes, 2 links, 1 demand")

        // With no file yet, :w FILE names the network's file, as in vim.
        var unnamed = Session(path: nil)
        unnamed.command("w first.yaml")
        #expect(unnamed.effects == [.save(unnamed.state.document, path: "first.yaml", check: .absent, kind: .file)])
    }

    @Test(":w FILE with the real effect runner: the copy holds the edits, the file does not, and a second :w FILE is refused")
    func writeCopyOnDisk() {
        let disk = FakeDisk(["metro.yaml": Fixtures.metro])
        var session = Session(opening: "metro.yaml", with: EffectRunner(services: disk.services))
        session.command("set L1.length 5 km")
        session.command("w copy.yaml")
        session.runEffects(with: EffectRunner(services: disk.services))
        #expect(disk.file("copy.yaml") == session.state.topology && disk.file("metro.yaml") == Fixtures.metro)
        #expect(session.state.filePath == "metro.yaml" && session.state.isDirty)
        session.command("w copy.yaml")
        session.runEffects(with: EffectRunner(services: disk.services))
        #expect(session.statusIsError && session.status == ":w! copy.yaml replaces it: copy.yaml is there already, not overwritten")
        session.command("saveas copy.yaml")
        session.runEffects(with: EffectRunner(services: disk.services))
        #expect(session.status == ":saveas! copy.yaml replaces it: copy.yaml is there already, not overwritten")
        session.command("saveas! copy.yaml")
        session.runEffects(with: EffectRunner(services: disk.services))
        #expect(session.state.filePath == "copy.yaml" && !session.state.isDirty)
    }

    @Test(":e refuses to drop unsaved edits unless forced, and a loaded file starts afresh")
    func open() {
        var session = Session()
        session.command("set L1.length 5 km")
        session.effects = []
        session.command("e other.yaml")
        #expect(session.effects.isEmpty)
        session.command("e! other.yaml")
        // The dropped edits' autosave goes with them once other.yaml opens (AutosaveTests).
        #expect(session.effects == [.open(path: "other.yaml")])
        var other = Topology(name: "other")
        other.nodes = [Fixtures.node("X", .endpoint, x: 0, y: 0)]
        session.send(.loaded(TopologyDocument(topology: other), path: "other.yaml", fingerprint: nil))
        #expect(session.state.topology == other)
        #expect(session.state.undoStack.isEmpty && !session.state.isDirty)
        #expect(session.state.filePath == "other.yaml")
        #expect(session.status == "opened other.yaml: 1 node, 0 links, 0 demands")
        // The command history is the workbench's, not the file's: ↑ still recalls what was typed before :e.
        #expect(session.state.commandHistory == ["set L1.length 5 km", "e other.yaml", "e! other.yaml"])
    }

    @Test(":export asks for a report by extension and refuses others, or none; it replaces a file only with ! or one it exported")
    func export() {
        var session = Session()
        session.command("export out.md")
        #expect(session.effects == [.export(Fixtures.metro, path: "out.md", format: .markdown, check: .absent)])
        session.effects = []
        session.send(.fileExists(path: "out.md", retry: ":export! out.md"))
        #expect(session.statusIsError && session.status == ":export! out.md replaces it: out.md is there already, not overwritten")
        session.command("export! out.md")
        #expect(session.effects == [.export(Fixtures.metro, path: "out.md", format: .markdown, check: .overwrite)])
        session.send(.exported(path: "out.md"))
        session.effects = []
        session.command("export out.md")   // exported by this workbench: exported again without asking, unless read-only
        #expect(session.effects == [.export(Fixtures.metro, path: "out.md", format: .markdown, check: .replace)])
        session.command("export out.txt")
        #expect(session.status == "cannot export '.txt': name a file ending in .md, .json or .csv")
        // A name without an extension is told by its name, not as '.' (second reader).
        for (path, named) in [("/tmp/out", "out"), ("reports", "reports"), ("reports/", "reports")] {
            session.effects = []
            session.command("export " + path)
            #expect(session.statusIsError && session.effects.isEmpty)
            #expect(session.status == "cannot export '\(named)': name a file ending in .md, .json or .csv")
        }
    }

    @Test("a plan of an older topology is ignored")
    func stalePlan() {
        var session = Session()
        let old = session.state.topology
        session.command("set L1.length 5 km")
        session.send(.planned(Fixtures.plan(of: old), of: old, seconds: 0.01))
        #expect(session.state.plan == nil)
        session.send(.planned(Fixtures.plan(of: session.state.topology), of: session.state.topology, seconds: 0.01))
        #expect(session.state.plan != nil)
        #expect(session.state.planSeconds == 0.01)
    }

    @Test("an error is repeated after quitting only when the status line cut it short")
    func errorCutShortOnTheStatusLine() {
        let typo = StatusMessage.error("unknown command 'frob'")
        #expect(typo.fitsStatusLine(width: 80))
        #expect(!typo.fitsStatusLine(width: DisplayWidth.of(typo.text)))   // the one-space margin
        #expect(typo.fitsStatusLine(width: DisplayWidth.of(typo.text) + 1))
        #expect(!StatusMessage.error("3 errors:\nline 1\nline 2").fitsStatusLine(width: 200))
    }
}

