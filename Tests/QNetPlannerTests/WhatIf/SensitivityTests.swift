import Foundation
import Testing
import QNetModel
@testable import QNetPlanner

/// Sensitivities of a demand's rate: against the analytic derivative of the decoy-state key rate,
/// and against finite differences of full re-plans.
@Suite struct SensitivityTests {
    /// One 50 km fiber link with the GYS parameters (Gobby, Yuan, Shields, APL 84, 3762, 2004, as used by
    /// Ma, Qi, Zhao, Lo, PRA 72, 012326, 2005): α = 0.21 dB/km, η_Bob = 4.5 %, Y0 = 1.7e-6, e_d = 3.3 %,
    /// f = 1.22, q = 1/2, infinite decoys; no dead time, jitter or dispersion, so that the receiver is the
    /// paper's η_Bob and Y0 alone.
    static func gysLink() -> Topology {
        var source = PhotonSource(name: "gys-source")
        source.kind = .weakCoherent
        source.repetitionRate = Quantity(1, .gigahertz)
        source.signalIntensity = .auto
        source.decoy = .infinite
        source.jitter = Quantity(0, .picosecond)
        var detector = Detector(name: "gys-detector")
        detector.efficiency = Quantity(4.5, .percent)
        detector.darkCountProbability = Quantity(1.7e-6, .fraction)
        detector.deadTime = Quantity(0, .nanosecond)
        detector.jitter = Quantity(0, .picosecond)
        detector.gateWidth = Quantity(1, .nanosecond)
        var alice = Node(id: "A")
        alice.source = "gys-source"
        var bob = Node(id: "B")
        bob.detector = "gys-detector"
        var link = Fixtures.fiber("L", "A", "B", km: 50)
        link.attenuation = Quantity(0.21, .decibelPerKilometre)
        link.dispersion = Quantity(0, .picosecondPerNanometreKilometre)
        link.misalignment = Quantity(3.3, .percent)
        link.ecEfficiency = Quantity(1.22, .one)
        link.sifting = .standard
        var topology = Topology(name: "GYS", nodes: [alice, bob], links: [link], demands: [Fixtures.demand("A", "B", kbps: 1)])
        topology.equipment = Equipment(sources: [source], detectors: [detector])
        return topology
    }

    /// ∂R/∂η at fixed μ of the GLLP rate with infinite decoys (Lo, Ma, Chen, PRL 94, 230504, 2005; the
    /// formulas of physics.md §3), differentiated by hand: with s = 1 − e^(−ημ), Q = Y0 + s,
    /// E = (e0·Y0 + e_d·s)/Q, Y1 = Y0 + η − Y0·η, e1 = (e0·Y0 + e_d·η)/Y1, Q1 = Y1·μ·e^(−μ),
    /// R = q·{−Q·f·h(E) + Q1·[1 − h(e1)]}:
    /// dR/dη = q·{−s'·f·h(E) − Q·f·h'(E)·E' + Q1'·[1 − h(e1)] − Q1·h'(e1)·e1'}, s' = μ·e^(−ημ),
    /// E' = s'·(e_d − E)/Q, e1' = (e_d − e1·(1 − Y0))/Y1, Q1' = (1 − Y0)·μ·e^(−μ), h'(x) = log2((1 − x)/x).
    /// At the optimal μ, ∂R/∂μ = 0, so this is also the derivative of the optimised rate.
    static func gllpSlope(eta: Double, mu: Double, y0: Double, ed: Double, f: Double, q: Double) -> Double {
        let e0 = 0.5
        func h(_ x: Double) -> Double { -x * log2(x) - (1 - x) * log2(1 - x) }
        func hPrime(_ x: Double) -> Double { log2((1 - x) / x) }
        let s = -expm1(-eta * mu), sPrime = mu * exp(-eta * mu)
        let gain = y0 + s
        let qber = (e0 * y0 + ed * s) / gain
        let qberPrime = sPrime * (ed - qber) / gain
        let y1 = y0 + eta - y0 * eta
        let e1 = (e0 * y0 + ed * eta) / y1
        let e1Prime = (ed - e1 * (1 - y0)) / y1
        let q1 = y1 * mu * exp(-mu), q1Prime = (1 - y0) * mu * exp(-mu)
        return q * (-sPrime * f * h(qber) - gain * f * hPrime(qber) * qberPrime
            + q1Prime * (1 - h(e1)) - q1 * hPrime(e1) * e1Prime)
    }

