import Testing
import QNetModel
@testable import QNetPlanner

/// QA: `electronic_noise` on an ingaas-apd detector was marked unused in the detector's form, and `check` said nothing.
@Suite struct UnusedDetectorKeysTests {
    private func topology(kind: DetectorKind?) -> Topology {
        var topology = Fixtures.topology(nodes: [Fixtures.node("A"), Fixtures.node("B")],
                                         links: [Fixtures.fiber("L1", "A", "B", km: 20)])
        topology.equipment.detectors[0].kind = kind
        topology.equipment.detectors[0].electronicNoise = Quantity(0.01, .one)
        return topology
    }

    @Test func aKeyThePhotonCounterDoesNotReadIsWarnedAboutAtItsKey() {
        let warnings = Planner().plan(topology(kind: .ingaasAPD)).diagnostics.filter { $0.message.contains("electronic_noise") }
        #expect(warnings.map(\.keyPath) == ["equipment.detectors.snspd.electronic_noise"])
        #expect(warnings.first?.severity == .warning)
        #expect(warnings.first?.message == "electronic_noise is not used on an ingaas-apd detector (only homodyne and "
                + "heterodyne detectors read it): remove it, or change the kind")
    }

    @Test func aHomodyneDetectorReadsItAndGetsNoWarning() {
        #expect(!Planner().plan(topology(kind: .homodyne)).diagnostics.contains { $0.message.contains("electronic_noise") })
    }
}
