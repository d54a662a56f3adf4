import Foundation
import QNetModel
import QNetPhysics
import Testing

@testable import QNetPlanner

/// BBM92 and MDI-QKD segments through the planner: shapes, the key against the physics, margins, errors.
@Suite("BBM92 and MDI-QKD segments")
struct TwoArmSegmentTests {
    let planner = Planner()

    /// A detector without jitter, dead time or afterpulsing, so the planner's arms are the papers' η and Y0.
    static func idealDetector(_ name: String, efficiency: Double, darkPerWindow: Double) -> Detector {
        var detector = Detector(name: name)
        detector.efficiency = Quantity(efficiency * 100, .percent)
        detector.darkCountProbability = Quantity(darkPerWindow, .fraction)
        detector.jitter = Quantity(0, .picosecond)
        detector.deadTime = Quantity(0, .nanosecond)
        detector.gateWidth = Quantity(1, .nanosecond)
        return detector
    }

    /// A source of `kind` at 100 MHz without linewidth (no dispersion).
    static func source(_ name: String, _ kind: SourceKind) -> PhotonSource {
        var source = PhotonSource(name: name)
        source.kind = kind
        source.repetitionRate = Quantity(100, .megahertz)
        source.linewidth = Quantity(0, .nanometre)
        if kind == .weakCoherent { source.decoy = .infinite }
        return source
    }

    /// A fiber link with `lossDB` of channel (0.2 dB/km), no clock jitter, the given misalignment and sifting.
    static func arm(_ id: String, _ from: String, _ to: String, km: Double, _ kind: ProtocolKind, misalignment: Double,
                    ec: Double, sifting: Sifting) -> Link {
        var link = Fixtures.fiber(id, from, to, km: km, protocol: kind)
        link.misalignment = Quantity(misalignment * 100, .percent)
        link.clockSyncJitter = Quantity(0, .picosecond)
        link.ecEfficiency = Quantity(ec, .one)
        link.sifting = sifting
        return link
    }

    /// A topology over `nodes` and `links` with the given equipment.
    static func topology(_ nodes: [Node], _ links: [Link], sources: [PhotonSource], detectors: [Detector],
                         demands: [Demand] = []) -> Topology {
        var topology = Topology(name: "two arms", nodes: nodes, links: links, demands: demands)
        topology.equipment = Equipment(sources: sources, detectors: detectors)
        return topology
    }

    /// Lo, Curty, Qi's parameter set (Ma, Razavi, Table I) as a topology: A~M~B with `kmPerArm` on each side;
    /// the relay's receiver holds 4 × 3e-6 dark counts per window, so 3e-6 per detector.
    static func lcqRelay(kmPerArm: Double) -> Topology {
        var a = Node(id: "A", kind: .endpoint), b = Node(id: "B", kind: .endpoint), m = Node(id: "M", kind: .relay)
        (a.source, b.source, m.detector) = ("wcp", "wcp", "relay")
        return topology(
            [a, m, b],
            [arm("AM", "A", "M", km: kmPerArm, .mdi, misalignment: 0.015, ec: 1.16, sifting: .efficient),
             arm("BM", "B", "M", km: kmPerArm, .mdi, misalignment: 0, ec: 1.16, sifting: .efficient)],
            sources: [source("wcp", .weakCoherent)],
            detectors: [idealDetector("relay", efficiency: 0.145, darkPerWindow: 4 * 3e-6)],
            demands: [Fixtures.demand("A", "B", kbps: 0.1)])
    }

    /// Ma, Fung, Lo's 144 km parameter set as a topology: D1~S~D2 with `lossPerArm` dB on each arm.
    static func pdcInTheMiddle(lossPerArm: Double) -> Topology {
        var d1 = Node(id: "D1", kind: .endpoint), d2 = Node(id: "D2", kind: .endpoint), s = Node(id: "S", kind: .source)
        (d1.detector, d2.detector, s.source) = ("apd", "apd", "spdc")
        var l1 = arm("L1", "S", "D1", km: 0, .bbm92, misalignment: 0.015, ec: 1.22, sifting: .standard)
        var l2 = arm("L2", "S", "D2", km: 0, .bbm92, misalignment: 0, ec: 1.22, sifting: .standard)
        l1.extraLosses = [NamedLoss(name: "free-space arm", loss: Quantity(lossPerArm, .decibel))]
        l2.extraLosses = [NamedLoss(name: "free-space arm", loss: Quantity(lossPerArm, .decibel))]
        return topology([d1, s, d2], [l1, l2], sources: [source("spdc", .spdc)],
                        detectors: [idealDetector("apd", efficiency: 0.145, darkPerWindow: 6.02e-6)])
    }

