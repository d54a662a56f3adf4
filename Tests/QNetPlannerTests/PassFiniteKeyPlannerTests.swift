import Foundation
import Testing
import QNetModel
import QNetPhysics
@testable import QNetPlanner

/// A satellite link with `pass:` and `finite_key:`: one finite-key block of the whole pass beside the asymptotic
/// key per pass, and the finite key per day in the key graph (Sidhu et al. 2022; Lim et al. 2014).
@Suite struct PassFiniteKeyPlannerTests {
    /// Satellite S at 500 km over ground station A: one downlink with a pass, `finite_key` when given, `protocol` as
    /// given; sifting efficient, so that the asymptotic key per pass bounds the finite one (biased bases).
    private func downlink(finiteKey: FiniteKeySettings?, protocolKind: ProtocolKind? = nil, maxElevation: Double = 60,
                          extraDB: Double = 0) -> Topology {
        var satellite = Fixtures.node("S", .satellite)
        satellite.altitude = Quantity(500, .kilometre)
        var pass = SatellitePass()
        pass.maxElevation = Quantity(maxElevation, .degree)
        pass.passesPerDay = Quantity(2, .one)
        var link = Link(id: "S-A", from: "S", to: "A", medium: .satellite)
        link.pass = pass
        link.wavelength = Quantity(850, .nanometre)
        link.beamDivergence = Quantity(10, .microradian)
        link.pointingJitter = Quantity(1, .microradian)
        link.finiteKey = finiteKey
        // The whole receiver's loss, in place of the built-in receiving optics.
        if extraDB > 0 { link.extraLosses = [NamedLoss(name: "receiver_optics_and_added", loss: Quantity(extraDB, .decibel))] }
        link.sifting = .efficient
        link.protocolKind = protocolKind
        return Fixtures.topology(nodes: [satellite, Fixtures.node("A")], links: [link])
    }

    @Test("the finite key of a pass: below the asymptotic key per pass, per day x passes, in the key graph")
    func finiteKeyPerPass() throws {
        let plan = Planner().plan(downlink(finiteKey: FiniteKeyPlannerTests.finiteKey(block: 1e6, epsilonSec: 1e-9)))
        #expect(Fixtures.nonFiniteFields(plan) == [])
        let link = try #require(plan.links.first)
        let pass = try #require(link.pass)
        let finite = try #require(pass.finiteKey)
        #expect(finite.keyPerPassBits > 0 && finite.noKeyReason == nil)
        #expect(finite.keyPerPassBits < pass.keyPerPassBits)
        #expect(abs(finite.keyPerDayBits - 2 * finite.keyPerPassBits) < 1e-9 * finite.keyPerDayBits)
        #expect(abs(finite.dailyAverageBps - finite.keyPerDayBits / 86_400) < 1e-12 * finite.keyPerDayBits)
        #expect(abs(finite.passAverageBps - finite.keyPerPassBits / pass.durationSeconds) < 1e-9 * finite.passAverageBps)
        // The block is the pass's key-basis detections, far more than the 1e6 block_size the link's own key uses.
        #expect(finite.keyBasisDetections > 1e6 && finite.detections > finite.keyBasisDetections)
        #expect(finite.epsilonSec == 1e-9 && finite.qber > 0 && finite.qber < 0.11)
        #expect(finite.phaseErrorRate > 0 && finite.phaseErrorRate < 0.5)
        #expect(pass.assumptions.contains { $0.name == "pass finite key" && $0.basis.hasPrefix("links[0].finite_key") })
        // The pass's finite key sifts with its own q_X; the asymptotic key per pass beside it with the link's sifting.
        let sifting = try #require(finite.sifting)
        #expect(sifting.value.contains("q_X = \(Format.number(finite.basisBias))") && sifting.value.hasSuffix("efficient, q = 1"))
        let segment = try #require(plan.segments.first)
        #expect(segment.keyRateBps == finite.dailyAverageBps)
        #expect(segment.keyPerPassBits == finite.keyPerPassBits && segment.keyPerDayBits == finite.keyPerDayBits)
    }

