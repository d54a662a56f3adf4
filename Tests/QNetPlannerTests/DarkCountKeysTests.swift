import Testing
import QNetModel
@testable import QNetPlanner

/// QA: a detector with both dark_count_rate and dark_count_probability had its rate ignored without a word.
@Suite struct DarkCountKeysTests {
    @Test func theIgnoredRateIsWarnedAboutOnceAtItsKey() {
        var topology = Fixtures.topology(nodes: [Fixtures.node("A"), Fixtures.node("B"), Fixtures.node("C")],
                                         links: [Fixtures.fiber("L1", "A", "B", km: 20), Fixtures.fiber("L2", "B", "C", km: 20)])
        topology.equipment.detectors[0].darkCountProbability = Quantity(1e-6, .fraction)
        let planned = Planner().plan(topology)
        let warnings = planned.diagnostics.filter { $0.message.contains("dark_count_rate") }
        #expect(warnings.map(\.keyPath) == ["equipment.detectors.snspd.dark_count_rate"])
        #expect(warnings.first?.severity == .warning)
        #expect(warnings.first?.message == "detector snspd gives dark_count_rate 100 Hz and dark_count_probability 1e-6: "
                + "the plan uses the probability per window and ignores the rate; remove one")
        // The probability is the one used.
        #expect(planned.links[0].detector?.darkProbabilityPerWindow == 1e-6)
    }

    @Test func oneOfTheTwoGivesNoWarning() {
        let topology = Fixtures.topology(nodes: [Fixtures.node("A"), Fixtures.node("B")],
                                         links: [Fixtures.fiber("L1", "A", "B", km: 20)])
        #expect(!Planner().plan(topology).diagnostics.contains { $0.message.contains("dark_count_rate") })
    }
}