    @Test func mdiSegmentReproducesTheLCQCurve() throws {
        // 50 km per arm = 100 km: 4.9349e-6 bit per pulse pair (Tests/validation/bbm92-mdi.yaml, mdi-lcq-set-curve);
        // the key vanishes at 232.09 km, 46.418 dB in all, so 26.418 dB more than the 20 dB here.
        let plan = planner.plan(Self.lcqRelay(kmPerArm: 50))
        let segment = try #require(plan.segments.first)
        let budget = try #require(segment.keyBudget)
        #expect(segment.id == "A~M~B" && segment.protocolKind == .mdi)
        #expect(abs(budget.keyPerPulse / 4.9349e-6 - 1) < 2e-3)
        #expect(abs(segment.keyRateBps - budget.keyPerPulse * 100e6) < 1e-9 * segment.keyRateBps)
        #expect(abs((segment.marginDB ?? 0) - 26.418) < 0.01)
        #expect(budget.figures.contains { $0.key == "dark_count_per_detector" && abs($0.value - 3e-6) < 1e-15 })
        #expect(segment.plobBoundBps.map { segment.keyRateBps < $0 } == true)
        #expect(plan.links.allSatisfy { $0.keyRateBps == segment.keyRateBps && $0.marginDB == segment.marginDB })
        #expect(plan.links.allSatisfy { $0.keyPerPulse == budget.keyPerPulse && $0.noKeyReason == nil })
        #expect(plan.demands.first?.satisfied == true)
        #expect(!plan.diagnostics.contains { $0.severity != .note })
    }

    @Test func bbm92SourceInTheMiddleMatchesThePhysics() throws {
        // 30 dB per arm; the key vanishes at 61.628 dB in all (mean pair number optimised).
        let plan = planner.plan(Self.pdcInTheMiddle(lossPerArm: 30))
        let segment = try #require(plan.segments.first)
        let budget = try #require(segment.keyBudget)
        let arm = 0.145 * 1e-3
        let expected = BBM92.optimise(BBM92Parameters(transmittanceA: arm, transmittanceB: arm, darkYieldA: 6.02e-6,
                                                      darkYieldB: 6.02e-6, misalignment: 0.015, ecEfficiency: 1.22,
                                                      siftingFactor: 0.5))
        #expect(segment.id == "D1~S~D2" && expected.keyPerPulse > 0)
        #expect(abs(budget.keyPerPulse / expected.keyPerPulse - 1) < 1e-6)
        #expect(budget.intensities.first.map { abs($0.value - expected.meanPairNumber) < 1e-6 } == true)
        #expect(abs((segment.marginDB ?? 0) - 1.628) < 0.01)
        #expect(budget.arms.map(\.link) == ["L1", "L2"])
    }

    @Test func bbm92SourceAtOneEndUsesTheSendersOwnDetector() throws {
        // Source beside D1: the key vanishes at 36.608 dB on the one channel (Tests/validation/bbm92-mdi.yaml).
        var d1 = Node(id: "D1", kind: .endpoint), d2 = Node(id: "D2", kind: .endpoint)
        (d1.source, d1.detector, d2.detector) = ("spdc", "apd", "apd")
        var link = Self.arm("L1", "D1", "D2", km: 0, .bbm92, misalignment: 0.015, ec: 1.22, sifting: .standard)
        link.extraLosses = [NamedLoss(name: "channel", loss: Quantity(30, .decibel))]
        let plan = planner.plan(Self.topology([d1, d2], [link], sources: [Self.source("spdc", .spdc)],
                                              detectors: [Self.idealDetector("apd", efficiency: 0.145, darkPerWindow: 6.02e-6)]))
        let segment = try #require(plan.segments.first)
        let budget = try #require(segment.keyBudget)
        #expect(segment.keyRateBps > 0 && abs((segment.marginDB ?? 0) - 6.608) < 0.01)
        #expect(budget.arms.first?.link == nil && budget.arms.first?.channelLossDB == 0)
        #expect(abs((budget.arms.first?.transmittance ?? 0) - 0.145) < 1e-12)
        #expect(plan.links.first?.keyRateBps == segment.keyRateBps)
    }