    @Test("the pass's finite key uses the link's tail bound and names it")
    func passTailBound() throws {
        var settings = FiniteKeyPlannerTests.finiteKey(block: 1e6, epsilonSec: 1e-9)
        let hoeffding = try #require(Planner().plan(downlink(finiteKey: settings)).links.first?.pass)
        settings.tailBound = .chernoff
        let chernoff = try #require(Planner().plan(downlink(finiteKey: settings)).links.first?.pass)
        let (h, c) = (try #require(hoeffding.finiteKey), try #require(chernoff.finiteKey))
        #expect(h.tailBound == .hoeffding && c.tailBound == .chernoff)
        #expect(c.keyPerPassBits > 0 && c.keyPerPassBits != h.keyPerPassBits)
        let line = try #require(chernoff.assumptions.first { $0.name == "pass tail bound" })
        #expect(line.basis == "links[0].finite_key.tail_bound" && line.value.hasPrefix("chernoff"))
    }

    @Test("a block_size too small for the link's own finite key leaves the pass's key, and its segment, without that reason")
    func linkBlockTooSmallForItsOwnKey() throws {
        let plan = Planner().plan(downlink(finiteKey: FiniteKeyPlannerTests.finiteKey(block: 100, epsilonSec: 1e-9)))
        let link = try #require(plan.links.first)
        let finite = try #require(link.pass?.finiteKey)
        #expect(link.noKeyReason != nil)  // a block of 100 detections: no key at culmination
        #expect(finite.keyPerPassBits > 0 && finite.noKeyReason == nil)
        let segment = try #require(plan.segments.first)
        #expect(segment.keyRateBps == finite.dailyAverageBps && segment.keyRateBps > 0)
        #expect(segment.noKeyReason == nil)
    }

    @Test("a short, lossy pass with an asymptotic key but too few detections for a finite one says why, in the key graph too")
    func tooFewDetections() throws {
        let plan = Planner().plan(downlink(finiteKey: FiniteKeyPlannerTests.finiteKey(block: nil), maxElevation: 12, extraDB: 28))
        let pass = try #require(plan.links.first?.pass)
        let finite = try #require(pass.finiteKey)
        #expect(pass.keyPerPassBits > 0)
        #expect(finite.keyPerPassBits == 0 && finite.keyPerDayBits == 0 && finite.dailyAverageBps == 0)
        #expect(finite.noKeyReason?.contains("finite-size terms exceed it") == true)
        let segment = try #require(plan.segments.first)
        #expect(segment.keyRateBps == 0 && segment.noKeyReason == finite.noKeyReason)
        #expect(Fixtures.nonFiniteFields(plan) == [])
    }

    @Test("the pass's counts from 32 Simpson steps give the finite key a fine grid does")
    func thirtyTwoStepsCountAsAFineGridDoes() throws {
        let topology = downlink(finiteKey: FiniteKeyPlannerTests.finiteKey(block: nil))
        let nodeIndex = Dictionary(uniqueKeysWithValues: topology.nodes.enumerated().map { ($1.id, $0) })
        let link = ResolvedLink(try #require(LinkInputs(topology: topology, index: 0, nodeIndex: nodeIndex)))
        let timing = DetectionBudgetBuilder.build(link, pathLength: 0)
        func finiteKey(_ intervals: Int) throws -> PassFiniteKeyPlan {
            try #require(SatellitePassPlanner.plan(link, timing: timing, memo: ThresholdMemo(), strings: AssumptionMemo(),
                                                   intervals: intervals)?.0.finiteKey)
        }
        let (coarse, fine) = (try finiteKey(SatellitePassPlanner.halfPassIntervals), try finiteKey(512))
        #expect(abs(coarse.detections / fine.detections - 1) < 1e-3)
        #expect(abs(coarse.keyPerPassBits / fine.keyPerPassBits - 1) < 1e-3)
    }

    @Test("without finite_key a pass has no finite key and enters the key graph asymptotically")
    func asymptoticOnly() throws {
        let plan = Planner().plan(downlink(finiteKey: nil))
        let pass = try #require(plan.links.first?.pass)
        #expect(pass.finiteKey == nil)
        #expect(plan.segments.first?.keyRateBps == pass.dailyAverageBps)
    }

    @Test("the pass's counts weigh each time by its Simpson share: the weights add up to the pass's duration")
    func weightsCoverThePass() {
        let pass = SatellitePassGeometry(altitude: 500_000, maxElevation: 1.0, minElevation: 0.2)
        let weights = pass.halfPassWeights(count: SatellitePassPlanner.halfPassIntervals + 1)
        #expect(abs(weights.reduce(0, +) - pass.duration) < 1e-9 * pass.duration)
        #expect(weights.allSatisfy { $0 > 0 })
    }

    @Test("a cv-gg02 link with a pass warns at the pass that CV-QKD over a pass is not modelled")
    func cvOverAPassWarns() throws {
        let plan = Planner().plan(downlink(finiteKey: nil, protocolKind: .cvGG02))
        let warning = try #require(plan.diagnostics.first { $0.keyPath == "links[0].pass" })
        #expect(warning.severity == .warning && warning.message.contains("not modelled"))
        #expect(plan.links.first?.pass == nil)
    }
}
