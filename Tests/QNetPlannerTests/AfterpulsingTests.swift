import Testing
import QNetModel
@testable import QNetPlanner

/// Afterpulsing enters decoy BB84 as Lim et al., PRA 89, 022307 (2014), Sec. IV have it: the detection rate
/// R_k = D_k (1 + p_ap) and the errors e_k gain p_ap D_k / 2 (as SatQuMA's `DRate_j` and `error_j`, Sidhu et al. 2022),
/// so afterpulses add p_ap / (2 (1 + p_ap)) to the QBER whatever the click rate; D_k here is the clicks registered
/// after the dead time, which alone avalanche and so alone afterpulse.
@Suite struct AfterpulsingTests {
    /// A 20 km link to a gated InGaAs receiver: 20 %, 1e-6 dark counts per 1 ns gate, 1 µs hold-off,
    /// `afterpulse` per click, at `rate` pulses per second.
    private func link(afterpulse: Double, rate: Double) -> Topology {
        var topology = Fixtures.topology(nodes: [Fixtures.node("A"), Fixtures.node("B")],
                                         links: [Fixtures.fiber("L", "A", "B", km: 20)])
        topology.equipment.sources[0].repetitionRate = Quantity(rate, .hertz)
        var detector = topology.equipment.detectors[0]
        detector.kind = .ingaasAPD
        detector.efficiency = Quantity(20, .percent)
        detector.darkCountRate = nil
        detector.darkCountProbability = Quantity(1e-6, .fraction)
        detector.afterpulseProbability = Quantity(afterpulse, .one)
        detector.deadTime = Quantity(1, .microsecond)
        detector.gateWidth = Quantity(1, .nanosecond)
        topology.equipment.detectors[0] = detector
        return topology
    }

    /// 2 % afterpulsing behind a 1 µs hold-off costs 20 km a few per cent of its QBER budget, not its key: Lim et al.'s
    /// own Fig. 1 keys to about 180 km with 4 % (Tests/validation/finite-key-decoy-bb84.yaml).
    @Test(arguments: [10e6, 100e6, 1e9])
    func twoPerCentAfterpulsingAddsItsShareOfErrorsAndKeeps20km(rate: Double) throws {
        let afterpulse = 0.02
        let link = try #require(Planner().plan(link(afterpulse: afterpulse, rate: rate)).links.first)
        let clean = try #require(Planner().plan(self.link(afterpulse: 0, rate: rate)).links.first)
        let qber = try #require(link.qber)
        #expect(abs(qber.afterpulsing - afterpulse / (2 * (1 + afterpulse))) <= 1e-6)
        #expect(link.keyRateBps > 0.5 * clean.keyRateBps)
    }
}
