import QNetFormats
import QNetModel
import QNetPlanner
import Testing
@testable import QNetTUI

/// A larger telescope suggested for a free-space link is applied by `a` as one undoable edit of the link's keys.
@Suite("Applying a telescope suggestion")
struct ApplyOpticsSuggestionTests {
    /// A —F, 20 km of free space in daytime turbulence, 10 cm and 20 cm telescopes— B, a demand of 1 Gbit/s.
    static var network: Topology {
        var topology = Topology(name: "free space")
        topology.nodes = [Fixtures.node("A", .endpoint, x: 0, y: 0), Fixtures.node("B", .endpoint, x: 20, y: 0)]
        var link = Link(id: "F", from: "A", to: "B", medium: .freeSpace, length: Quantity(20, .kilometre))
        link.txAperture = Quantity(10, .centimetre)
        link.rxAperture = Quantity(20, .centimetre)
        link.turbulenceCn2 = Quantity(1e-15, .perMetreTwoThirds)
        topology.links = [link]
        topology.demands = [Demand(from: "A", to: "B", keyRate: Quantity(1, .gigabitPerSecond))]
        return topology
    }

    @Test("a applies the marked telescope as one edit, the one its changes describe, and one u undoes it")
    func applyAndUndo() throws {
        var session = Session(Self.network)
        let plan = Planner().plan(Self.network)
        session.send(.planned(plan, of: Self.network, seconds: 0.01))
        session.send(.select(.demand("A-B")))
        let whatIf = try #require(WhatIfAnalyzer(topology: Self.network, plan: plan).analyse(demand: "A-B"))
        session.send(.analysed(whatIf, demand: "A-B", of: Self.network))
        let index = try #require(whatIf.suggestions.firstIndex { $0.kind == .optics && $0.summary.hasPrefix("receiving") })
        let suggestion = whatIf.suggestions[index]
        #expect(suggestion.changes == ["F.rx_aperture: 40 cm"])
        for _ in 0..<index { session.press(.character("]")) }
        session.press(.character("a"))
        let edited = session.state.topology
        #expect(edited.link("F")?.rxAperture == Quantity(40, .centimetre) && edited.link("F")?.txAperture == Quantity(10, .centimetre))
        #expect(edited == suggestion.edit.applied(to: Self.network) && session.state.undoStack == [Self.network])
        #expect(session.status == "applied for A-B, planned at \(EngineeringFormat.rate(suggestion.rateBps)): \(suggestion.summary)")
        let rate = Planner().plan(edited).demands[0].maxFlowBps
        #expect(abs(rate - suggestion.rateBps) <= 1e-9 * rate)
        session.press(.character("u"))
        #expect(session.state.topology == Self.network && session.state.undoStack.isEmpty)
    }
}
