import Testing
import QNetModel
import QNetPlanner
@testable import QNetTUI

/// Shift+arrow moves (QA: 21 presses to move a node were 21 undo steps, and a move's status line never told the
/// new warning of a link left shorter than its ends' distance, which other edits tell).
@Suite("Node moves: one undo step per run of moves, new warnings told")
struct MoveCoalescingTests {
    /// Metro planned by the real planner, T selected.
    private func session() -> Session {
        var session = Session()
        session.planArrives()
        session.send(.select(.node("T")))
        return session
    }

    @Test("consecutive moves of one node are one undo step; another edit, or another node's move, starts a new one")
    func coalesced() {
        var session = session()
        for _ in 0..<5 {
            session.press(.shiftRight)
            session.planArrives()   // the plans arriving between presses do not split the run
        }
        #expect(session.state.undoStack == [Fixtures.metro])
        let moved = session.state.topology
        #expect(moved != Fixtures.metro)
        session.command("set L2.length 33 km")
        session.send(.select(.node("T")))
        session.press(.shiftUp)
        #expect(session.state.undoStack.count == 3)
        session.send(.select(.node("A")))
        session.press(.shiftUp)
        session.press(.shiftUp)
        #expect(session.state.undoStack.count == 4)
        session.press(.character("u"))
        session.press(.character("u"))
        session.press(.character("u"))
        #expect(session.state.topology == moved)
        session.press(.character("u"))
        #expect(session.state.topology == Fixtures.metro)
    }

    @Test("a move right after a save is a new step, so that the saved state stays among the undo steps")
    func notAcrossASave() {
        var session = session()
        session.press(.shiftRight)
        session.send(.saved(session.state.topology, path: "metro.yaml", fingerprint: nil))
        session.press(.shiftRight)
        #expect(session.state.undoStack.count == 2)
        #expect(session.state.unsavedEditCount == 1)
    }

    @Test("moves that leave L1 shorter than the distance between its ends tell the new warning until the run ends")
    func newWarningTold() throws {
        var session = session()
        // T moves east, a plan after each press: L1 (30 km) becomes too short at some press, and the presses after it
        // still tell the warning, new to the run of moves (each was told against the plan of the press before).
        for _ in 0..<30 {
            session.press(.shiftRight)
            session.planArrives()
        }
        let status = session.status ?? ""
        // What the move did, then the news, then its aside on the lengths: a status line cut at 120 columns shows the news.
        #expect(status.hasPrefix("moved T to x "))
        let news = try #require(status.range(of: " · 1 new warning (see inspector): link L1 is 30 km long, shorter than the"))
        #expect(status[..<news.lowerBound].count < 40)
        #expect(status.contains("; lengths stay as written: L1 30 km"))
        #expect(session.state.status?.kind == .warning)
    }

    /// A second reader: every status was split at its first `; `, so an applied suggestion whose summary holds one
    /// (a source list) would have had the news spliced into it.
    @Test("only a move's aside goes after the news: another status is kept whole, the news after it")
    func otherStatusesKeptWhole() {
        let before = PlanNotes(Planner().plan(Fixtures.metro), of: Fixtures.metro)
        let warning = Diagnostic(.warning, "demand A-B is not met")
        let applied = "applied for A-B, planned at 1 kbit/s: better swaps (Sangouard et al. 2011; Ewert et al. 2016)"
        let notes = EditNotes(before: before, status: StatusMessage(applied)).status(adding: [warning])
        #expect(notes?.text == applied + " · 1 new warning (see inspector): demand A-B is not met")
        let moved = "moved T to x 3 km, y 0 km" + TopologyEditor.lengthsAsWrittenMarker + "L1 30 km (3 km on the map)"
        let told = EditNotes(before: before, status: StatusMessage(moved)).status(adding: [warning])
        #expect(told?.text == "moved T to x 3 km, y 0 km · 1 new warning (see inspector): demand A-B is not met; lengths stay "
            + "as written: L1 30 km (3 km on the map)")
    }
}
