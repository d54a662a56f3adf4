import Foundation
import QNetFormats
import QNetModel
import QNetPlanner
import Testing

/// QA finding M5: a demand to a node with no links is told why in plain words, and offered a link from the nearest
/// key holder (by position) whose link gives it key, at the rate a full plan of the edited topology gives.
@Suite("A demand to a node without links")
struct UnlinkedEndReportTests {
    /// DC1 —22 km— POP1 —25 km— POP2, and POP3 at (40, 10) km with no link: POP2 at (30, 20) is 14.14 km from it,
    /// POP1 at (20, 0) 22.36 km, DC1 at the origin 41.23 km.
    static let yaml = """
        qnet: 1
        name: m5
        defaults: {protocol: bb84-decoy}
        equipment:
          sources:
            wcp: {kind: weak-coherent, repetition_rate: 1 GHz}
          detectors:
            snspd: {kind: snspd, efficiency: 85 %, dark_count_rate: 100 Hz}
        nodes:
          - {id: DC1, kind: endpoint, position: {x: 0 km, y: 0 km}, source: wcp, detector: snspd}
          - {id: POP1, kind: trusted, position: {x: 20 km, y: 0 km}, source: wcp, detector: snspd}
          - {id: POP2, kind: trusted, position: {x: 30 km, y: 20 km}, source: wcp, detector: snspd}
          - {id: POP3, kind: trusted, position: {x: 40 km, y: 10 km}}
        links:
          - {id: DC1-POP1, between: [DC1, POP1], length: 22 km}
          - {id: POP1-POP2, between: [POP1, POP2], length: 25 km}
        demands:
          - {between: [DC1, POP3], key_rate: 1 kbit/s}

        """

