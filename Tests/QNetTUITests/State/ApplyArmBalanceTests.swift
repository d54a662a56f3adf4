import Foundation
import QNetFormats
import QNetModel
import QNetPlanner
import Testing
@testable import QNetTUI

/// QA's twin-field network (the sample with TF2 at 305 km, 20 bit/s asked of JINAN-QINGDAO) in the workbench: the
/// segment's note on unequal arms shows in the inspector, and its two balancing suggestions, the relay where the arms
/// lose the same and the attenuator on the short arm, each apply with `a` as one edit that one `u` undoes.
@Suite("Balancing a twin-field segment's arms in the workbench")
struct ApplyArmBalanceTests {
    static func network() throws -> Topology {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("topologies/twin-field-cv.qnet.yaml")
        var topology = try TopologyReader.read(contentsOf: url)
        let link = try #require(topology.links.firstIndex { $0.id == "TF2" })
        topology.links[link].length = Quantity(305, .kilometre)
        let demand = try #require(topology.demands.firstIndex { $0.resolvedID == "JINAN-QINGDAO" })
        topology.demands[demand].keyRate = Quantity(20, .bitPerSecond)
        return topology
    }

    @Test("a applies the balanced relay, u undoes it; ] a applies the attenuator; the note shows on the segment")
    func applyBoth() throws {
        let network = try Self.network()
        var session = Session(network)
        let plan = Planner().plan(network)
        session.send(.planned(plan, of: network, seconds: 0.01))
        session.send(.select(.link("TF1")))
        let inspector = ApplySuggestionTests.inspector(session.state).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(inspector.contains("the arms lose 43.5 dB (TF1) and 51.9 dB (TF2) to the relay, 8.3 dB apart"), "\(inspector)")

        session.send(.select(.demand("JINAN-QINGDAO")))
        let whatIf = try #require(WhatIfAnalyzer(topology: network, plan: plan).analyse(demand: "JINAN-QINGDAO"))
        session.send(.analysed(whatIf, demand: "JINAN-QINGDAO", of: network))
        #expect(whatIf.suggestions.map(\.kind) == [.balancedRelay, .armAttenuator])

        session.press(.character("a"))
        let moved = session.state.topology
        #expect(moved == whatIf.suggestions[0].edit.applied(to: network) && session.state.undoStack == [network])
        #expect(moved.link("TF1")?.length == Quantity(280.5, .kilometre) && moved.link("TF2")?.length == Quantity(280.5, .kilometre))
        #expect(moved.nodes == network.nodes)
        session.press(.character("u"))
        #expect(session.state.topology == network && session.state.undoStack.isEmpty)

        session.send(.planned(plan, of: network, seconds: 0.01))
        session.send(.select(.demand("JINAN-QINGDAO")))
        session.send(.analysed(whatIf, demand: "JINAN-QINGDAO", of: network))
        session.press(.character("]"))
        session.press(.character("a"))
        let attenuated = session.state.topology
        #expect(attenuated == whatIf.suggestions[1].edit.applied(to: network) && session.state.undoStack == [network])
        #expect(attenuated.link("TF1")?.extraLosses.map(\.name) == ["attenuator"])
        let rate = Planner().plan(attenuated).demands[0].maxFlowBps
        #expect(abs(rate - whatIf.suggestions[1].rateBps) <= 1e-9 * rate && rate >= 20)
    }
}
