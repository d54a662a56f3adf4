import Testing
import QNetModel
import QNetPlanner
@testable import QNetTUI

/// A library entry's inspector lists the plan's warnings at its keys (a detector giving its dark counts twice).
@Suite("Views: the library inspector's warnings")
struct LibraryDiagnosticsTests {
    @Test("a detector with both dark_count_rate and dark_count_probability shows the warning at its rate")
    func darkCountsTwice() throws {
        var topology = Fixtures.metro
        var detector = Detector(name: "twice")
        detector.darkCountRate = Quantity(100, .hertz)
        detector.darkCountProbability = Quantity(1e-6, .fraction)
        topology.equipment.detectors.append(detector)
        var state = AppState(topology: topology, filePath: "metro.yaml")
        state.plan = Planner().plan(topology)
        let rows = try #require(InspectorContent.equipmentRows(.detector, "twice", state))
        let warning = try #require(rows.first { $0.role == .warning })
        #expect(warning.label.contains("equipment.detectors.twice.dark_count_rate: detector twice gives dark_count_rate 100 Hz"))
        let others = Planner().plan(Fixtures.metro).diagnostics.filter { $0.keyPath?.hasPrefix("equipment.") == true }
        #expect(others.isEmpty)
    }
}

/// A link whose key no loss removes is good on the map, and its inspector says its margin has no limit.
@Suite("Views: a margin without limit")
struct UnlimitedMarginViewTests {
    @Test("a link with key and no margin limit is good, not merely ok")
    func goodWithoutLimit() {
        #expect(LinkState(keyRateBps: 1e6, marginDB: nil, unlimited: true) == .good)
        #expect(LinkState(keyRateBps: 1e6, marginDB: nil, unlimited: false) == .ok)
        #expect(LinkState(keyRateBps: 0, marginDB: nil, unlimited: true) == .bad)
    }
}
