import Foundation
import QNetModel
import QNetPhysics
import Testing
@testable import QNetPlanner

/// The dead-time factor at the operating point is Knoll's non-paralysable 1/(1 + n·τ_d) of the TRUE rate n,
/// the clicks the detector would register without dead time (Knoll, Radiation Detection and Measurement,
/// 4th ed. (2010), Ch. 4, Sec. VII): n is recomputed here from the plan's own channel, efficiency and intensity.
///
/// The planner settles the load at the operating point's own intensity (`DetectorLoad.settled`, to 1e-9 of the
/// factor), so the factor matches to well within 1e-4 and the rate to 1e-4·(1 + nτ)/(nτ), the rate change that
/// moves the factor by 1e-4. Taking the factor of the rate after dead time instead (the fault these tests guard)
/// is far off: the fixed point f = 1/(1 + n(f·η)·τ_d) is 0.33 for 0.144 in the first case.
@Suite("Dead time at the operating point: the factor of the click rate before dead time")
struct DeadTimeOperatingPointTests {
    /// The built-in SNSPD's 50 ns dead time (PlanningDefaults.deadTime).
    static let deadTime = 50e-9

    /// A 2 km fibre link at 1 GHz with the built-in 50 ns detector (85 %, 100 Hz): the QA case where dead time dominates.
    static func shortFastLink(finiteKey: FiniteKeySettings? = nil) throws -> LinkPlan {
        var link = Fixtures.fiber("L", "A", "B", km: 2, protocol: .bb84Decoy)
        link.finiteKey = finiteKey
        let topology = Fixtures.topology(nodes: [Fixtures.node("A"), Fixtures.node("B")], links: [link])
        return try #require(Planner().plan(topology).links.first)
    }

    /// Knoll's non-paralysable factor of the true rate `rate` Hz at a dead time of `deadTime` s.
    static func knoll(_ rate: Double, deadTime: Double = deadTime) -> Double { 1 / (1 + rate * deadTime) }

    /// Checks `detector` (of `detectors` detectors counted together) against the true rate `trueRate` Hz of each.
    static func expectFactor(_ detector: DetectorBudget, trueRate: Double, detectors: Double = 1, deadTime: Double = deadTime) {
        let perDetector = detector.countRateHz / detectors
        #expect(abs(detector.deadTimeFactor / knoll(perDetector, deadTime: deadTime) - 1) < 1e-12)
        #expect(abs(detector.deadTimeFactor / knoll(trueRate, deadTime: deadTime) - 1) < 1e-4)
        let load = trueRate * deadTime
        #expect(abs(perDetector / trueRate - 1) < 1e-4 * (1 + load) / load)
        #expect(perDetector * detector.deadTimeFactor < 1 / deadTime)
    }

