import Foundation
import QNetFormats
import QNetModel
import QNetPlanner
import Testing

/// QA (a network architect): satellite and free-space links got no useful what-if. Micius asked for 10 bit/s got
/// "none of the changes tried", and La Palma–Tenerife only a trusted node at the midpoint, which is in the sea. The
/// planner now tries larger telescopes, each suggestion at the rate that planning the edited sample gives.
@Suite("Telescope suggestions on the samples")
struct OpticsSampleSuggestionTests {
    /// `name`'s sample with its first demand asking `rate` and, when given, every free-space link's Cn² set to `cn2`.
    static func sample(_ name: String, asking rate: Quantity, cn2: Double? = nil) throws -> Topology {
        var topology = try Fixtures.plannedSample(name).0
        topology.demands[0].keyRate = rate
        for index in topology.links.indices where cn2 != nil && topology.links[index].resolvedMedium == .freeSpace {
            topology.links[index].turbulenceCn2 = cn2.map { Quantity($0, .perMetreTwoThirds) }
        }
        return topology
    }

    /// The first demand's suggestions.
    static func suggestions(_ topology: Topology) throws -> (rate: Double, suggestions: [Suggestion]) {
        let plan = Planner().plan(topology)
        let whatIf = try #require(WhatIfAnalyzer(topology: topology, plan: plan).analyse().demand(at: 0))
        return (plan.demands[0].maxFlowBps, whatIf.suggestions)
    }

    /// `suggestion`'s edits, as written and as the workbench makes them, planned from scratch: the first demand's rate.
    static func plannedRate(of suggestion: Suggestion, on topology: Topology) throws -> Double {
        let written = try SuggestionEdits.apply(suggestion.changes, to: topology)
        #expect(written == suggestion.edit.applied(to: topology))
        let plan = Planner().plan(written)
        #expect(plan.diagnostics.allSatisfy { $0.severity != .error })
        return plan.demands[0].maxFlowBps
    }

    @Test("Micius at 10 bit/s: a 1.5 m receiving telescope at both ground stations, at the rate the edited sample plans")
    func miciusGetsLargerGroundTelescopes() throws {
        let topology = try Self.sample("micius-downlink", asking: Quantity(10, .bitPerSecond))
        let (rate, suggestions) = try Self.suggestions(topology)
        #expect(EngineeringFormat.rate(rate) == "5.97 bit/s")
        let optics = try #require(suggestions.first { $0.kind == .optics })
        // Each link alone leaves the other limiting: the change is made on both (their segments tie).
        #expect(optics.summary == "receiving telescope 150 cm on each of MICIUS-XINGLONG, MICIUS-NANSHAN (the ground station's, "
            + "from 100 cm; its stray light scales with the area at the same field of view: background_rate 1125 Hz)")
        #expect(optics.changes == ["MICIUS-XINGLONG.rx_aperture: 1.5 m", "MICIUS-XINGLONG.background_rate: 1125 Hz",
                                   "MICIUS-NANSHAN.rx_aperture: 1.5 m", "MICIUS-NANSHAN.background_rate: 1125 Hz"])
        let planned = try Self.plannedRate(of: optics, on: topology)
        #expect(abs(planned - optics.rateBps) <= 1e-9 * planned)
        #expect(optics.satisfied == (planned >= 10) && optics.satisfied)
        // The satellite's 30 cm telescope is the largest offered, and its beam_divergence is given: no transmitting one.
        #expect(!suggestions.contains { $0.summary.hasPrefix("transmitting telescope") })
        // A satellite link is not split at its midpoint.
        #expect(!suggestions.contains { $0.kind == .trustedNode || $0.summary.contains("midpoint") })
    }

    /// Second reader: with one station's 1 m written and the other's left to the built-in 1 m, the two links' summaries
    /// differed (", the built-in default"), so the tied links' candidates did not merge and nothing was suggested.
    @Test("Micius with one station's telescope left to the built-in size: the same suggestion on both links")
    func miciusWithOneBuiltInTelescope() throws {
        var topology = try Self.sample("micius-downlink", asking: Quantity(10, .bitPerSecond))
        let nanshan = try #require(topology.links.firstIndex { $0.id == "MICIUS-NANSHAN" })
        topology.links[nanshan].rxAperture = nil
        let optics = try #require(try Self.suggestions(topology).suggestions.first { $0.kind == .optics })
        #expect(optics.summary.hasPrefix("receiving telescope 150 cm on each of MICIUS-XINGLONG, MICIUS-NANSHAN"))
        let planned = try Self.plannedRate(of: optics, on: topology)
        #expect(optics.satisfied && abs(planned - optics.rateBps) <= 1e-9 * optics.rateBps)
    }

    @Test("La Palma at night asking 30 bit/s: larger receiving and transmitting telescopes, each at its planned rate")
    func laPalmaAtNightGetsLargerTelescopes() throws {
        let topology = try Self.sample("la-palma-tenerife", asking: Quantity(30, .bitPerSecond))
        let (rate, suggestions) = try Self.suggestions(topology)
        #expect(rate > 0 && rate < 30)
        let optics = suggestions.filter { $0.kind == .optics }
        #expect(optics.map(\.changes) == [["LP-TF.rx_aperture: 1.5 m", "LP-TF.background_rate: 2700 Hz"], ["LP-TF.tx_aperture: 30 cm"]])
        for suggestion in optics {
            let planned = try Self.plannedRate(of: suggestion, on: topology)
            #expect(abs(planned - suggestion.rateBps) <= 1e-9 * planned, "\(suggestion.summary)")
            #expect(suggestion.satisfied == (planned >= 30), "\(suggestion.summary)")
        }
        #expect(optics.first?.satisfied == true)
    }

    @Test("La Palma in daytime turbulence: no telescope the sizes allow gives key; the midpoint says it needs line of sight")
    func laPalmaInDaytimeTurbulence() throws {
        let topology = try Self.sample("la-palma-tenerife", asking: Quantity(10, .bitPerSecond), cn2: 1e-15)
        let (rate, suggestions) = try Self.suggestions(topology)
        #expect(rate == 0)
        #expect(!suggestions.contains { $0.kind == .optics })
        // Both telescopes at their largest, without the larger one's stray light: still no key, so none is offered.
        var largest = topology
        largest.links[0].rxAperture = Quantity(1.5, .metre)
        largest.links[0].txAperture = Quantity(1.5, .metre)
        #expect(Planner().plan(largest).demands[0].maxFlowBps == 0)
        let midpoint = try #require(suggestions.first { $0.kind == .trustedNode })
        #expect(midpoint.summary == "a trusted node at the midpoint of LP-TF (free-space: a midpoint needs a site with line of sight "
            + "to both ends; not checked)")
    }
}