    @Test func gysLinkMatchesTheAnalyticDerivativeOfTheDecoyRate() throws {
        let topology = Self.gysLink()
        let plan = Planner().plan(topology)
        let link = try #require(plan.links.first)
        let mu = try #require(link.signalIntensity)
        let receiver = try #require(link.detector?.effectiveEfficiency)
        #expect(abs(receiver - 0.045) < 1e-9)  // the paper's η_Bob: no window, dead-time or afterpulse loss
        // The set-up is the paper's model: key per pulse as validation case gllp-gys-50km (2.226e-4, derived).
        #expect(abs(link.keyPerPulse / 2.226e-4 - 1) < 0.02)
        let eta = link.transmittance * receiver
        let slope = Self.gllpSlope(eta: eta, mu: mu, y0: 1.7e-6, ed: 0.033, f: 1.22, q: 0.5) * link.repetitionRateHz
        let perDB = slope * eta * -log(10) / 10
        let expected = (perDB: perDB, perKm: perDB * 0.21, perPercent: slope * eta / 0.045 * 0.01)

        let sensitivity = try #require(WhatIfAnalyzer(topology: topology, plan: plan).analyse(demand: "A-B")?.sensitivity)
        #expect(sensitivity.link == "L")
        // The loss derivative is one-sided (extra loss is never negative): its O(h²) error is about
        // (k·h)²/3 ≈ 2e-4 for a rate falling as e^(−k·dB), k ≈ 0.23 per dB, h = 0.1 dB. The others are central.
        #expect(abs(sensitivity.perDB.bpsPerUnit / expected.perDB - 1) < 1e-3)
        #expect(abs((sensitivity.perKm?.bpsPerUnit ?? 0) / expected.perKm - 1) < 1e-4)
        #expect(abs(sensitivity.perPercentEfficiency.bpsPerUnit / expected.perPercent - 1) < 1e-4)
        #expect(sensitivity.perDB.bpsPerUnit < 0 && sensitivity.perPercentEfficiency.bpsPerUnit > 0)
        #expect(sensitivity.perDB.unit == "dB" && sensitivity.perKm?.unit == "km" && sensitivity.perPercentEfficiency.unit == "%")
    }

    /// The steps planned on the touched part of the network give the same rates as full re-plans of the edited topology.
    @Test func localStepsEqualFullReplans() throws {
        let (topology, plan) = SurvivabilityTests.diamond(requiredFraction: 0.9)
        let whatIf = try #require(WhatIfAnalyzer(topology: topology, plan: plan).analyse(demand: "A-B"))
        let limiting = try #require(whatIf.limiting)
        let sensitivity = try #require(whatIf.sensitivity)
        let index = try #require(topology.linkIndex(limiting.link))
        func rate(_ edit: (inout Topology) -> Void) -> Double {
            var edited = topology
            edit(&edited)
            return Planner().plan(edited).demands[0].maxFlowBps
        }
        let base = plan.demands[0].maxFlowBps
        let h = SensitivityProbe.lossStepDB
        let loss = { (db: Double) in rate { $0.links[index].extraLosses.append(NamedLoss(name: "step", loss: Quantity(db, .decibel))) } }
        let perDB = (-3 * base + 4 * loss(h) - loss(2 * h)) / (2 * h)
        let km = (topology.links[index].length?.si ?? 0) / 1000, step = SensitivityProbe.lengthStepKm
        let length = { (value: Double) in rate { $0.links[index].length = Quantity(value, .kilometre) } }
        // a1 and b1 (20 km each) limit the near path equally: a kink, so the longer side is the slope reported.
        #expect(length(km - step) == base)
        let perKm = (length(km + step) - base) / step
        #expect(abs(sensitivity.perDB.bpsPerUnit - perDB) <= 1e-9 * abs(perDB))
        #expect(abs((sensitivity.perKm?.bpsPerUnit ?? 0) - perKm) <= 1e-9 * abs(perKm))
        #expect(sensitivity.perDB.scheme == "forward 3-point" && sensitivity.perKm?.scheme.hasPrefix("forward 2-point at a kink") == true)
    }

