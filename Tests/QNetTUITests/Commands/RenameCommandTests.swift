import QNetModel
import Testing
@testable import QNetTUI

/// Renaming a node, link or demand by `:set ID.id NEW` or the edit form: what names a node follows it.
@Suite("Renaming nodes and links: references and comments follow, taken ids are refused")
struct RenameCommandTests {
    @Test(":set A.id A1 renames A in its link and its demand, in one undo step; undo puts A back everywhere")
    func renameNode() {
        var session = Session()
        session.command("set A.id A1")
        let topology = session.state.topology
        #expect(!session.statusIsError)
        #expect(session.status == "renamed node A to A1 (and in 1 link and 1 demand)")
        #expect(topology.nodes.map(\.id) == ["A1", "T", "B"])
        #expect(topology.link("L1").map { [$0.from, $0.to] } == ["A1", "T"])
        #expect(topology.demands.map { [$0.from, $0.to] } == [["A1", "B"]])
        #expect(topology.demands.map(\.resolvedID) == ["A1-B"])  // a demand without an id is named by its ends
        #expect(session.state.selection == .node("A1"))
        #expect(session.state.undoStack.count == 1)
        #expect(session.effects.last == .replan(topology))
        session.send(.undo)
        #expect(session.state.topology == Fixtures.metro)
    }

    @Test("a node both links name: each link is renamed at the right end")
    func renameMiddleNode() {
        var session = Session()
        session.command("set T.id Vienna")
        #expect(session.status == "renamed node T to Vienna (and in 2 links)")
        #expect(session.state.topology.links.map { [$0.from, $0.to] } == [["A", "Vienna"], ["Vienna", "B"]])
    }

    @Test("an id that :set and :select would read as the defaults or a library entry is refused, renamed or added")
    func shadowingID() {
        var session = Session()
        session.state.topology.equipment.detectors = [Detector(name: "si-apd")]
        let before = session.state.topology
        for (line, message) in [("set A.id defaults", "refused: 'defaults' names the defaults: pick another id"),
                                ("set A.id si-apd", "refused: 'si-apd' names the detector si-apd of the library: pick another id"),
                                ("add node si-apd trusted 1 1", "refused: 'si-apd' names the detector si-apd of the library: pick another id"),
                                ("add link defaults A B fiber", "refused: 'defaults' names the defaults: pick another id")] {
            session.command(line)
            #expect(session.statusIsError && session.status == message, "\(line)")
        }
        #expect(session.state.topology == before)
    }

    @Test("a value set to what it already is leaves no undo step")
    func unchangedValue() {
        var session = Session()
        session.command("set L2.length 32 km")
        #expect(session.status == "L2.length = 32 km (unchanged)")
        #expect(session.state.undoStack.isEmpty && !session.state.isDirty)
        session.command("set L2.length 33 km")
        #expect(session.state.undoStack.count == 1)
    }

    @Test("a rename to an id a node, link or demand has is refused, saying which; nothing changes")
    func takenID() {
        var session = Session()
        for (line, message) in [("set A.id T", "refused: there is already a node T: pick another id"),
                                ("set A.id L2", "refused: there is already a link L2: pick another id"),
                                ("set L1.id A-B", "refused: there is already a demand A-B: pick another id"),
                                ("set L1.id L2", "refused: there is already a link L2: pick another id"),
                                ("set A.id A/1", "'A/1' cannot be an id: use letters, digits, _ and -")] {
            session.command(line)
            #expect(session.statusIsError, "\(line)")
            #expect(session.status == message, "\(line)")
        }
        #expect(session.state.topology == Fixtures.metro)
        #expect(session.state.undoStack.isEmpty)
        session.command("set A.id A")
        #expect(session.status == "A.id unchanged")
        #expect(session.state.topology == Fixtures.metro)
    }

    @Test(":set L1.id L9 renames the link alone (nothing else names a link); a demand takes an id the same way")
    func renameLinkAndDemand() {
        var session = Session()
        session.command("set L1.id L9")
        #expect(session.status == "renamed link L1 to L9")
        #expect(session.state.topology.links.map(\.id) == ["L9", "L2"])
        #expect(session.state.selection == .link("L9"))
        session.command("set A-B.id D1")
        #expect(session.status == "renamed demand A-B to D1")
        #expect(session.state.topology.demands.map(\.id) == ["D1"])
        session.command("set D1.id T")
        #expect(session.status == "refused: there is already a node T: pick another id")
    }

    @Test("the id row of a node's form renames it everywhere; the form stays on the renamed node")
    func renameInForm() {
        var session = Session()
        session.command("select A")
        session.press(.enter)  // the form opens on its first key, id, whose help says what a rename does
        #expect(TopologyEditor.rows(of: .node("A"), in: session.state.topology)?.first?.help
                == "unique id, [A-Za-z0-9_-]+ (renaming updates the links and demands that name it)")
        session.press(.enter)
        session.press(.ctrl("u"))
        session.type("Alice")
        session.press(.enter)
        #expect(session.state.topology.link("L1")?.from == "Alice")
        #expect(session.state.topology.demands.first?.from == "Alice")
        #expect(session.state.undoStack.count == 1)
        guard case .form(let form) = session.state.mode else {
            Issue.record("the form closed")
            return
        }
        #expect(form.record == .node("Alice"))
        #expect(form.error == nil)
        #expect(session.state.selection == .node("Alice"))

        session.press(.enter)
        session.press(.ctrl("u"))
        session.type("B")
        session.press(.enter)
        guard case .form(let refused) = session.state.mode else {
            Issue.record("the form closed")
            return
        }
        #expect(refused.error == "refused: there is already a node B: pick another id")
    }

    @Test("the id row of a demand's form names it; the form stays on it")
    func nameDemandInForm() {
        var session = Session()
        session.command("select A-B")
        session.press(.enter)
        session.press(.enter)
        session.type("D1")
        session.press(.enter)
        #expect(session.state.topology.demands.map(\.id) == ["D1"])
        guard case .form(let form) = session.state.mode else {
            Issue.record("the form closed")
            return
        }
        #expect(form.record == .demand("D1"))
        #expect(session.state.selection == .demand("D1"))
    }
}
