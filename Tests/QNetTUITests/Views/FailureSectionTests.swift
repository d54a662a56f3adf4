import Testing
import QNetModel
import QNetPlanner
@testable import QNetTUI

/// A selected node or link tells what its failure does to every demand (QA: "what if this node dies?" needed every
/// demand opened in turn).
@Suite("Inspector: what a node's or link's failure does to the demands")
struct FailureSectionTests {
    /// Metro planned by the real planner, with T selected and the answer of its failure analysis stored.
    private func analysed(_ element: NetworkElement) throws -> Session {
        var session = Session(Fixtures.metro)
        let plan = Planner().plan(Fixtures.metro)
        session.send(.planned(plan, of: Fixtures.metro, seconds: 0.001))
        session.command("select \(element.id)")
        #expect(session.effects.last == .analyseFailure(Fixtures.metro, element: element))
        let result = try WhatIfAnalyzer(topology: Fixtures.metro, plan: plan).failure(of: element)
        session.send(.failureAnalysed(result, element: element, of: Fixtures.metro))
        return session
    }

    private func texts(_ rows: [TextRow]) -> [String] {
        rows.map { ($0.label + " " + ($0.value ?? "")).trimmingCharacters(in: .whitespaces) }
    }

    @Test("the trusted node T breaks the demand through it, with the rate left")
    func trustedNodeBreaksTheDemand() throws {
        let session = try analysed(.node("T"))
        let rows = texts(InspectorContent.rows(session.state, glyphs: .ascii).rows)
        let heading = try #require(rows.firstIndex(of: "If it fails (N−1)"))
        #expect(Array(rows[(heading + 1)...].prefix(2)) == ["breaks 1 demand", "A-B 0 bit/s left"])
    }

    @Test("an end node lists the demands that end there; the answer of another selection is not shown")
    func endNode() throws {
        var session = try analysed(.node("A"))
        let endRows = texts(InspectorContent.rows(session.state, glyphs: .ascii).rows)
        #expect(endRows.contains("ends here (all their key): A-B"))
        // Its demand loses all its key: not "no demand loses key" (second reader).
        #expect(endRows.contains("no other demand with key runs through it") && !endRows.contains { $0.hasPrefix("no demand") })
        session.command("select L1")
        let rows = texts(InspectorContent.rows(session.state, glyphs: .ascii).rows)
        // A link's comes right after its key, before its budgets (which run to a hundred rows).
        let heading = try #require(rows.firstIndex(of: "If it fails (N−1)"))
        #expect(rows[heading + 1] == "computing…" && heading < rows.firstIndex(of: "Loss budget") ?? -1)
    }

    @Test("before the plan, no section; an answer for an older topology is dropped")
    func unplannedAndStale() {
        var session = Session(Fixtures.metro)
        session.command("select T")
        #expect(!texts(InspectorContent.rows(session.state, glyphs: .ascii).rows).contains("If it fails (N−1)"))
        var other = Fixtures.metro
        other.links[0].length = Quantity(40, .kilometre)
        session.send(.failureAnalysed(ElementFailure(element: .node("T")), element: .node("T"), of: other))
        #expect(session.state.failure == nil)
    }
}
