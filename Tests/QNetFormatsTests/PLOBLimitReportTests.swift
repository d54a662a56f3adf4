import Foundation
import QNetFormats
import QNetModel
import QNetPlanner
import Testing

/// A lossless channel's PLOB bound has no limit (Pirandola et al., Nat. Commun. 8, 15043 (2017): −log2(1 − η) at
/// η = 1): "no limit" in Markdown, null in JSON with `plob_unlimited: true`, an empty CSV cell — never 0 bit/s beside
/// a key (QA 12b: a 0 km link).
@Suite struct PLOBLimitReportTests {
    private let yaml = """
        qnet: 1
        name: base
        nodes:
          - {id: A, kind: endpoint}
          - {id: T, kind: trusted}
          - {id: B, kind: endpoint}
        links:
          - {id: L1, between: [A, T], medium: fiber, length: 0 km}
          - {id: L2, between: [T, B], medium: fiber, length: 40 km}

        """

    @Test func noLimitInEveryReport() throws {
        let topology = try TopologyReader.load(yaml: yaml, file: "12b.qnet.yaml").document.topology
        let plan = Planner().plan(topology)
        let markdown = MarkdownReport.render(plan, of: topology)
        let l1 = try #require(markdown.split(separator: "\n").first { $0.hasPrefix("| L1 | fiber |") })
        #expect(l1.hasSuffix(" | no limit | " + EngineeringFormat.decibels(try #require(plan.links[0].marginDB)) + " |"), "\(l1)")
        #expect(markdown.contains("); PLOB bound no limit; margin "))
        #expect(!markdown.contains("PLOB bound 0 bit/s"))

        let json = try #require(try JSONSerialization.jsonObject(with: Data(JSONReport.render(plan, of: topology).utf8)) as? [String: Any])
        let links = try #require(json["links"] as? [[String: Any]])
        #expect(links[0]["plob_bound_bps"] is NSNull && links[0]["plob_unlimited"] as? Bool == true)
        #expect(links[1]["plob_bound_bps"] is Double && links[1]["plob_unlimited"] as? Bool == false)
        let segments = try #require(json["segments"] as? [[String: Any]])
        let first = try #require(segments.first { $0["links"] as? [String] == ["L1"] })
        #expect(first["plob_bound_bps"] is NSNull && first["plob_unlimited"] as? Bool == true)

        let csv = CSVReport.render(plan)
        let header = try #require(csv.split(separator: "\r\n").first).split(separator: ",")
        let row = try #require(csv.split(separator: "\r\n").first { $0.hasPrefix("L1,") }).split(separator: ",", omittingEmptySubsequences: false)
        let column = try #require(header.firstIndex(of: "plob_bound_bps"))
        #expect(row[column].isEmpty)
    }
}