    @Test func tooMuchLossGivesNoKeyANegativeMarginAndAReason() throws {
        let plan = planner.plan(Self.lcqRelay(kmPerArm: 130))
        let segment = try #require(plan.segments.first)
        #expect(segment.keyRateBps == 0)
        #expect(abs((segment.marginDB ?? 0) - (46.418 - 52)) < 0.01)
        #expect(segment.noKeyReason?.contains("exceeds the 46.4 dB the segment tolerates") == true)
        #expect(plan.links.allSatisfy { $0.keyRateBps == 0 && $0.noKeyReason == segment.noKeyReason })
        #expect(plan.demands.first?.fallback == "pqc-only")
        #expect(Fixtures.nonFiniteFields(plan).isEmpty)
    }

    @Test func sourceListedSecondIsALocatedError() throws {
        var topology = Self.pdcInTheMiddle(lossPerArm: 10)
        topology.links[1] = Self.arm("L2", "D2", "S", km: 0, .bbm92, misalignment: 0, ec: 1.22, sifting: .standard)
        let plan = planner.plan(topology)
        #expect(plan.segments.first?.keyRateBps == 0)
        #expect(plan.segments.first?.noKeyReason?.contains("must list the source S first (between: [S, D2])") == true)
        #expect(plan.diagnostics.contains { $0.severity == .error && $0.keyPath == "links[1].between" })
    }

    @Test func relayListedFirstIsALocatedError() throws {
        var topology = Self.lcqRelay(kmPerArm: 10)
        topology.links[1] = Self.arm("BM", "M", "B", km: 10, .mdi, misalignment: 0, ec: 1.16, sifting: .efficient)
        let plan = planner.plan(topology)
        #expect(plan.segments.first?.noKeyReason?.contains("must list the relay M second (between: [B, M])") == true)
        #expect(plan.diagnostics.contains { $0.severity == .error && $0.keyPath == "links[1].between" })
    }

    @Test func wrongSourceKindsAreLocatedErrors() throws {
        var mdi = Self.lcqRelay(kmPerArm: 10)
        mdi.equipment.sources = [Self.source("wcp", .spdc)]
        let mdiPlan = planner.plan(mdi)
        #expect(mdiPlan.segments.first?.noKeyReason?.contains("mdi needs weak-coherent pulses") == true)
        #expect(mdiPlan.diagnostics.contains { $0.severity == .error && $0.keyPath == "equipment.sources.wcp.kind" })

        var bbm92 = Self.pdcInTheMiddle(lossPerArm: 10)
        bbm92.equipment.sources = [Self.source("spdc", .weakCoherent)]
        let bbm92Plan = planner.plan(bbm92)
        #expect(bbm92Plan.segments.first?.noKeyReason?.contains("bbm92 needs an spdc source") == true)
        #expect(bbm92Plan.diagnostics.contains { $0.severity == .error && $0.keyPath == "equipment.sources.spdc.kind" })
    }

    @Test func protocolsThroughTheWrongNodeKindAreErrors() throws {
        // bbm92 through a relay, mdi over one link.
        var topology = Self.lcqRelay(kmPerArm: 10)
        topology.links = topology.links.map { var link = $0; link.protocolKind = .bbm92; return link }
        let throughRelay = planner.plan(topology)
        #expect(throughRelay.segments.first?.noKeyReason?.contains("passes through M (relay)") == true)

        var direct = Self.lcqRelay(kmPerArm: 10)
        direct.links = [Self.arm("AB", "A", "B", km: 10, .mdi, misalignment: 0, ec: 1.16, sifting: .efficient)]
        let oneLink = planner.plan(direct)
        #expect(oneLink.segments.first?.noKeyReason?.contains("joins two key-holding nodes directly") == true)
        #expect(oneLink.diagnostics.contains { $0.severity == .error && $0.keyPath == "links[0].protocol" })
    }

