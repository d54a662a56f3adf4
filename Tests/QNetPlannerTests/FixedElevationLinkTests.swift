import Foundation
import Testing
import QNetModel
@testable import QNetPlanner

/// A satellite link at one elevation (or slant range) and no pass: its key holds only while the satellite is there,
/// so unless the satellite is geostationary its segment carries no key in the key graph (physics.md §4: a satellite
/// segment enters the flow at its daily average), with a warning at the key and a note on the demands it leaves short.
@Suite struct FixedElevationLinkTests {
    let planner = Planner()

    /// A–S–B through a trusted satellite S at `altitudeKm`, both downlinks at 45° (the QA file /tmp/qame/sat2.yaml).
    private func relay(altitudeKm: Double, slantRangeKm: Double? = nil) -> Topology {
        var satellite = Fixtures.node("S", .satellite)
        satellite.altitude = Quantity(altitudeKm, .kilometre)
        let links = ["A", "B"].map { ground -> Link in
            var link = Link(id: Identifier("S-\(ground)"), from: "S", to: Identifier(ground), medium: .satellite,
                            length: slantRangeKm.map { Quantity($0, .kilometre) })
            if slantRangeKm == nil { link.elevation = Quantity(45, .degree) }
            return link
        }
        return Fixtures.topology(nodes: [satellite, Fixtures.node("A"), Fixtures.node("B")], links: links,
                                 demands: [Fixtures.demand("A", "B")])
    }

    @Test func aLowOrbitAtOneElevationCarriesNoKeyInTheRouting() throws {
        let plan = planner.plan(relay(altitudeKm: 500))
        let link = try #require(plan.links.first)
        // The link keeps its figures at 45°: that is what `elevation` means.
        #expect(link.keyRateBps > 1e5 && link.keyOnlyWhileInView)
        let warning = try #require(link.diagnostics.first { $0.keyPath == "links[0].elevation" })
        #expect(warning.severity == .warning && warning.message.contains("no pass") && warning.message.contains("pass:"))
        let segment = try #require(plan.segments.first)
        #expect(segment.keyRateBps == 0 && segment.keyWhileInViewBps == link.keyRateBps)
        #expect(segment.noKeyReason?.contains("daily average") == true)
        let demand = try #require(plan.demands.first)
        #expect(!demand.satisfied && demand.maxFlowBps == 0)
        #expect(demand.note?.contains("one elevation and no pass") == true)
    }

    /// Second reader: every unmet demand was told of every such segment, one with no satellite near it too.
    @Test func onlyDemandsThatReachTheSegmentAreToldOfIt() throws {
        var topology = relay(altitudeKm: 500)
        topology.nodes += [Fixtures.node("C"), Fixtures.node("D")]
        topology.links.append(Link(id: "C-D", from: "C", to: "D", medium: .fiber, length: Quantity(400, .kilometre)))
        topology.demands.append(Fixtures.demand("C", "D"))
        let plan = planner.plan(topology)
        let far = try #require(plan.demands.first { $0.from == "C" })
        #expect(!far.satisfied && far.note?.contains("one elevation and no pass") == false)
        let near = try #require(plan.demands.first { $0.from == "A" })
        #expect(near.note?.contains("one elevation and no pass") == true)
    }

    @Test func aSlantRangeAloneIsOneGeometryToo() throws {
        let plan = planner.plan(relay(altitudeKm: 500, slantRangeKm: 800))
        #expect(plan.links.first?.diagnostics.contains { $0.keyPath == "links[0].length" && $0.message.contains("no pass") } == true)
        #expect(plan.segments.allSatisfy { $0.keyRateBps == 0 && $0.keyWhileInViewBps != nil })
    }

    /// A geostationary satellite stays at one elevation all day: its key at that elevation is its daily average.
    @Test func aGeostationarySatelliteIsRoutedAtItsRate() throws {
        for altitude: Double in [35_786, 35_985, 35_587] {
            let plan = planner.plan(relay(altitudeKm: altitude))
            #expect(plan.diagnostics.allSatisfy { !$0.message.contains("no pass") }, "\(altitude) km")
            let segment = try #require(plan.segments.first)
            #expect(segment.keyWhileInViewBps == nil && segment.keyRateBps == plan.links[0].keyRateBps, "\(altitude) km")
            #expect(!plan.links[0].keyOnlyWhileInView, "\(altitude) km")
        }
        // Outside the IADC GEO region (± 200 km) the satellite drifts: one elevation again holds for a while only.
        let drifting = planner.plan(relay(altitudeKm: 36_000))
        #expect(drifting.segments.first?.keyRateBps == 0)
    }

    /// With a pass the segment carries its daily average, also where the link gives an elevation beside it (the
    /// link's own figures are then at that elevation).
    @Test func aPassKeepsItsDailyAverage() throws {
        var topology = relay(altitudeKm: 500)
        topology.links[0].elevation = nil
        for index in topology.links.indices { topology.links[index].pass = SatellitePass() }
        let plan = planner.plan(topology)
        #expect(plan.diagnostics.allSatisfy { !$0.message.contains("no pass") })
        #expect(plan.segments.allSatisfy { $0.keyRateBps > 0 && $0.keyWhileInViewBps == nil })
    }
}
