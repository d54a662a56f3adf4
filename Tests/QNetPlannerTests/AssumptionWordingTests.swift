import Testing
import QNetModel
@testable import QNetPlanner

/// The equipment assumptions read as an engineer would write them.
@Suite struct AssumptionWordingTests {
    private func assumptions(_ edit: (inout Topology) -> Void) throws -> [String: String] {
        var topology = Fixtures.topology(nodes: [Fixtures.node("A"), Fixtures.node("B")],
                                         links: [Fixtures.fiber("L1", "A", "B", km: 10)])
        edit(&topology)
        let link = try #require(Planner().plan(topology).links.first)
        return Dictionary(link.assumptions.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
    }

    @Test func repetitionRateCarriesItsPrefix() throws {
        let values = try assumptions { $0.equipment.sources[0].repetitionRate = Quantity(10, .megahertz) }
        #expect(values["source"]?.hasSuffix("weak-coherent, 10 MHz") == true)
    }

    @Test func darkCountsAreShownAsTheFileGivesThem() throws {
        let rate = try assumptions { _ in }
        #expect(rate["detector"]?.contains("100 Hz dark") == true)
        let gated = try assumptions { $0.equipment.detectors[0].darkCountProbability = Quantity(1e-6, .fraction) }
        #expect(gated["detector"]?.contains("1e-06 dark per gate") == true)
        #expect(gated["detector"]?.contains("Hz dark") == false)
    }

    @Test func durationsPickTheirPrefix() {
        #expect(Format.duration(50e-12) == "50 ps")
        #expect(Format.duration(1e-9) == "1 ns")
        #expect(Format.duration(2e-9) == "2 ns")
        #expect(Format.duration(1e-6) == "1 us")
        #expect(Format.duration(0.5) == "500 ms")
    }

    @Test("a percentage below a whole percent never prints as it: 49.99 % is not the 50 % misalignment limit (QA)")
    func percentagesDoNotRoundUpToALimit() throws {
        #expect(Format.percent(0.4999) == "49.99 %")
        #expect(Format.percent(0.49999) == "49.999 %")
        #expect(Format.percent(0.5) == "50 %" && Format.percent(0.01) == "1 %" && Format.percent(0.113) == "11.3 %")
        #expect(Format.percent(0.10999) == "10.999 %")
        let values = try assumptions { $0.links[0].misalignment = Quantity(49.99, .percent) }
        #expect(values["misalignment"] == "49.99 %")
        let link = try #require(Planner().plan(Fixtures.topology(
            nodes: [Fixtures.node("A"), Fixtures.node("B")],
            links: [{ var link = Fixtures.fiber("L1", "A", "B", km: 10); link.misalignment = Quantity(49.99, .percent); return link }()]))
            .links.first)
        let reason = try #require(link.noKeyReason)
        #expect(reason.contains("misalignment 49.99 %") && !reason.contains("misalignment 50 %"))
    }

    @Test("one trusted node is singular")
    func countsAgree() {
        #expect(1.counted("trusted node") == "1 trusted node" && 2.counted("trusted node") == "2 trusted nodes")
        #expect(0.counted("trusted node") == "0 trusted nodes")
    }

    @Test func frequenciesPickTheirPrefix() {
        #expect(Format.frequency(1e9) == "1 GHz")
        #expect(Format.frequency(2.5e7) == "25 MHz")
        #expect(Format.frequency(100) == "100 Hz")
        #expect(Format.frequency(1500) == "1.5 kHz")
    }
}

/// A detector that cannot absorb the link's wavelength is flagged.
@Suite struct DetectorSpectrumTests {
    @Test func siliconAt1550IsFlagged() {
        var topology = Fixtures.topology(nodes: [Fixtures.node("A"), Fixtures.node("B")],
                                         links: [Fixtures.fiber("L1", "A", "B", km: 10)])
        #expect(!Planner().plan(topology).diagnostics.contains { $0.message.contains("does not absorb") })
        topology.equipment.detectors[0].kind = .siAPD
        let warning = Planner().plan(topology).diagnostics.first { $0.message.contains("does not absorb") }
        #expect(warning?.severity == .warning)
        #expect(warning?.message.contains("si-apd detector does not absorb 1550 nm (band-gap cut-off 1107 nm)") == true)
        #expect(warning?.keyPath == "equipment.detectors.snspd.kind")
    }
}
