import Testing
import QNetModel
@testable import QNetPlanner

/// A margin is the loss at which the key ends, or no limit when no loss does.
///
/// QA: a 25 km cv-gg02 link showed `margin 144.63 dB`, round-off; and a 700 km one 1.91e-7 bit/s. The key's zero with
/// these figures (V_A 4, ξ 0.01 at the channel input, η 60 %, v_el 0.05, β 95 %) lies at 216.9955 dB of channel loss in
/// 80-digit arithmetic of the same formulas (see `GaussianModulatedCVContinuationTests`): a 25 km link (5 dB) has
/// 211.996 dB of margin; 700 km (140 dB) keys 1e8 × 7.30782e-16 = 7.30782e-8 bit/s.
@Suite struct MarginLimitTests {
    @Test func theMarginIsTheKeysZeroNotRoundOff() throws {
        let link = try #require(Planner().plan(TwinFieldCVPlannerTests.continuousVariable(km: 25)).links.first)
        let margin = try #require(link.marginDB)
        #expect(abs(margin - 211.996) < 0.01)
    }

    @Test func aVeryLongLinksKeyIsTheModelsNotNoise() throws {
        let link = try #require(Planner().plan(TwinFieldCVPlannerTests.continuousVariable(km: 700)).links.first)
        #expect(abs(link.keyRateBps / 7.30782e-8 - 1) < 1e-4)
    }

    /// Without excess noise the key stays proportional to T: no loss removes it, so there is no margin to show, and the
    /// assumptions say why (the reports show "no limit" in Markdown, an empty CSV cell and JSON null).
    @Test func noLossRemovesAKeyWithoutExcessNoise() throws {
        var topology = TwinFieldCVPlannerTests.continuousVariable(km: 25)
        topology.links[0].excessNoise = Quantity(0, .one)
        let link = try #require(Planner().plan(topology).links.first)
        #expect(link.keyRateBps > 0 && link.marginDB == nil && link.marginUnlimited && link.noKeyReason == nil)
        let assumption = try #require(link.assumptions.first { $0.name == "margin" })
        #expect(assumption.value == "no limit")
        #expect(assumption.basis.hasPrefix("no loss up to 405.0 dB of channel removes the key in this asymptotic model"))
        let segment = try #require(Planner().plan(topology).segments.first)
        #expect(segment.marginDB == nil && segment.marginUnlimited)
    }

    /// Decoy BB84 without dark counts or background (Y0 = 0) keys in proportion to η down to the threshold search's
    /// floor (1e-40): it showed a margin of 394 dB, the floor less the receiver's loss, as if the key ended there.
    @Test func aDecoyKeyWithoutNoiseHasNoMarginLimit() throws {
        var topology = Fixtures.topology(nodes: [Fixtures.node("A"), Fixtures.node("B")], links: [Fixtures.fiber("L", "A", "B", km: 25)])
        topology.equipment.detectors[0].darkCountRate = Quantity(0, .hertz)
        let link = try #require(Planner().plan(topology).links.first)
        #expect(link.keyRateBps > 0 && link.marginDB == nil && link.marginUnlimited)
        #expect(link.assumptions.first { $0.name == "margin" }?.value == "no limit")
        // With the fixtures' 100 Hz of dark counts the margin is a number again.
        let noisy = try #require(Planner().plan(Fixtures.topology(nodes: [Fixtures.node("A"), Fixtures.node("B")],
                                                                  links: [Fixtures.fiber("L", "A", "B", km: 25)])).links.first)
        #expect(noisy.marginDB != nil && !noisy.marginUnlimited)
    }
}
