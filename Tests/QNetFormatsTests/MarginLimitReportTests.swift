import Foundation
import QNetFormats
import QNetModel
import QNetPlanner
import Testing

/// A link whose key no loss removes reports no margin figure: "no limit" in Markdown, null in JSON with
/// `margin_unlimited: true` (a link without key has null and false).
@Suite struct MarginLimitReportTests {
    private let yaml = """
        qnet: 1
        name: unlimited
        equipment:
          sources:
            g: {kind: coherent-gaussian, symbol_rate: 100 MHz, modulation_variance: 4}
          detectors:
            h: {kind: homodyne}
        nodes:
          - {id: A, source: g, detector: h}
          - {id: B, source: g, detector: h}
        links:
          - {id: V1, between: [A, B], length: 25 km, protocol: cv-gg02, excess_noise: 0}

        """

    @Test func noLimitInEveryReport() throws {
        let topology = try TopologyReader.load(yaml: yaml, file: "unlimited.qnet.yaml").document.topology
        let plan = Planner().plan(topology)
        let markdown = MarkdownReport.render(plan, of: topology)
        #expect(markdown.contains("| V1 | fiber | cv-gg02 | 5.00 dB | – | "))
        #expect(markdown.contains(" | no limit |"))
        #expect(markdown.contains("; margin: no limit (no loss the search reaches removes the key; see the assumptions)."))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(JSONReport.render(plan, of: topology).utf8)) as? [String: Any])
        let link = try #require((json["links"] as? [[String: Any]])?.first)
        #expect(link["margin_db"] is NSNull && link["margin_unlimited"] as? Bool == true)
        let segment = try #require((json["segments"] as? [[String: Any]])?.first)
        #expect(segment["margin_db"] is NSNull && segment["margin_unlimited"] as? Bool == true)
    }
}