    /// A —40 km— T —40 km— B: both links limit the demand equally, so lengthening one costs key and shortening
    /// it gains none. The slopes on the worsening side are reported (a central difference would halve the loss
    /// and promise a gain), as the full re-plans of the edited topology give them.
    @Test func twoLinksLimitingEquallyReportTheWorseningSideOfTheKink() throws {
        let nodes = [Fixtures.node("A"), Fixtures.node("T", .trusted), Fixtures.node("B")]
        let topology = Fixtures.topology(nodes: nodes, links: [Fixtures.fiber("L1", "A", "T", km: 40), Fixtures.fiber("L2", "T", "B", km: 40)],
                                         demands: [Fixtures.demand("A", "B")])
        let plan = Planner().plan(topology)
        let sensitivity = try #require(WhatIfAnalyzer(topology: topology, plan: plan).analyse(demand: "A-B")?.sensitivity)
        let index = try #require(topology.linkIndex(sensitivity.link))
        func rate(km: Double) -> Double {
            var edited = topology
            edited.links[index].length = Quantity(km, .kilometre)
            return Planner().plan(edited).demands[0].maxFlowBps
        }
        let (base, step) = (plan.demands[0].maxFlowBps, SensitivityProbe.lengthStepKm)
        #expect(rate(km: 40 - step) == base)   // the tie: the other link still limits
        let longer = (rate(km: 40 + step) - base) / step
        let perKm = try #require(sensitivity.perKm)
        #expect(longer < 0 && abs(perKm.bpsPerUnit - longer) <= 1e-9 * abs(longer))
        #expect(perKm.scheme.hasPrefix("forward 2-point at a kink") && perKm.scheme.contains("changes the rate by 0 bit/s"))
        #expect(sensitivity.perPercentEfficiency.scheme.hasPrefix("backward 2-point at a kink"))
        #expect(sensitivity.perPercentEfficiency.bpsPerUnit > 0)
    }

    /// QA: "kink, other way" had the wrong sign for the length (a step shorter gains key, and it read as a loss).
    /// A —40 km— T —39.95 km— B: L1 limits; 0.1 km shorter, L2 limits instead, at a little more key.
    @Test func aStepTheOtherWayAtAKinkTellsTheGainWithItsSign() throws {
        let nodes = [Fixtures.node("A"), Fixtures.node("T", .trusted), Fixtures.node("B")]
        let topology = Fixtures.topology(nodes: nodes, links: [Fixtures.fiber("L1", "A", "T", km: 40), Fixtures.fiber("L2", "T", "B", km: 39.95)],
                                         demands: [Fixtures.demand("A", "B")])
        let plan = Planner().plan(topology)
        let sensitivity = try #require(WhatIfAnalyzer(topology: topology, plan: plan).analyse(demand: "A-B")?.sensitivity)
        #expect(sensitivity.link == "L1")
        var shorter = topology
        shorter.links[0].length = Quantity(40 - SensitivityProbe.lengthStepKm, .kilometre)
        let gain = Planner().plan(shorter).demands[0].maxFlowBps - plan.demands[0].maxFlowBps
        let perKm = try #require(sensitivity.perKm)
        #expect(gain > 0 && abs((perKm.otherWay ?? 0) - gain) <= 1e-9 * gain, "\(perKm.otherWay ?? 0) against \(gain)")
        #expect(perKm.scheme.contains("changes the rate by \(Format.number(gain, digits: 3)) bit/s"))
    }

    @Test func aDemandWithoutKeyHasNoSensitivityButALimitingLink() throws {
        let nodes = [Fixtures.node("A"), Fixtures.node("B")]
        let topology = Fixtures.topology(nodes: nodes, links: [Fixtures.fiber("far", "A", "B", km: 400)],
                                         demands: [Fixtures.demand("A", "B")])
        let plan = Planner().plan(topology)
        #expect(plan.demands[0].maxFlowBps == 0)
        let whatIf = try #require(WhatIfAnalyzer(topology: topology, plan: plan).analyse(demand: "A-B"))
        #expect(whatIf.sensitivity == nil)
        let limiting = try #require(whatIf.limiting)
        #expect(limiting.link == "far" && limiting.segmentRateBps == 0)
        #expect((limiting.marginDB ?? 0) < 0 && limiting.noKeyReason != nil)
        #expect(limiting.largestLoss?.item == "fiber 400 km x 0.2 dB/km")
    }
}
