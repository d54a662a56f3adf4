import Foundation
import QNetFormats
import QNetModel
import QNetPlanner
import Testing

/// A link's and a segment's own warnings appear where their figures are: in the link's Markdown section, its JSON
/// entry and its CSV row (QA M4), besides the report's list of every diagnostic.
@Suite("Diagnostics with the link or segment they are about")
struct DiagnosticPlacementTests {
    /// The Vienna sample with link SIEM-ERDB's receiver set to the sample's 850 nm silicon detector, as the QA tester did.
    static func siliconOnFiber() throws -> (Topology, Plan) {
        var (topology, _) = try Fixtures.plannedSample("vienna-secoqc")
        let index = try #require(topology.links.firstIndex { $0.id == "SIEM-ERDB" })
        topology.links[index].detector = "si-apd-850"
        return (topology, Planner().plan(topology))
    }

    @Test("the link's 'does not absorb 1550 nm' warning is in its plan, its Markdown section, its JSON entry and its CSV row")
    func linkWarningTravelsWithTheLink() throws {
        let (topology, plan) = try Self.siliconOnFiber()
        let link = try #require(plan.links.first { $0.id == "SIEM-ERDB" })
        let warning = try #require(link.diagnostics.first { $0.message.contains("does not absorb 1550 nm") })
        #expect(warning.severity == .warning && warning.keyPath == "equipment.detectors.si-apd-850.kind")
        #expect(plan.diagnostics.contains(warning))  // still listed with all the others
        #expect(plan.links.filter { $0.id != "SIEM-ERDB" }.allSatisfy { !$0.diagnostics.contains(warning) })

        let markdown = MarkdownReport.render(plan, of: topology)
        let start = try #require(markdown.range(of: "### Link SIEM-ERDB"))
        let section = markdown[start.upperBound...]
        let end = section.range(of: "\n### ")?.lowerBound ?? section.endIndex
        #expect(section[..<end].contains("Warning: equipment.detectors.si-apd-850.kind: " + warning.message + "."))

        let json = try JSONSerialization.jsonObject(with: Data(JSONReport.render(plan, of: topology).utf8)) as? [String: Any]
        let links = try #require(json?["links"] as? [[String: Any]])
        let entry = try #require(links.first { $0["id"] as? String == "SIEM-ERDB" })
        let diagnostics = try #require(entry["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.contains { $0["message"] as? String == warning.message && $0["severity"] as? String == "warning"
            && $0["key_path"] as? String == warning.keyPath })

        let lines = CSVReport.render(plan).components(separatedBy: "\r\n")
        #expect(lines[0].hasSuffix(",no_key_reason,protocol_detail,diagnostics,key_only_while_in_view"))
        let row = try #require(lines.first { $0.hasPrefix("SIEM-ERDB,") })
        #expect(row.contains(warning.description))
    }

    @Test("a segment's own note (a relay shared by several segments) is in its plan and its JSON entry")
    func segmentNoteTravelsWithTheSegment() throws {
        let (topology, plan) = try Fixtures.plannedSample("hefei-mdi-star")
        let segment = try #require(plan.segments.first { $0.id == "ALICE~CHARLIE~BOB" })
        let note = try #require(segment.diagnostics.first)
        #expect(note.message.hasPrefix("segment ALICE~CHARLIE~BOB: relay CHARLIE joins") && plan.diagnostics.contains(note))
        let json = try JSONSerialization.jsonObject(with: Data(JSONReport.render(plan, of: topology).utf8)) as? [String: Any]
        let segments = try #require(json?["segments"] as? [[String: Any]])
        let entry = try #require(segments.first { $0["id"] as? String == "ALICE~CHARLIE~BOB" })
        #expect((entry["diagnostics"] as? [[String: Any]])?.first?["message"] as? String == note.message)
        #expect(MarkdownReport.render(plan, of: topology).contains("**ALICE~CHARLIE~BOB**:\nNote: nodes["))
    }

    @Test("a fiber shorter than its ends' distance: warned in the report's diagnostics and in the link's JSON entry; mixed position kinds in the report's")
    func positionWarningsInTheJSONReport() throws {
        // The Vienna sample with SIEM-ERDB (9.4 km between its ends' planar positions) written 1 km long, and its
        // node SIEM placed by latitude and longitude among planar ones.
        var (topology, _) = try Fixtures.plannedSample("vienna-secoqc")
        let link = try #require(topology.links.firstIndex { $0.id == "SIEM-ERDB" })
        topology.links[link].length = Quantity(1, .kilometre)
        let plan = Planner().plan(topology)
        topology.nodes[0].position = .geographic(latitude: Quantity(48.2, .degree), longitude: Quantity(16.37, .degree))
        let mixedPlan = Planner().plan(topology)

        let json = try JSONSerialization.jsonObject(with: Data(JSONReport.render(plan, of: topology).utf8)) as? [String: Any]
        let listed = try #require(json?["diagnostics"] as? [[String: Any]])
        let warning = try #require(listed.first { $0["key_path"] as? String == "links[\(link)].length" })
        #expect(warning["severity"] as? String == "warning")
        #expect((warning["message"] as? String)?.hasPrefix("link SIEM-ERDB is 1 km long, shorter than the 9.4") == true)
        let links = try #require(json?["links"] as? [[String: Any]])
        let own = try #require(links.first { $0["id"] as? String == "SIEM-ERDB" }?["diagnostics"] as? [[String: Any]])
        #expect(own.first?["message"] as? String == warning["message"] as? String)

        let mixed = try JSONSerialization.jsonObject(with: Data(JSONReport.render(mixedPlan, of: topology).utf8)) as? [String: Any]
        let first = try #require((mixed?["diagnostics"] as? [[String: Any]])?.first)
        #expect(first["key_path"] as? String == "nodes[0].position" && first["severity"] as? String == "warning")
        #expect((first["message"] as? String)?.contains("share no origin") == true)
    }
}
