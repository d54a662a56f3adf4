import Foundation
import Testing
import QNetModel
import QNetPhysics
@testable import QNetPlanner

/// A satellite link with a `pass:`: key integrated over the pass, per day, and at the daily average in the key graph.
@Suite struct SatellitePassPlannerTests {
    let planner = Planner()

    /// A trusted satellite S at 500 km relaying between ground stations A and B, each with a downlink pass.
    private func relay(maxElevation: Double = 60, minElevation: Double? = nil, passesPerDay: Double? = 3) -> Topology {
        var satellite = Fixtures.node("S", .satellite)
        satellite.altitude = Quantity(500, .kilometre)
        var pass = SatellitePass()
        pass.maxElevation = Quantity(maxElevation, .degree)
        pass.minElevation = minElevation.map { Quantity($0, .degree) }
        pass.passesPerDay = passesPerDay.map { Quantity($0, .one) }
        let links = ["A", "B"].map { ground -> Link in
            var link = Link(id: Identifier("S-\(ground)"), from: "S", to: Identifier(ground), medium: .satellite)
            link.pass = pass
            link.wavelength = Quantity(850, .nanometre)
            link.beamDivergence = Quantity(10, .microradian)
            link.pointingJitter = Quantity(1, .microradian)
            return link
        }
        return Fixtures.topology(nodes: [satellite, Fixtures.node("A"), Fixtures.node("B")], links: links,
                                 demands: [Fixtures.demand("A", "B", kbps: 0.001)])
    }

    @Test func keyPerPassPerDayAndTheDailyAverageInTheKeyGraph() throws {
        let plan = planner.plan(relay())
        #expect(Fixtures.nonFiniteFields(plan) == [])
        let link = try #require(plan.links.first)
        let pass = try #require(link.pass)
        #expect(pass.keyPerPassBits > 0 && pass.noKeyReason == nil)
        #expect(pass.passesPerDay == 3 && abs(pass.keyPerDayBits - 3 * pass.keyPerPassBits) < 1e-6 * pass.keyPerDayBits)
        #expect(abs(pass.dailyAverageBps - pass.keyPerDayBits / 86_400) < 1e-12 * pass.keyPerDayBits)
        #expect(abs(pass.passAverageBps - pass.keyPerPassBits / pass.durationSeconds) < 1e-9 * pass.passAverageBps)
        // Below the peak rate, above the rate at the pass's end.
        #expect(pass.passAverageBps < link.keyRateBps && pass.passAverageBps > pass.profile.last?.keyRateBps ?? .infinity)
        let segment = try #require(plan.segments.first { $0.links == [link.id] })
        #expect(segment.keyPerPassBits == pass.keyPerPassBits && segment.keyPerDayBits == pass.keyPerDayBits)
        #expect(segment.keyRateBps == pass.dailyAverageBps)
        let demand = try #require(plan.demands.first)
        #expect(abs(demand.maxFlowBps - pass.dailyAverageBps) < 1e-9 * pass.dailyAverageBps)
        #expect(demand.trustedNodes == ["S"])
    }

