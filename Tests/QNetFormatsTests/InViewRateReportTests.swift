import Foundation
import QNetFormats
import QNetModel
import QNetPlanner
import Testing

/// A satellite link at one elevation and no pass, from a low orbit, keys only while the satellite is there: its rate is
/// shown "in view" (its segment carries 0), and JSON flags it with `key_only_while_in_view` (QA: `:add link S2 SAT B
/// satellite 45 deg` showed an unqualified 568 kbit/s beside a demand with no QKD path).
@Suite struct InViewRateReportTests {
    private let yaml = """
        qnet: 1
        name: in view
        nodes:
          - {id: SAT, kind: satellite, altitude: 500 km}
          - {id: B, kind: endpoint}
        links:
          - {id: S2, between: [SAT, B], medium: satellite, elevation: 45 deg}

        """

    @Test func inViewInEveryReport() throws {
        let topology = try TopologyReader.load(yaml: yaml, file: "inview.qnet.yaml").document.topology
        let plan = Planner().plan(topology)
        let link = try #require(plan.links.first)
        let rate = EngineeringFormat.rate(link.keyRateBps)
        #expect(link.keyRateBps > 0 && PlanFigures.linkRate(link) == rate + " in view")
        let markdown = MarkdownReport.render(plan, of: topology)
        #expect(markdown.contains(" | \(rate) in view | "))
        #expect(markdown.contains("Key: **\(rate) in view**"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(JSONReport.render(plan, of: topology).utf8)) as? [String: Any])
        let entry = try #require((json["links"] as? [[String: Any]])?.first)
        #expect(entry["key_only_while_in_view"] as? Bool == true && entry["key_rate_bps"] as? Double == link.keyRateBps)
        let segment = try #require((json["segments"] as? [[String: Any]])?.first)
        #expect(segment["key_rate_bps"] as? Double == 0 && segment["key_while_in_view_bps"] as? Double == link.keyRateBps)
        // CSV: the flag in the links table's last column (a second reader: the in-view label was lost there).
        let lines = CSVReport.render(plan).components(separatedBy: "\r\n")
        #expect(lines[0].hasSuffix(",diagnostics,key_only_while_in_view") && lines[1].hasSuffix(",true"), "\(lines.prefix(2))")
    }
}