    @Test("decoy BB84, 2 km at 1 GHz: ~119 MHz before dead time, factor ~0.144, fewer registered clicks than 1/τ_d")
    func decoyLink() throws {
        let plan = try Self.shortFastLink()
        let detector = try #require(plan.detector)
        let mu = try #require(plan.signalIntensity)
        let arriving = plan.transmittance * detector.detectorEfficiency * detector.windowFraction
        let noise = detector.darkProbabilityPerWindow + detector.backgroundProbabilityPerWindow
            + detector.afterpulseProbabilityPerWindow
        let trueRate = (-expm1(-arriving * mu) + noise) * plan.repetitionRateHz
        Self.expectFactor(detector, trueRate: trueRate)
        // At the optimal μ ≈ 0.163 (the key's maximum with its own dead time): ~119 MHz before dead time, factor
        // ~0.144, ~17 MHz registered, below the 20 MHz of a 50 ns dead time.
        #expect(trueRate > 110e6 && trueRate < 130e6 && detector.deadTimeFactor < 0.15)
        #expect(abs(detector.effectiveEfficiency / (detector.detectorEfficiency * detector.windowFraction
            * detector.deadTimeFactor) - 1) < 1e-12)
    }

    @Test("finite-key decoy BB84: the factor of Σ_k p_k R_k at channel × efficiency without dead time (Lim et al. 2014)")
    func finiteKeyLink() throws {
        var settings = FiniteKeySettings()
        settings.blockSize = Quantity(1e10, .one)
        let plan = try Self.shortFastLink(finiteKey: settings)
        let detector = try #require(plan.detector)
        let finite = try #require(plan.finiteKey)
        let arriving = plan.transmittance * detector.detectorEfficiency * detector.windowFraction
        let noise = detector.darkProbabilityPerWindow + detector.backgroundProbabilityPerWindow
        let clicks = zip(finite.intensities, finite.probabilities).reduce(0) { sum, setting in
            sum + setting.1 * (noise + (1 - noise) * -expm1(-arriving * setting.0))
        }
        Self.expectFactor(detector, trueRate: clicks * plan.repetitionRateHz)
    }

    @Test("MDI relay: each detector's factor is that of its clicks from both arms without dead time (Ma, Razavi 2012)")
    func mdiRelay() throws {
        var topology = TwoArmSegmentTests.lcqRelay(kmPerArm: 1)
        topology.equipment.detectors[0].deadTime = Quantity(50, .nanosecond)
        let budget = try #require(Planner().plan(topology).segments.first?.keyBudget)
        let detectors = Double(PlanningDefaults.mdiRelayDetectors.value)
        let perDetector = 4 * 3e-6 / detectors
        let arrivals = zip(budget.arms, budget.intensities).reduce(0) { sum, pair in
            let (arm, intensity) = pair
            let eta = Decibel.transmittance(loss: arm.channelLossDB) * arm.detector.detectorEfficiency * arm.detector.windowFraction
            return sum + eta * intensity.value
        }
        let trueRate = (1 - (1 - perDetector) * exp(-arrivals / detectors)) * budget.repetitionRateHz
        for arm in budget.arms {
            // The relay's budget counts both detectors together; the factor is each detector's.
            Self.expectFactor(arm.detector, trueRate: trueRate, detectors: detectors)
            #expect(arm.detector.deadTimeFactor < 0.99)
        }
    }

    @Test("BBM92 arm: the factor of the arm's singles without dead time, 1 − (1 − Y0)/(1 + ηλ)² (Ma, Fung, Lo 2007)")
    func bbm92Arm() throws {
        var topology = TwoArmSegmentTests.pdcInTheMiddle(lossPerArm: 1)
        topology.equipment.detectors[0].deadTime = Quantity(200, .nanosecond)
        let budget = try #require(Planner().plan(topology).segments.first?.keyBudget)
        let lambda = try #require(budget.intensities.first?.value) / 2
        for arm in budget.arms {
            let eta = Decibel.transmittance(loss: arm.channelLossDB) * arm.detector.detectorEfficiency * arm.detector.windowFraction
            let noise = arm.detector.darkProbabilityPerWindow + arm.detector.backgroundProbabilityPerWindow
            let trueRate = (1 - (1 - noise) / ((1 + eta * lambda) * (1 + eta * lambda))) * budget.repetitionRateHz
            Self.expectFactor(arm.detector, trueRate: trueRate, deadTime: 200e-9)
            #expect(arm.detector.deadTimeFactor < 0.9)
        }
    }

    @Test("twin-field relay, 2 × 1 km at 1 GHz: each detector's factor is that of its share of both users' light",
          arguments: [TwinFieldVariant.sns, .pm])
    func twinFieldRelay(_ variant: TwinFieldVariant) throws {
        let topology = TwinFieldCVPlannerTests.twinField(km: 1, variant: variant)
        let plan = Planner().plan(topology)
        let segment = try #require(plan.segments.first { $0.id == "A~R~B" })
        let tf = try #require(segment.twinField)
        let detectors = Double(PlanningDefaults.twinFieldRelayDetectors.value)
        // Each user's mean photon number per window (SNS: μ sent with probability ε) over both arms before dead time.
        let sent = tf.signalIntensity * (tf.sendingProbability ?? 1)
        let arriving = zip(plan.links, tf.relayDetectors).reduce(0) { sum, pair in
            sum + pair.0.transmittance * pair.1.detectorEfficiency * pair.1.windowFraction
        }
        let trueRate = (1 - (1 - tf.darkCountPerDetector) * exp(-arriving * sent / detectors)) * tf.repetitionRateHz
        #expect(tf.relayDetectors.count == 2)
        for relay in tf.relayDetectors {
            Self.expectFactor(relay, trueRate: trueRate, detectors: detectors)
            #expect(relay.deadTimeFactor < 0.9)
        }
        // The arms' η carry the factor, and each link's table shows the relay at this operating point.
        for (link, (eta, relay)) in zip(plan.links, zip(tf.armTransmittance, tf.relayDetectors)) {
            #expect(abs(eta / (link.transmittance * relay.effectiveEfficiency) - 1) < 1e-4)
            #expect(link.detector == relay)
        }
        // Without dead time the same relay keys more.
        var ideal = topology
        ideal.equipment.detectors[0].deadTime = Quantity(0, .nanosecond)
        let unsaturated = try #require(Planner().plan(ideal).segments.first { $0.id == "A~R~B" })
        #expect(segment.keyRateBps < unsaturated.keyRateBps)
    }
}