    @Test func passesThatDoNotFitInADayAreAnErrorAtTheirKey() throws {
        let duration = try #require(planner.plan(relay()).links.first?.pass?.durationSeconds)
        let fitting = (86_400 / duration).rounded(.down)
        #expect(!planner.plan(relay(passesPerDay: fitting)).diagnostics.contains { $0.severity == .error })
        let plan = planner.plan(relay(passesPerDay: 1e9))
        let errors = plan.diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 2 && errors.allSatisfy { $0.keyPath?.hasSuffix(".pass.passes_per_day") == true })
        #expect(errors.first?.message.contains("more than a day: at most \(Format.number(fitting)) such passes") == true)
        let pass = try #require(plan.links.first?.pass)
        #expect(pass.keyPerDayBits == 0 && pass.noKeyReason?.contains("more than a day") == true)
        #expect(plan.demands.first?.maxFlowBps == 0)
    }

    @Test func theLinkKeepsItsSingleGeometryAtTheHighestElevation() throws {
        let link = try #require(planner.plan(relay()).links.first)
        let pass = try #require(link.pass)
        let culmination = try #require(pass.profile.first)
        #expect(culmination.timeSeconds == 0 && abs(culmination.elevation - 60 * Double.pi / 180) < 1e-12)
        #expect(abs(culmination.lossDB - link.lossDB) < 1e-9)
        #expect(abs(culmination.keyRateBps - link.keyRateBps) < 1e-9 * link.keyRateBps)
        #expect(pass.profile.count == 9)
        #expect(zip(pass.profile, pass.profile.dropFirst()).allSatisfy { $0.elevation > $1.elevation && $0.lossDB < $1.lossDB })
        #expect(abs((pass.profile.last?.elevation ?? 0) - 10 * Double.pi / 180) < 1e-9)  // default lowest elevation
        #expect(pass.assumptions.contains { $0.name == "usable pass" && $0.basis.contains("built-in default (10 deg") })
        #expect(pass.assumptions.contains { $0.name == "passes a day" && $0.basis == "links[0].pass.passes_per_day" })
    }

    @Test func thirtyTwoStepsIntegrateAsAFineGridDoes() throws {
        let topology = relay()
        let nodeIndex = Dictionary(uniqueKeysWithValues: topology.nodes.enumerated().map { ($1.id, $0) })
        let link = ResolvedLink(try #require(LinkInputs(topology: topology, index: 0, nodeIndex: nodeIndex)))
        let timing = DetectionBudgetBuilder.build(link, pathLength: 0)
        func keyPerPass(_ intervals: Int) throws -> Double {
            try #require(SatellitePassPlanner.plan(link, timing: timing, memo: ThresholdMemo(), strings: AssumptionMemo(),
                                                   intervals: intervals)).0.keyPerPassBits
        }
        #expect(abs(try keyPerPass(SatellitePassPlanner.halfPassIntervals) / keyPerPass(512) - 1) < 1e-3)
    }

    @Test func aLowerPassGivesLessKeyAndAPassBelowItsMinimumNone() throws {
        let high = try #require(planner.plan(relay(maxElevation: 80)).links.first?.pass)
        let low = try #require(planner.plan(relay(maxElevation: 30)).links.first?.pass)
        #expect(low.durationSeconds < high.durationSeconds && low.keyPerPassBits < high.keyPerPassBits)

        let plan = planner.plan(relay(maxElevation: 8, minElevation: 15))
        let none = try #require(plan.links.first?.pass)
        #expect(none.durationSeconds == 0 && none.keyPerPassBits == 0 && none.keyPerDayBits == 0 && none.profile.isEmpty)
        #expect(none.noKeyReason?.contains("below its lowest usable elevation") == true)
        #expect(plan.segments.first?.keyRateBps == 0 && plan.segments.first?.noKeyReason == none.noKeyReason)
        #expect(plan.diagnostics.contains { $0.severity == .warning && $0.keyPath == "links[0].pass.max_elevation" })
        #expect(plan.demands.first?.satisfied == false)

        let idlePlan = planner.plan(relay(passesPerDay: 0))
        let idle = try #require(idlePlan.links.first?.pass)
        #expect(idle.keyPerPassBits > 0 && idle.keyPerDayBits == 0 && idle.dailyAverageBps == 0)
        #expect(idle.noKeyReason == "no usable passes a day (links[0].pass.passes_per_day = 0)")
        // QA: 0 passes a day was told only in the reason; a warning at the key says it.
        let warning = try #require(idlePlan.diagnostics.first { $0.keyPath == "links[0].pass.passes_per_day" })
        #expect(warning.severity == .warning && warning.message.hasPrefix("passes_per_day is 0: no pass, so no key per day"))
        #expect(planner.plan(relay()).diagnostics.allSatisfy { $0.keyPath != "links[0].pass.passes_per_day" })
    }

    @Test("QA: a pass whose highest elevation equals its lowest is not said to be below it")
    func aPassThatOnlyReachesItsMinimum() throws {
        let plan = planner.plan(relay(maxElevation: 49, minElevation: 49))
        let pass = try #require(plan.links.first?.pass)
        #expect(pass.durationSeconds == 0 && pass.keyPerPassBits == 0)
        #expect(pass.noKeyReason == "the pass's highest elevation (49 deg) reaches only its lowest usable elevation: no time above it")
        #expect(plan.diagnostics.contains { $0.keyPath == "links[0].pass.max_elevation" && $0.message == pass.noKeyReason })
    }
}
