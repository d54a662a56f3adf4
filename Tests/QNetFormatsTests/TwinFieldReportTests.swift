import Foundation
import QNetFormats
import QNetModel
import QNetPlanner
import Testing

/// The twin-field sample's reports: each tf link's detector table shows the relay at the segment's operating point.
@Suite("Reports of twin-field segments")
struct TwinFieldReportTests {
    @Test("the tf links' tables show the relay's click rate before dead time, and no Gaussian tail of 1e-209 %")
    func linkTablesShowTheRelay() throws {
        let (topology, plan) = try Fixtures.plannedSample("twin-field-cv")
        let segment = try #require(plan.segments.first { $0.protocolKind == .twinField })
        let relay = try #require(segment.twinField?.relayDetectors.first)
        #expect(relay.countRateHz > 0)
        let markdown = MarkdownReport.render(plan, of: topology)
        #expect(markdown.contains("| click rate before dead time | \(EngineeringFormat.frequency(relay.countRateHz)) | clicks per pulse × f_rep"))
        #expect(!markdown.contains("| click rate before dead time | 0 Hz |"))
        #expect(markdown.contains("| signal in the neighbouring slot | < 1e-10 % | Gaussian tail |"))
        #expect(!markdown.contains("e-209 %"))
        #expect(markdown.contains("relay click rate before dead time (2 detectors): \(EngineeringFormat.frequency(relay.countRateHz))"))

        let json = try #require(try JSONSerialization.jsonObject(with: Data(JSONReport.render(plan, of: topology).utf8)) as? [String: Any])
        let segments = try #require(json["segments"] as? [[String: Any]])
        let tf = try #require(segments.first { $0["protocol"] as? String == "tf" }?["twin_field"] as? [String: Any])
        let detectors = try #require(tf["relay_detectors"] as? [[String: Any]])
        #expect(detectors.count == 2 && detectors.allSatisfy { ($0["count_rate_hz"] as? Double ?? 0) > 0 })
    }

    @Test("a percentage below 1e-10 % prints as a bound, an exact 0 as 0.00 %")
    func tinyPercentages() {
        #expect(EngineeringFormat.percent(6.18e-211) == "< 1e-10 %")
        #expect(EngineeringFormat.percent(0) == "0.00 %")
        #expect(EngineeringFormat.percent(2.07e-6) == "2.07e-04 %")
    }

    @Test("a percentage just below a whole percent keeps the digits that show it: 49.999 %, not 50.00 %")
    func percentagesDoNotRoundUpToALimit() {
        #expect(EngineeringFormat.percent(0.49999) == "49.999 %")
        #expect(EngineeringFormat.percent(0.4999) == "49.99 %")
        #expect(EngineeringFormat.percent(0.5) == "50.00 %" && EngineeringFormat.percent(0.113) == "11.30 %")
        #expect(EngineeringFormat.percent(0.50001) == "50.00 %")  // above it, rounding down shows the limit truly
    }
}
