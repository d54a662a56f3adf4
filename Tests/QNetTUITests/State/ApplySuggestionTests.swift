import QNetFormats
import QNetModel
import QNetPlanner
import Testing
@testable import QNetTUI

/// A demand's what-if suggestions in the workbench (QA: the inspector showed a suggestion's rate but neither its
/// edits nor a way to make them): the marked one lists its edits, `[`/`]` mark another, `a` applies it as one
/// undoable edit, the one its `changes` describe; what-ifs of an earlier topology are not applied.
@Suite("Applying a what-if suggestion")
struct ApplySuggestionTests {
    /// QA's network: HQ —L1 52 km, 19 dB of itemised losses— POP —L2 30 km— DC, receivers on an InGaAs APD `apd`,
    /// an SNSPD `snspd` in the library, a demand HQ-DC of 60 kbit/s.
    static var network: Topology {
        var topology = Fixtures.metro
        topology.nodes = [Fixtures.node("HQ", .endpoint, x: 0, y: 0), Fixtures.node("POP", .trusted, x: 40, y: 3),
                          Fixtures.node("DC", .endpoint, x: 70, y: 3)]
        var apd = Detector(name: "apd")
        apd.kind = .ingaasAPD
        var snspd = Detector(name: "snspd")
        snspd.kind = .snspd
        topology.equipment.detectors = [apd, snspd]
        for index in topology.nodes.indices { topology.nodes[index].detector = "apd" }
        var l1 = Link(id: "L1", from: "HQ", to: "POP", medium: .fiber, length: Quantity(52, .kilometre))
        l1.extraLosses = [NamedLoss(name: "connectors", loss: Quantity(2, .decibel)),
                          NamedLoss(name: "roadm_passthrough", loss: Quantity(17, .decibel))]
        topology.links = [l1, Link(id: "L2", from: "POP", to: "DC", medium: .fiber, length: Quantity(30, .kilometre))]
        topology.demands = [Demand(from: "HQ", to: "DC", keyRate: Quantity(60, .kilobitPerSecond))]
        return topology
    }

    /// A session on `network`, planned, the demand selected with its what-ifs computed as the workbench does.
    static func analysedSession() throws -> (Session, DemandWhatIf) {
        var session = Session(network)
        let plan = Planner().plan(network)
        session.send(.planned(plan, of: network, seconds: 0.01))
        session.send(.select(.demand("HQ-DC")))
        let whatIf = try #require(WhatIfAnalyzer(topology: network, plan: plan).analyse(demand: "HQ-DC"))
        session.send(.analysed(whatIf, demand: "HQ-DC", of: network))
        session.effects = []
        return (session, whatIf)
    }

    @Test("a applies the marked suggestion as one edit, the one its changes describe, and one u undoes it")
    func applyAndUndo() throws {
        var (session, whatIf) = try Self.analysedSession()
        let index = try #require(whatIf.suggestions.firstIndex { $0.summary == "a trusted node at the midpoint of L1" })
        let best = whatIf.suggestions[index]
        for _ in 0..<index { session.press(.character("]")) }
        session.press(.character("a"))
        let edited = session.state.topology
        #expect(edited == best.edit.applied(to: Self.network))
        #expect(edited.links.map(\.id) == ["L1-a", "L1-b", "L2"] && edited.node("L1-mid")?.kind == .trusted)
        #expect(session.state.undoStack == [Self.network])
        #expect(session.state.selection == .demand("HQ-DC"))
        #expect(session.status == "applied for HQ-DC, planned at \(EngineeringFormat.rate(best.rateBps)): a trusted node at the "
            + "midpoint of L1")
        #expect(session.effects.contains(.replan(edited)))
        // Planned from scratch, the edited network gives the rate the suggestion states.
        let rate = Planner().plan(edited).demands[0].maxFlowBps
        #expect(abs(rate - best.rateBps) <= 1e-9 * rate)
        session.press(.character("u"))
        #expect(session.state.topology == Self.network && session.state.undoStack.isEmpty)
    }

    @Test("] marks the next suggestion, whose edits the inspector lists under it; a applies that one")
    func markAnother() throws {
        var (session, whatIf) = try Self.analysedSession()
        #expect(whatIf.suggestions.map(\.summary) == ["detector snspd on L1", "a trusted node at the midpoint of L1"])
        var lines = Self.inspector(session.state)
        #expect(lines.contains("> detector snspd on L1"))
        #expect(lines.contains("· L1.detector: snspd"))
        session.press(.character("]"))
        #expect(session.status == "suggestion 2 of 2 marked: a applies it")
        lines = Self.inspector(session.state)
        #expect(lines.contains("> a trusted node at the midpoint of L1"))
        #expect(lines.contains("· new node L1-mid: kind trusted, at {x: 20 km, y: 1.5 km}, detector apd"))
        #expect(lines.contains("L1-a keeps L1's extra losses (where they lie is not in the file); L1-b has none"))
        #expect(!lines.contains("· L1.detector: snspd"))
        session.press(.character("]"))   // the last stays marked
        #expect(session.status == "suggestion 2 of 2 marked: a applies it")
        session.press(.character("["))
        session.press(.character("a"))
        #expect(session.state.topology.link("L1")?.detector == "snspd")
        #expect(session.state.topology == whatIf.suggestions[0].edit.applied(to: Self.network))
    }

    /// The inspector's rows as drawn, wrapped to a pane 200 columns wide, joined into one text.
    static func inspector(_ state: AppState) -> String {
        InspectorContent.rows(state, glyphs: .unicode).rows.flatMap { $0.wrapped(to: 200) }.map(\.label).joined(separator: "\n")
    }

    @Test("what-ifs computed before the last edit are not applied, and the status line says so")
    func staleSuggestions() throws {
        var (session, _) = try Self.analysedSession()
        session.command("set L2.length 31 km")
        session.send(.select(.demand("HQ-DC")))
        let edited = session.state.topology
        session.press(.character("a"))
        #expect(session.state.topology == edited)
        #expect(session.status?.hasPrefix("the suggestions of HQ-DC were computed before the last edit") == true)
        session.send(.select(.link("L1")))
        session.press(.character("a"))
        #expect(session.status?.hasPrefix("select a demand") == true)
    }

    @Test("the key bar names a while a demand is selected, and the help names the keys")
    func keysListed() {
        #expect(Bars.hints(for: .normal, demandSelected: true).contains { $0 == ("a", "Apply") })
        #expect(!Bars.hints(for: .normal).contains { $0 == ("a", "Apply") })
        let help = HelpScreen.lines(width: 300).map(\.text).joined(separator: "\n")
        #expect(help.contains("apply the selected demand's marked what-if suggestion"))
        #expect(help.contains("mark the selected demand's next what-if suggestion"))
    }
}
