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

    /// A receiver that alone loses more than the key tolerates (efficiency 1e-6 %, the QA case: margin -25.8 dB and
    /// "loss 4.0 dB exceeds the -21.8 dB the receiver tolerates"): not even a lossless channel gives key, so the margin
    /// is null (docs/topology-format.md, `margin_db`) and the reason says by how much the receiver alone is too lossy.
    @Test(arguments: [nil, 1e12])
    func aReceiverTooLossyForAnyChannelHasNoMargin(block: Double?) throws {
        var topology = Fixtures.topology(nodes: [Fixtures.node("A"), Fixtures.node("B")],
                                         links: [Fixtures.fiber("L", "A", "B", km: 20)])
        topology.equipment.detectors[0].efficiency = Quantity(1e-6, .percent)
        topology.links[0].finiteKey = block.map { FiniteKeyPlannerTests.finiteKey(block: $0) }
        let link = try #require(Planner().plan(topology).links.first)
        #expect(link.keyRateBps == 0 && link.marginDB == nil)
        let reason = try #require(link.noKeyReason)
        #expect(reason.hasPrefix("no loss gives a key, not even a lossless channel: the receiver alone"))
        #expect(!reason.contains(" -"))   // no negative tolerated loss
        // The receiver alone: the key's threshold is met by no channel, not even a lossless one (key 0 at 0 dB).
        topology.links[0].length = Quantity(0, .kilometre)
        #expect(try #require(Planner().plan(topology).links.first).keyRateBps == 0)
    }

    /// The same for a two-arm segment: MDI through a relay whose detectors have 1e-6 % efficiency.
    @Test func twoArmsTooLossyForAnyChannelHaveNoMargin() throws {
        var topology = TwoArmSegmentTests.lcqRelay(kmPerArm: 10)
        topology.equipment.detectors[0].efficiency = Quantity(1e-6, .percent)
        let segment = try #require(Planner().plan(topology).segments.first)
        #expect(segment.keyRateBps == 0 && segment.marginDB == nil)
        #expect(segment.noKeyReason?.hasPrefix("no loss gives a key, not even lossless arms") == true)
    }
}