    @Test func aLinkToADeadEndSourceSaysWhyItHasNoKey() throws {
        var topology = Self.pdcInTheMiddle(lossPerArm: 10)
        topology.links.removeLast()
        let plan = planner.plan(topology)
        #expect(plan.segments.isEmpty)
        #expect(plan.links.first?.keyRateBps == 0)
        #expect(plan.links.first?.noKeyReason?.contains("no segment carries its key") == true)
        #expect(plan.diagnostics.contains { $0.severity == .warning && $0.keyPath == "links[0]" })
    }

    /// QA: a decoy BB84 link from an endpoint to a repeater with no other link showed its own 5.8 Mbit/s, although the
    /// repeater holds no key; a decoy BB84 link between two key holders keeps its key.
    @Test func aDecoyLinkToARepeaterThatLeadsNowhereHasNoKeyAndSaysWhoHoldsNone() throws {
        let nodes = [Node(id: "A", kind: .endpoint), Node(id: "R1", kind: .repeater), Node(id: "B", kind: .endpoint)]
        var links = [Fixtures.fiber("Q1", "A", "R1", km: 20, protocol: .bb84Decoy),
                     Fixtures.fiber("Q2", "A", "B", km: 20, protocol: .bb84Decoy)]
        (links[0].finiteKey, links[1].finiteKey) = (FiniteKeySettings(), FiniteKeySettings())
        let plan = planner.plan(Self.topology(nodes, links, sources: [], detectors: []))
        let dangling = try #require(plan.links.first { $0.id == "Q1" })
        #expect(dangling.keyRateBps == 0 && dangling.keyPerPulse == 0 && dangling.marginDB == nil && dangling.finiteKey == nil)
        #expect(dangling.noKeyReason?.contains("no segment carries its key: R1 (a repeater) holds no key, so no one holds this "
                                               + "link's (make it a trusted node") == true, "\(dangling.noKeyReason ?? "none")")
        #expect(plan.diagnostics.contains { $0.severity == .warning && $0.keyPath == "links[0]" })
        let direct = try #require(plan.links.first { $0.id == "Q2" })
        #expect(direct.keyRateBps > 0 && direct.finiteKey != nil)
    }

    @Test func fixedIntensitiesAreUsedAsGiven() throws {
        var topology = Self.lcqRelay(kmPerArm: 20)
        topology.equipment.sources[0].signalIntensity = .fixed(0.3)
        let budget = try #require(planner.plan(topology).segments.first?.keyBudget)
        #expect(budget.intensities.map(\.value) == [0.3, 0.3])
        #expect(budget.intensities.allSatisfy { $0.basis == "equipment.sources.wcp.signal_intensity" })

        var pdc = Self.pdcInTheMiddle(lossPerArm: 10)
        pdc.equipment.sources[0].meanPairNumber = .fixed(0.05)
        let pdcBudget = try #require(planner.plan(pdc).segments.first?.keyBudget)
        #expect(pdcBudget.intensities.first?.value == 0.05)
    }

    @Test func deadTimeAndAfterpulsingEnterTheOperatingPoint() throws {
        var topology = Self.pdcInTheMiddle(lossPerArm: 1)
        topology.equipment.detectors[0].deadTime = Quantity(1, .microsecond)
        topology.equipment.detectors[0].afterpulseProbability = Quantity(5, .percent)
        let budget = try #require(planner.plan(topology).segments.first?.keyBudget)
        for arm in budget.arms {
            #expect(arm.detector.deadTimeFactor < 0.9 && arm.detector.countRateHz > 0)
            #expect(arm.detector.afterpulseProbabilityPerWindow > 0)
            #expect(arm.noiseProbability > 6.02e-6)
        }
    }

    @Test func incrementalReplanEqualsFullPlan() throws {
        let session = PlanningSession()
        var topology = Self.lcqRelay(kmPerArm: 40)
        _ = session.plan(topology)
        topology.links[0].length = Quantity(60, .kilometre)
        #expect(session.plan(topology) == planner.plan(topology))
    }
}