    @Test func theReasonIsTheNodesMissingLinkAndTheNearestKeyHolderOffersOne() throws {
        let topology = try TopologyReader.read(yaml: Self.yaml, file: "m5.qnet.yaml")
        let plan = Planner().plan(topology)
        let analysis = WhatIfAnalyzer(topology: topology, plan: plan).analyse()
        let whatIf = try #require(analysis.demand(at: 0))
        #expect(whatIf.limiting == nil && whatIf.unlinkedEnds == ["POP3"] && whatIf.unlinkedReason == "POP3 has no link")
        let suggestion = try #require(whatIf.suggestions.first)
        #expect(whatIf.suggestions.count == 1 && suggestion.kind == .newLink && suggestion.satisfied)
        #expect(suggestion.changes == ["new link POP2-POP3: between [POP2, POP3], 14.142 km, protocol bb84-decoy, source wcp, "
            + "detector snspd (its other keys those of POP1-POP2, extra losses included)"])

        // The same link by hand, planned with the whole network.
        var edited = topology
        var link = Link(id: "POP2-POP3", from: "POP2", to: "POP3", medium: .fiber, length: Quantity(14.142, .kilometre))
        (link.protocolKind, link.source, link.detector) = (.bb84Decoy, "wcp", "snspd")
        edited.links.append(link)
        let planned = Planner().plan(edited)
        let expected = planned.demands[0]
        #expect(expected.maxFlowBps > 0 && abs(suggestion.rateBps - expected.maxFlowBps) <= 1e-9 * expected.maxFlowBps)
        let linkKey = try #require(planned.links.first { $0.id == "POP2-POP3" }).keyRateBps

        let markdown = MarkdownReport.render(plan, of: topology, whatIf: analysis)
        #expect(markdown.contains("- **Limiting link**: none: POP3 has no link, so no segment reaches it."))
        #expect(markdown.contains("| a fiber link from POP2 to POP3, 14.14 km between their positions, equipped as POP1-POP2, "
            + "planned at \(EngineeringFormat.rate(linkKey)) (POP2 is the nearest key holder whose link gives DC1-POP3 key) | \(EngineeringFormat.rate(expected.maxFlowBps)) | yes |"))
        let data = Data(JSONReport.render(plan, of: topology, whatIf: analysis).utf8)
        let report = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let entry = try #require((report["demands"] as? [[String: Any]])?.first?["what_if"] as? [String: Any])
        #expect(entry["unlinked_ends"] as? [String] == ["POP3"])
        #expect((entry["suggestions"] as? [[String: Any]])?.first?["kind"] as? String == "new-link")
    }

    /// The planned key of a fiber link POP2-POP3 `km` long, equipped as POP1-POP2 (its source and detector copied).
    private static func keyOfNewLink(_ km: Double, in topology: Topology, misalignment: Double? = nil) throws -> Double {
        var edited = topology
        var link = Link(id: "POP2-POP3", from: "POP2", to: "POP3", medium: .fiber, length: Quantity(km, .kilometre))
        (link.protocolKind, link.source, link.detector) = (.bb84Decoy, "wcp", "snspd")
        link.misalignment = misalignment.map { Quantity($0 * 100, .percent) }
        edited.links.append(link)
        return try #require(Planner().plan(edited).links.first { $0.id == "POP2-POP3" }).keyRateBps
    }

    /// `yaml` with POP3 at `position` (as the file writes it), planned and analysed: its demand's what-ifs.
    private static func analysed(POP3At position: String) throws
        -> (topology: Topology, plan: Plan, analysis: WhatIfAnalysis, whatIf: DemandWhatIf) {
        let yaml = Self.yaml.replacingOccurrences(of: "position: {x: 40 km, y: 10 km}", with: "position: \(position)")
        let topology = try TopologyReader.read(yaml: yaml, file: "m5.qnet.yaml")
        let plan = Planner().plan(topology)
        let analysis = WhatIfAnalyzer(topology: topology, plan: plan).analyse()
        return (topology, plan, analysis, try #require(analysis.demand(at: 0)))
    }

    /// The `new_link_without_key` object of the JSON report's first demand.
    private static func newLinkWithoutKeyJSON(_ plan: Plan, of topology: Topology, whatIf: WhatIfAnalysis) throws -> [String: Any] {
        let data = Data(JSONReport.render(plan, of: topology, whatIf: whatIf).utf8)
        let report = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let entry = try #require((report["demands"] as? [[String: Any]])?.first?["what_if"] as? [String: Any])
        return try #require(entry["new_link_without_key"] as? [String: Any])
    }

    @Test func aFarEndIsToldThatOneLinkCannotReachItAndHowFarOneReaches() throws {
        // POP3 at (1000, 0) km: POP2 is 970.2 km from it, beyond any one fiber link of this equipment.
        let (topology, plan, analysis, whatIf) = try Self.analysed(POP3At: "{x: 1000 km, y: 0 km}")
        #expect(whatIf.unlinkedEnds == ["POP3"] && whatIf.suggestions.isEmpty)
        let far = try #require(whatIf.newLinkWithoutKey)
        #expect(far.from == "POP2" && far.to == "POP3" && far.equippedAs == "POP1-POP2")
        #expect(abs(far.distanceMeters - 970_206.2) < 1)
        let reach = try #require(far.reachMeters)
        // The reach is the longest link with key: the planner gives key just short of it and none just past it.
        #expect(try Self.keyOfNewLink(reach / 1000 * 0.99, in: topology) > 0)
        #expect(try Self.keyOfNewLink(reach / 1000 * 1.01, in: topology) == 0)
        #expect(reach > 100_000 && reach < 970_206)
        let about = Int((reach / 1000).rounded())   // three digits
        let reason = "a fiber link from POP2 to POP3, 970.2 km between their positions, equipped as POP1-POP2, gives no key: "
            + "past the reach of one such link (about \(about) km); POP3 needs a trusted node on the way, a repeater chain "
            + "or a satellite link"
        #expect(far.reason == reason)

        let markdown = MarkdownReport.render(plan, of: topology, whatIf: analysis)
        #expect(markdown.contains("- **No new link to POP3**: \(reason)."))
        let json = try Self.newLinkWithoutKeyJSON(plan, of: topology, whatIf: analysis)
        #expect(json["from"] as? String == "POP2" && json["to"] as? String == "POP3" && json["equipped_as"] as? String == "POP1-POP2")
        #expect(json["reach_m"] as? Double == reach && json["distance_m"] as? Double == far.distanceMeters)
        #expect(json["reason"] as? String == reason && json["no_key_reason"] as? String == far.noKeyReason)
        #expect(far.longestAcceptedMeters == nil && json["longest_accepted_m"] is NSNull)

        // Near enough, the link is suggested and nothing is said of its reach.
        let near = try TopologyReader.read(yaml: Self.yaml, file: "m5.qnet.yaml")
        let nearPlan = Planner().plan(near)
        let nearAnalysis = WhatIfAnalyzer(topology: near, plan: nearPlan).analyse()
        #expect(try #require(nearAnalysis.demand(at: 0)).newLinkWithoutKey == nil)
        let nearData = Data(JSONReport.render(nearPlan, of: near, whatIf: nearAnalysis).utf8)
        let nearReport = try #require(try JSONSerialization.jsonObject(with: nearData) as? [String: Any])
        let nearEntry = try #require((nearReport["demands"] as? [[String: Any]])?.first?["what_if"] as? [String: Any])
        #expect(nearEntry["new_link_without_key"] is NSNull)
    }

    @Test func aLinkWithoutKeyAtAnyLengthIsToldItsReasonNotAReach() throws {
        // POP1-POP2, the equipment POP2's new link copies, with 20 % misalignment: no length gives it key.
        let yaml = Self.yaml.replacingOccurrences(of: "{id: POP1-POP2, between: [POP1, POP2], length: 25 km}",
                                                  with: "{id: POP1-POP2, between: [POP1, POP2], length: 25 km, misalignment: 20 %}")
        let topology = try TopologyReader.read(yaml: yaml, file: "m5.qnet.yaml")
        let plan = Planner().plan(topology)
        let whatIf = try #require(WhatIfAnalyzer(topology: topology, plan: plan).analyse().demand(at: 0))
        // POP1, the next nearest, gives key through its own link DC1-POP1, copied.
        #expect(whatIf.suggestions.first?.kind == .newLink && whatIf.newLinkWithoutKey == nil)

        let far = yaml.replacingOccurrences(of: "position: {x: 40 km, y: 10 km}", with: "position: {x: 1000 km, y: 0 km}")
        let farTopology = try TopologyReader.read(yaml: far, file: "m5.qnet.yaml")
        let farWhatIf = try #require(WhatIfAnalyzer(topology: farTopology, plan: Planner().plan(farTopology)).analyse().demand(at: 0))
        let link = try #require(farWhatIf.newLinkWithoutKey)
        #expect(link.from == "POP2" && link.reachMeters == nil && link.noKeyReason.contains("misalignment 20 %"))
        #expect(link.reason == "a fiber link from POP2 to POP3, 970.2 km between their positions, equipped as POP1-POP2, "
            + "gives no key at any length: " + link.noKeyReason + "; POP3 needs a link of other equipment, and beyond one "
            + "link's reach a trusted node on the way, a repeater chain or a satellite link")
        // The reason is that of the link with no length at all: the planner gives it no key either.
        #expect(try Self.keyOfNewLink(0, in: farTopology, misalignment: 0.2) == 0)
    }

    /// Second reader: an end 45,000 km away (planar positions) was told only "none of the changes tried": the new link
    /// is longer than any fiber the planner accepts (`LinkLengthBoundsTests`), refused at its length, not planned.
    @Test func anEndFartherThanAnyFiberCanBeIsToldSoWithTheLongestLinkAccepted() throws {
        // POP3 at (45000, 0) km: POP2 at (30, 20) km is sqrt(44970² + 20²) = 44970.0 km from it.
        let (topology, plan, analysis, whatIf) = try Self.analysed(POP3At: "{x: 45000 km, y: 0 km}")
        #expect(whatIf.unlinkedEnds == ["POP3"] && whatIf.suggestions.isEmpty)
        let far = try #require(whatIf.newLinkWithoutKey)
        #expect(far.from == "POP2" && far.to == "POP3" && far.reachMeters == nil)
        #expect(abs(far.distanceMeters - 44_970_004.4) < 1)
        #expect(far.longestAcceptedMeters == 40_075_017)
        #expect(far.noKeyReason == "length 44970 km is longer than a fiber link can be: at most 40075 km, Earth's "
            + "circumference (WGS-84 equator): no fiber on Earth need be longer")
        let reason = "POP2 and POP3 are 44970 km apart by their positions, farther than the longest link the planner "
            + "accepts (a fiber of 40075 km, Earth's circumference): no link can join them; most likely a position is wrong"
        #expect(far.reason == reason)

        let markdown = MarkdownReport.render(plan, of: topology, whatIf: analysis)
        #expect(markdown.contains("- **No new link to POP3**: \(reason)."))
        let json = try Self.newLinkWithoutKeyJSON(plan, of: topology, whatIf: analysis)
        #expect(json["longest_accepted_m"] as? Double == 40_075_017 && json["reach_m"] is NSNull)
        #expect(json["reason"] as? String == reason && json["no_key_reason"] as? String == far.noKeyReason)
    }

    @Test func withoutPositionsNoLinkIsSuggestedButTheReasonStays() throws {
        let yaml = Self.yaml.replacingOccurrences(of: "position: {x: 40 km, y: 10 km}", with: "name: far away")
        let topology = try TopologyReader.read(yaml: yaml, file: "m5.qnet.yaml")
        let plan = Planner().plan(topology)
        let whatIf = try #require(WhatIfAnalyzer(topology: topology, plan: plan).analyse().demand(at: 0))
        #expect(whatIf.unlinkedReason == "POP3 has no link" && whatIf.suggestions.isEmpty)
    }
}
