import Testing
import QNetModel
@testable import QNetPlanner

/// `margin_db` is the extra channel loss a link tolerates before its key is zero:
/// adding a little less keeps a key, adding a little more removes it.
@Suite struct MarginTests {
    /// A 10 MHz link with a gated InGaAs receiver whose afterpulsing and dead time matter at short range.
    private func link(km: Double, extraDB: Double, rate: Quantity = Quantity(10, .megahertz)) -> Topology {
        var link = Fixtures.fiber("L", "A", "B", km: km)
        if extraDB > 0 { link.extraLosses = [NamedLoss(name: "added", loss: Quantity(extraDB, .decibel))] }
        var topology = Fixtures.topology(nodes: [Fixtures.node("A"), Fixtures.node("B")], links: [link])
        topology.equipment.sources[0].repetitionRate = rate
        var detector = topology.equipment.detectors[0]
        detector.efficiency = Quantity(10, .percent)
        detector.darkCountProbability = Quantity(1e-5, .fraction)
        detector.afterpulseProbability = Quantity(1, .percent)
        detector.deadTime = Quantity(1, .microsecond)
        detector.gateWidth = Quantity(1, .nanosecond)
        topology.equipment.detectors[0] = detector
        return topology
    }

    @Test(arguments: [5.0, 40.0])
    func addingTheMarginRemovesTheKey(km: Double) throws {
        let planner = Planner()
        let base = try #require(planner.plan(link(km: km, extraDB: 0)).links.first)
        let margin = try #require(base.marginDB)
        #expect(base.keyRateBps > 0 && margin > 1)
        let justInside = try #require(planner.plan(link(km: km, extraDB: margin - 0.3)).links.first)
        let justBeyond = try #require(planner.plan(link(km: km, extraDB: margin + 0.3)).links.first)
        #expect(justInside.keyRateBps > 0)
        #expect(justBeyond.keyRateBps == 0)
    }
}
