import Testing
import QNetModel
@testable import QNetPlanner

/// A homodyne or heterodyne receiver on a link whose protocol counts photons is planned with click figures, and a
/// warning at the detector's kind says so and lists them; a photon counter on a cv-gg02 link stays an error.
@Suite struct CountingDetectorCheckTests {
    private static let counting = "measures field quadratures and counts no photons"

    /// A two-endpoint topology whose receiver B (and relay M, source node S) use `detector`, with `links`.
    private func topology(_ detector: Detector, links: [Link], sources: [PhotonSource] = []) -> Topology {
        var relay = Fixtures.node("M", .relay)
        relay.detector = detector.name
        var receiver = Fixtures.node("B")
        receiver.detector = detector.name
        var topology = Fixtures.topology(nodes: [Fixtures.node("A"), receiver, relay, Fixtures.node("C")], links: links)
        topology.equipment.detectors.append(detector)
        topology.equipment.sources += sources
        return topology
    }

    private func detector(_ name: String, _ kind: DetectorKind) -> Detector {
        var detector = Detector(name: name)
        detector.kind = kind
        return detector
    }

    /// A cv-gg02 link V1 from A, sending coherent-gaussian states, to B's `detector`.
    private func cvLink(_ detector: Detector) -> Topology {
        var gaussian = PhotonSource(name: "gauss")
        gaussian.kind = .coherentGaussian
        var cv = topology(detector, links: [Fixtures.fiber("V1", "A", "B", km: 25, protocol: .cvGG02)], sources: [gaussian])
        cv.nodes[0].source = "gauss"
        return cv
    }

    private func warnings(_ plan: Plan) -> [Diagnostic] { plan.diagnostics.filter { $0.message.contains(Self.counting) } }

    @Test func aHomodyneReceiverOnDecoyBB84IsWarnedAboutWithTheFiguresThePlanUsed() throws {
        var homodyne = detector("hom", .homodyne)
        homodyne.darkCountRate = Quantity(10, .hertz)
        let plan = Planner().plan(topology(homodyne, links: [Fixtures.fiber("L1", "A", "B", km: 25)]))
        let warning = try #require(warnings(plan).first)
        #expect(warnings(plan).count == 1 && warning.severity == .warning)
        #expect(warning.keyPath == "equipment.detectors.hom.kind")
        // Its figures: the efficiency built in for a homodyne receiver, the file's dark counts, the rest an snspd's.
        #expect(warning.message == "link L1: a homodyne detector measures field quadratures and counts no photons, which "
                + "bb84-decoy needs; the plan counts clicks with it as if it did, with 60 % efficiency, 10 Hz dark, "
                + "50 ns dead time, 50 ps jitter, 0 % afterpulsing (the efficiency is a homodyne receiver's built-in; "
                + "dead time, jitter, afterpulsing: the built-in figures of the default kind, snspd): name a photon counter "
                + "(snspd, ingaas-apd, si-apd), or use protocol cv-gg02 with a coherent-gaussian source")
        // A warning, not an error: the link is planned as before, on those figures, and travels with the link.
        #expect(plan.links[0].keyRateBps > 0 && plan.links[0].diagnostics.contains(warning))
        #expect(!plan.diagnostics.contains { $0.severity == .error })
    }

    @Test func aHeterodyneRelayWarnsOnEachArmOfItsMDISegment() {
        let plan = Planner().plan(topology(detector("het", .heterodyne),
                                           links: [Fixtures.fiber("AM", "A", "M", km: 10, protocol: .mdi),
                                                   Fixtures.fiber("CM", "C", "M", km: 10, protocol: .mdi)]))
        #expect(warnings(plan).map(\.keyPath) == ["equipment.detectors.het.kind", "equipment.detectors.het.kind"])
        #expect(warnings(plan).map { $0.message.prefix(13) } == ["link AM: a he", "link CM: a he"])
        #expect(warnings(plan).allSatisfy { $0.message.contains("which mdi needs") })
    }

    @Test func aHomodyneBesideABBM92SourceIsWarnedAboutForItsSegment() throws {
        var spdc = PhotonSource(name: "spdc")
        spdc.kind = .spdc
        var sender = Fixtures.node("S")
        (sender.source, sender.detector) = ("spdc", "hom")
        var topology = topology(detector("hom", .homodyne), links: [Fixtures.fiber("E1", "S", "C", km: 10, protocol: .bbm92)],
                                sources: [spdc])
        topology.nodes.append(sender)
        let found = warnings(Planner().plan(topology))
        #expect(found.count == 1)
        let warning = try #require(found.first)
        #expect(warning.keyPath == "equipment.detectors.hom.kind")
        #expect(warning.message.hasPrefix("segment C~S, detector beside the source at S: a homodyne detector"))
    }

    @Test func photonCountersOnCountingLinksAndCoherentReceiversOnCVLinksAreNotWarnedAbout() {
        let counters = Planner().plan(topology(detector("apd", .ingaasAPD), links: [Fixtures.fiber("L1", "A", "B", km: 25)]))
        #expect(warnings(counters).isEmpty)
        let coherent = Planner().plan(cvLink(detector("hom", .homodyne)))
        #expect(warnings(coherent).isEmpty && coherent.links[0].keyRateBps > 0)
    }

    @Test func aPhotonCounterOnACVLinkStaysAnErrorWithoutKey() {
        let plan = Planner().plan(cvLink(detector("si", .siAPD)))
        #expect(warnings(plan).isEmpty)
        #expect(plan.diagnostics.contains { $0.severity == .error && $0.keyPath == "equipment.detectors.si.kind"
            && $0.message == "link V1: cv-gg02 needs a homodyne or heterodyne detector; the receiver has si-apd" })
        #expect(plan.links[0].keyRateBps == 0)
    }
}
