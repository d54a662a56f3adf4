import Foundation
import QNetModel
import QNetPhysics
import Testing
@testable import QNetPlanner

/// A link or segment of transmittance 1 has no PLOB bound: −log2(1 − η) grows without limit as η → 1 (Pirandola,
/// Laurenza, Ottaviani, Banchi, Nat. Commun. 8, 15043 (2017), the pure-loss capacity in the abstract). QA: a 0 km link
/// showed `plob_bound_bps: 0` next to a 6.2 Mbit/s key.
@Suite struct LosslessChannelTests {
    /// A —L1— T —L2— B, L1 of `km`, L2 of 40 km, with `a` and `t` as A's and T's positions.
    private func chain(km: Double, _ a: Position? = nil, _ t: Position? = nil) -> Topology {
        var nodes = [Fixtures.node("A"), Fixtures.node("T", .trusted), Fixtures.node("B")]
        nodes[0].position = a
        nodes[1].position = t
        return Fixtures.topology(nodes: nodes, links: [Fixtures.fiber("L1", "A", "T", km: km), Fixtures.fiber("L2", "T", "B", km: 40)])
    }

    private func planar(_ xKm: Double) -> Position { .planar(x: Quantity(xKm, .kilometre), y: Quantity(0, .kilometre)) }

    @Test("QA 12b: a 0 km fiber without extra losses has a key and no PLOB limit, on the link and on its segment")
    func zeroKilometreLink() throws {
        let plan = Planner().plan(chain(km: 0))
        let link = plan.links[0]
        #expect(link.transmittance == 1 && link.keyRateBps > 0)
        #expect(link.plobBoundBps == nil && link.plobUnlimited)
        let segment = try #require(plan.segments.first { $0.links == ["L1"] })
        #expect(segment.plobBoundBps == nil && segment.plobUnlimited)
        let other = try #require(plan.segments.first { $0.links == ["L2"] })
        #expect(!other.plobUnlimited && other.plobBoundBps.map { $0 > other.keyRateBps } == true)
    }

    @Test("the bound in bit/s: finite below transmittance 1, none at 1, 0 at no pulses or no light")
    func rate() {
        #expect(PLOBRate.bitsPerSecond(transmittance: 1, repetitionRate: 1e9) == nil)
        #expect(PLOBRate.bitsPerSecond(lossDB: 0, repetitionRate: 1e9) == nil)
        #expect(PLOBRate.bitsPerSecond(transmittance: 1, repetitionRate: 0) == 0)
        #expect(PLOBRate.bitsPerSecond(transmittance: 0, repetitionRate: 1e9) == 0)
        // Pirandola et al. (2017): −log2(1 − η) ≈ 1.44 η for small η; at η = 0.5 exactly 1 bit per use.
        #expect(PLOBRate.bitsPerSecond(transmittance: 0.5, repetitionRate: 1e9) == 1e9)
    }

    @Test("a key is never said to beat a bound that has no limit")
    func noLimitIsNeverBeaten() {
        let points = [RepeaterSweepPoint(lengthMeters: 0, isPlanned: false, keyRateBps: 5e6, fidelity: 1, plobBoundBps: nil,
                                         trustedChainBps: 1e6),
                      RepeaterSweepPoint(lengthMeters: 1e5, isPlanned: true, keyRateBps: 5, fidelity: 0.9, plobBoundBps: 1,
                                         trustedChainBps: 1)]
        #expect(RepeaterChainSweep.beats(points) { $0.plobBoundBps } == [1e5])
        #expect(RepeaterChainSweep.beats(points) { $0.trustedChainBps } == [0, 1e5])
    }

    @Test("a 0 km link is warned about at its length: no fiber at all, or give the patch cord's length")
    func zeroLengthWarning() throws {
        let plan = Planner().plan(chain(km: 0))
        let warning = try #require(plan.links[0].diagnostics.first { $0.keyPath == "links[0].length" })
        #expect(warning.severity == .warning)
        #expect(warning.message == "link L1 is 0 km long: no fiber at all between A and T, a lossless channel (its PLOB "
            + "bound has no limit); if the ends share a room, give the patch cord's length (e.g. 2 m)")
        #expect(plan.diagnostics.contains(warning))
        #expect(Planner().plan(chain(km: 0.002)).links[0].diagnostics.allSatisfy { $0.keyPath != "links[0].length" })
        // With extra losses the channel is not lossless, and its bound has a limit.
        var lossy = chain(km: 0)
        lossy.links[0].extraLosses = [NamedLoss(name: "connectors", loss: Quantity(1, .decibel))]
        let lossyPlan = Planner().plan(lossy)
        #expect(lossyPlan.links[0].diagnostics.first { $0.keyPath == "links[0].length" }?.message
            == "link L1 is 0 km long: no fiber at all between A and T, a channel of its extra losses alone; if the ends "
            + "share a room, give the patch cord's length (e.g. 2 m)")
        #expect(lossyPlan.links[0].plobBoundBps != nil)
    }

    @Test("positions that coincide give the same warning; positions apart give only the shorter-than-the-distance one")
    func zeroLengthWithPositions() throws {
        let together = Planner().plan(chain(km: 0, planar(3), planar(3)))
        #expect(together.links[0].diagnostics.filter { $0.keyPath == "links[0].length" }.map(\.message)
            == ["link L1 is 0 km long: no fiber at all between A and T, a lossless channel (its PLOB bound has no limit); "
                + "if the ends share a room, give the patch cord's length (e.g. 2 m)"])
        let apart = Planner().plan(chain(km: 0, planar(0), planar(30)))
        let warnings = apart.links[0].diagnostics.filter { $0.keyPath == "links[0].length" }
        #expect(warnings.count == 1 && warnings[0].message.contains("shorter than the 30 km straight-line distance"))
    }
}
