import Foundation
import QNetFormats
import QNetModel
import QNetPlanner
import Testing

/// A repeater chain's keys written on a node whose segments run another protocol, in a file: the planner's warning is
/// located at the key's line, as `check` prints it; the samples, whose chain keys sit on repeaters of entanglement
/// chains, get none.
@Suite("Repeater-chain keys on the nodes of other protocols' segments, in a file")
struct SegmentNodeKeysFileTests {
    /// The Hefei MDI star sample with a swap success on its MDI relay CHARLIE (nodes[0]) and a cutoff on its BBM92
    /// source SRC (nodes[1]), each written on the line after the node's equipment.
    private static func hefeiWithChainKeys() throws -> String {
        let url = SampleLayoutTests.folder.appendingPathComponent("hefei-mdi-star.qnet.yaml")
        var text = try String(contentsOf: url, encoding: .utf8)
        for (written, edited) in [("  detector: relay-snspd\n", "  detector: relay-snspd\n  swap_success: 75 %\n"),
                                  ("  source: spdc-1550\n- id: ALICE\n", "  source: spdc-1550\n  cutoff_time: 10 ms\n- id: ALICE\n")] {
            #expect(text.components(separatedBy: written).count == 2)
            text = text.replacingOccurrences(of: written, with: edited)
        }
        return text
    }

    @Test("the MDI relay's swap_success and the BBM92 source's cutoff_time are warned about at their lines")
    func warnedAtTheirLines() throws {
        let text = try Self.hefeiWithChainKeys()
        let file = try TopologyReader.load(yaml: text, file: "hefei.qnet.yaml")
        let plan = Planner().plan(file.document.topology)
        let warnings = file.sourceMap.locate(plan.diagnostics.filter { $0.message.contains("whose segments run") })
        let lines = text.components(separatedBy: "\n")
        let swapLine = try #require(lines.firstIndex(of: "  swap_success: 75 %")) + 1
        let cutoffLine = try #require(lines.firstIndex(of: "  cutoff_time: 10 ms")) + 1
        #expect(warnings.map(\.keyPath) == ["nodes[0].swap_success", "nodes[1].cutoff_time"])
        #expect(warnings.map { $0.location?.line } == [swapLine, cutoffLine])
        #expect(warnings.first?.message == "swap_success is not used on a relay whose segments run mdi (only the inner nodes "
                + "of entanglement segments read it): remove it, or set the links through it to protocol: entanglement")
        #expect(warnings.last?.message.hasPrefix("cutoff_time is not used on a source node whose segments run bbm92 (") == true)
        #expect(plan.diagnostics.allSatisfy { $0.severity != .error })   // warnings: `check` still passes

        // The warnings are true: the sample's plan without the keys has the same segments.
        let (_, plain) = try Fixtures.plannedSample("hefei-mdi-star")
        #expect(plan.segments == plain.segments)
    }

    @Test("no sample sets a chain key on a node whose segments do not read it", arguments: SampleLayoutTests.samples)
    func samplesHaveNone(_ name: String) throws {
        let (topology, plan) = try Fixtures.plannedSample(String(name.dropLast(".qnet.yaml".count)))
        #expect(!plan.diagnostics.contains { $0.message.contains("whose segments run") })
        if name.hasPrefix("repeater-chain-600km") {   // its repeaters set every chain key, read by their chain
            #expect(topology.nodes.contains { $0.swapSuccess != nil && $0.cutoffTime != nil && $0.purification != nil })
        }
    }
}
