import Foundation
import QNetFormats
import QNetModel
import Testing
@testable import QNetTUI

/// The file's comments go through the workbench: loaded with the file, carried across edits
/// (renames move them, undo moves them back), written by `:w`.
@Suite("State: the file's comments survive editing and :w")
struct CommentsTests {
    private let file = """
        # Metro test network.
        qnet: 1
        name: metro
        nodes:
        # Alice.
        - id: A
          position: {x: 0 km, y: 0 km}
        - id: B   # Bob, to be deleted
          position: {x: 10 km, y: 0 km}
        - id: C
          position: {x: 20 km, y: 0 km}
        links:
        # The first hop.
        - id: L1
          between: [A, C]
          length: 20 km   # measured
        - id: L2   # goes with B
          between: [B, C]
          length: 10 km

        """

    @Test("a rename, a delete and an add in the workbench, then :wq: every comment of a kept item is in its place")
    func editAndSave() throws {
        try withTemporaryFile(named: "metro.qnet.yaml") { path in
            try file.write(toFile: path, atomically: true, encoding: .utf8)

            let terminal = InMemoryTerminal(size: Size(width: 100, height: 30))
            for line in [":set L1.id L1b", ":del B", ":add node D endpoint 5 5", ":wq"] {
                terminal.type(line)
                terminal.send([.key(.enter)])
            }
            let state = Workbench.run(path: path, terminal: terminal, services: .standard())
            #expect(!state.isDirty, "\(state.status?.text ?? "")")

            let saved = try String(contentsOfFile: path, encoding: .utf8)
            let reloaded = try TopologyReader.document(yaml: saved, file: path)
            #expect(reloaded.topology == state.topology)
            #expect(reloaded.comments.texts == ["# Metro test network.", "# Alice.", "# The first hop.", "# measured"])
            #expect(saved.hasPrefix("# Metro test network.\nqnet: 1\n"))
            #expect(saved.contains("# The first hop.\n- id: L1b\n  between: [A, C]\n  length: 20 km   # measured\n"), "\(saved)")
            #expect(saved.contains("- id: D\n"), "\(saved)")
        }
    }

    /// A session on the file, as the workbench opens it.
    private func loaded() throws -> Session {
        let document = try TopologyReader.document(yaml: file, file: "metro.qnet.yaml")
        var session = Session(document.topology)
        session.send(.loaded(document, path: "metro.qnet.yaml", fingerprint: nil))
        return session
    }

    @Test("undoing a rename takes the item's comments back to its old name")
    func undoRename() throws {
        var session = try loaded()
        session.command("set L1.id L9")
        #expect(TopologyWriter.yaml(session.state.document).contains("# The first hop.\n- id: L9\n"))
        session.send(.undo)
        #expect(TopologyWriter.yaml(session.state.document) == file)
        session.command("w")
        #expect(session.effects.last == .save(try TopologyReader.document(yaml: file, file: "metro.qnet.yaml"),
                                              path: "metro.qnet.yaml", check: .unchangedSince(nil)))
    }

    @Test("renaming a node moves its comments and renames it in the links that name it; undo moves them back")
    func renameNode() throws {
        var session = try loaded()
        session.command("set A.id Alice")
        let renamed = file.replacingOccurrences(of: "- id: A\n", with: "- id: Alice\n")
            .replacingOccurrences(of: "between: [A, C]", with: "between: [Alice, C]")
        #expect(TopologyWriter.yaml(session.state.document) == renamed)
        session.send(.undo)
        #expect(TopologyWriter.yaml(session.state.document) == file)
    }

    @Test("a delete, then a rename onto the deleted name, both undone: every comment is back")
    func undoDeleteThenRename() throws {
        var session = try loaded()
        session.command("del L1")
        session.command("set L2.id L1")
        // The renamed link carries its own comment, not the deleted one's.
        #expect(TopologyWriter.yaml(session.state.document).contains("- id: L1   # goes with B\n"))
        #expect(!TopologyWriter.yaml(session.state.document).contains("# The first hop."))
        session.send(.undo)
        session.send(.undo)
        #expect(TopologyWriter.yaml(session.state.document) == file)
        session.send(.redo)
        session.send(.redo)
        session.send(.undo)
        session.send(.undo)
        #expect(TopologyWriter.yaml(session.state.document) == file)
    }

    @Test("after :w the comments of a deleted item are gone: adding an item of that name brings none back")
    func savedDeletionIsFinal() throws {
        var session = try loaded()
        session.command("del L2")
        session.command("w")
        guard case .save(let saved, _, _, _, _)? = session.effects.last else { Issue.record("no save"); return }
        session.send(.saved(saved.topology, path: "metro.qnet.yaml", fingerprint: nil))
        session.command("add link L2 B C fiber")
        #expect(!TopologyWriter.yaml(session.state.document).contains("# goes with B"))
    }
}
