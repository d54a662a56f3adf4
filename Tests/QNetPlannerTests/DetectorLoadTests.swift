import Foundation
import QNetModel
import Testing
@testable import QNetPlanner

/// The detector's load settles to its fixed point even when afterpulses couple it strongly to the dead time.
@Suite struct DetectorLoadTests {
    /// The receiver of a 2 km link whose detector has a dead time of `deadTime` ns and afterpulses with probability `afterpulse`.
    private func detector(afterpulse: Double, deadTime: Double) throws -> ResolvedDetector {
        var topology = Fixtures.topology(nodes: [Fixtures.node("A"), Fixtures.node("B")],
                                         links: [Fixtures.fiber("L", "A", "B", km: 2)])
        topology.equipment.detectors[0].afterpulseProbability = Quantity(afterpulse, .one)
        topology.equipment.detectors[0].deadTime = Quantity(deadTime, .nanosecond)
        let inputs = try #require(LinkInputs(topology: topology, index: 0, nodeIndex: ["A": 0, "B": 1]))
        return ResolvedLink(inputs).detector
    }

    /// The last case couples most: at 0.3 arrivals a window, 1 GHz and 3.3 ns, nτ is about 1 and each pass shrinks
    /// the error only about fourfold, so the passes leave it near 1e-5 and bisection finishes.
    @Test(arguments: [(0.01, 50.0), (0.3, 50.0), (0.9, 3.3)])
    func theLoadIsItsOwnFixedPoint(afterpulse: Double, deadTime: Double) throws {
        let detector = try detector(afterpulse: afterpulse, deadTime: deadTime)
        // 0.3 arrivals a window at 1 GHz, registered in proportion to the dead-time factor: a strong coupling.
        let registered = { (factor: Double) in 0.3 * factor }
        let load = DetectorLoad.settled(arrivals: 0.3, registered: registered, detector: detector, repetitionRate: 1e9)
        let again = DetectorLoad.at(clickProbability: registered(load.deadTimeFactor), arrivals: 0.3, detector: detector,
                                    repetitionRate: 1e9)
        #expect(abs(again.deadTimeFactor - load.deadTimeFactor) <= 1e-9 * load.deadTimeFactor)
        #expect(abs(again.afterpulse - load.afterpulse) <= 1e-9 * load.afterpulse)
        #expect(load.deadTimeFactor > 0 && load.deadTimeFactor < 1)
    }
}
