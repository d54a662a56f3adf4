import Testing
import QNetModel
@testable import QNetPlanner

/// Larger telescopes as what-ifs (QA: a satellite or free-space link got no useful suggestion): which telescope a
/// link's budget reads, the next size at each end, and none on a fiber link.
@Suite struct OpticsSuggestionTests {
    /// A 500 km satellite S over ground station A on a pass culminating at 60 deg, `direction`, its optics built in.
    static func satelliteLink(_ direction: LinkDirection) -> Link {
        var link = Link(id: "S1", from: "S", to: "A", medium: .satellite)
        link.direction = direction
        var pass = SatellitePass()
        pass.maxElevation = Quantity(60, .degree)
        link.pass = pass
        return link
    }

    @Test("a downlink's receiving telescope is the ground station's, its transmitting one the satellite's")
    func downlinkSides() throws {
        let telescopes = LinkTelescope.telescopes(of: Self.satelliteLink(.downlink))
        #expect(telescopes.map(\.role) == [.receiving, .transmitting])
        #expect(telescopes.map(\.mount) == [.groundStation, .satellite])
        // The ground station's built-in 1 m doubles to at most 1.5 m; the satellite's built-in 30 cm is the largest.
        #expect(telescopes[0].larger == Quantity(150, .centimetre))
        #expect(telescopes[1].diameter == 0.30 && telescopes[1].larger == nil)
    }

    @Test("an uplink's transmitting telescope is the ground station's, its receiving one the satellite's")
    func uplinkSides() throws {
        var link = Self.satelliteLink(.uplink)
        link.rxAperture = Quantity(20, .centimetre)
        let telescopes = LinkTelescope.telescopes(of: link)
        #expect(telescopes.map(\.role) == [.receiving, .transmitting])
        #expect(telescopes.map(\.mount) == [.satellite, .groundStation])
        #expect(telescopes[0].larger == Quantity(30, .centimetre))
        #expect(telescopes[1].larger == Quantity(150, .centimetre))
    }

    @Test("a given beam divergence leaves the transmitting telescope out; the size keeps the link's unit")
    func beamDivergence() throws {
        var link = Link(id: "F", from: "A", to: "B", medium: .freeSpace, length: Quantity(10, .kilometre))
        #expect(LinkTelescope.telescopes(of: link).map { $0.larger } == [Quantity(40, .centimetre), Quantity(20, .centimetre)])
        link.rxAperture = Quantity(0.5, .metre)
        link.beamDivergence = Quantity(20, .microradian)
        let telescopes = LinkTelescope.telescopes(of: link)
        #expect(telescopes.map(\.role) == [.receiving] && telescopes[0].larger == Quantity(1, .metre))
        #expect(LinkTelescope.telescopes(of: Fixtures.fiber("L", "A", "B", km: 10)).isEmpty)
    }

    @Test("a fiber link is offered no telescope")
    func fiberHasNoOptics() throws {
        let topology = SuggestionTests.single(km: 300)
        let plan = Planner().plan(topology)
        let whatIf = try #require(WhatIfAnalyzer(topology: topology, plan: plan).analyse(demand: "A-B"))
        #expect(!whatIf.suggestions.isEmpty && !whatIf.suggestions.contains { $0.kind == .optics })
        let finder = SuggestionTests.finder(topology, plan)
        #expect(finder.opticsCandidates(linkIndex: 0).isEmpty)
    }

    @Test("a station at the midpoint of a free-space link is said to need a site with line of sight; of a fiber link not")
    func midpointLineOfSight() throws {
        var taken: Set<Identifier> = ["A", "B", "F"]
        let ends = (Fixtures.node("A"), Fixtures.node("B"))
        let link = Link(id: "F", from: "A", to: "B", medium: .freeSpace, length: Quantity(20, .kilometre))
        let split = try #require(MidpointSplit(link, kind: .repeater, protocol: .entanglement, ends: ends, taken: &taken))
        #expect(MidpointSplit.lineOfSightNote(halves: split.links)
            == " (free-space: a midpoint needs a site with line of sight to both ends; not checked)")
        let fiber = try #require(MidpointSplit(Fixtures.fiber("L", "A", "B", km: 20), kind: .trusted, protocol: .bb84Decoy, ends: ends,
                                               taken: &taken))
        #expect(MidpointSplit.lineOfSightNote(halves: fiber.links).isEmpty)
    }

    /// A 20 km free-space link A–B with 10 cm and 20 cm telescopes, 2 kHz of stray light and daytime turbulence,
    /// a demand it misses.
    static var freeSpace: Topology {
        var link = Link(id: "F", from: "A", to: "B", medium: .freeSpace, length: Quantity(20, .kilometre))
        link.txAperture = Quantity(10, .centimetre)
        link.rxAperture = Quantity(20, .centimetre)
        link.turbulenceCn2 = Quantity(1e-15, .perMetreTwoThirds)
        link.backgroundRate = Quantity(2, .kilohertz)
        return Fixtures.topology(nodes: [Fixtures.node("A"), Fixtures.node("B")], links: [link],
                                 demands: [Fixtures.demand("A", "B", kbps: 1e6)])
    }

    @Test("a larger receiving telescope collects stray light with its area: background_rate scaled; each at the full plan's rate")
    func receivingTelescopeScalesTheBackground() throws {
        let topology = Self.freeSpace
        let plan = Planner().plan(topology)
        let whatIf = try #require(WhatIfAnalyzer(topology: topology, plan: plan).analyse(demand: "A-B"))
        let optics = whatIf.suggestions.filter { $0.kind == .optics }
        let receiving = try #require(optics.first { $0.summary.hasPrefix("receiving") })
        #expect(receiving.summary == "receiving telescope 40 cm on F (from 20 cm; its stray light scales with the area at the same "
            + "field of view: background_rate 8 kHz)")
        #expect(receiving.changes == ["F.rx_aperture: 40 cm", "F.background_rate: 8 kHz"])
        for suggestion in optics {
            let edited = suggestion.edit.applied(to: topology)
            let rate = Planner().plan(edited).demands[0].maxFlowBps
            #expect(abs(rate - suggestion.rateBps) <= 1e-9 * rate && rate > plan.demands[0].maxFlowBps * 1.01, "\(suggestion.summary)")
        }
    }
}
