import QNetModel
import Testing
@testable import QNetPlanner

/// A demand short of its rate says so in the units the reports show rates in (QA: "max flow 8930 bit/s is below the
/// required 10000 bit/s" right under "8.93 kbit/s").
@Suite struct ShortfallNoteTests {
    @Test func bothRatesWithTheirPrefix() {
        #expect(DemandRouter.shortfallNote(maxFlow: 8930, required: 10_000) == "max flow 8.93 kbit/s is below the required 10 kbit/s")
        #expect(DemandRouter.shortfallNote(maxFlow: 0, required: 1e6) == "max flow 0 bit/s is below the required 1 Mbit/s")
    }

    @Test("rates that round to the same figure are given in full, never 'below' an equal figure")
    func ratesThatRoundAlike() {
        #expect(DemandRouter.shortfallNote(maxFlow: 9_999.5, required: 10_000)
            == "max flow 9999.5 bit/s is below the required 10000 bit/s")
    }

    @Test func aPlannedDemandCarriesIt() throws {
        let topology = Fixtures.topology(nodes: [Fixtures.node("A"), Fixtures.node("B")],
                                         links: [Fixtures.fiber("L1", "A", "B", km: 150)],
                                         demands: [Fixtures.demand("A", "B", kbps: 1e6)])
        let demand = try #require(Planner().plan(topology).demands.first)
        #expect(!demand.satisfied)
        #expect(demand.note?.contains("max flow " + Format.rate(demand.maxFlowBps) + " is below the required 1 Gbit/s") == true)
    }
}
