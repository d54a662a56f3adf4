import Foundation
import QNetFormats
import QNetModel
import QNetPlanner
import Testing

/// Every row of a link's detector and timing budget carries its basis, in the Markdown and JSON reports alike.
@Suite("Detector budget bases in the reports")
struct DetectorBudgetReportTests {
    /// The Vienna sample, whose free-space link (links[7]) sets `background_rate: 20 kHz`.
    static func vienna() throws -> (Topology, Plan) { try Fixtures.plannedSample("vienna-secoqc") }

    /// (A basis may hold an escaped `\|`, as `\|D\| x L x linewidth`: it is not a cell border.)
    @Test("the Markdown detector table has a basis on every row; the background names links[7].background_rate")
    func markdownRowsHaveBases() throws {
        let (topology, plan) = try Self.vienna()
        let text = MarkdownReport.render(plan, of: topology)
        let lines = text.split(separator: "\n").map(String.init)
        var inTable = false, rows = 0
        for line in lines {
            if line == "Detector and timing budget:" { inTable = true; continue }
            guard inTable else { continue }
            if line.isEmpty, rows > 0 { inTable = false; continue }
            guard line.hasPrefix("| "), !line.hasPrefix("| item"), !line.hasPrefix("| ---") else { continue }
            rows += 1
            let cells = line.replacingOccurrences(of: "\\|", with: "¦").split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            #expect(cells.count == 5 && !cells[3].isEmpty, "no basis: \(line)")
        }
        #expect(rows > 100)
        #expect(text.contains("| background per window | 4.000e-05 | links[7].background_rate x window |"))
        #expect(text.contains("- background: 4e-05 per window (links[7].background_rate x window)"))
    }

    @Test("the JSON detector budget has a basis for each of its figures")
    func jsonBases() throws {
        let (topology, plan) = try Self.vienna()
        let data = Data(JSONReport.render(plan, of: topology).utf8)
        let report = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let links = try #require(report["links"] as? [[String: Any]])
        let freeSpace = try #require(links.first { $0["medium"] as? String == "free-space" })
        let budget = try #require(freeSpace["detector_budget"] as? [String: Any])
        let bases = try #require(budget["basis"] as? [String: String])
        let jitter = try #require(budget["jitter_fwhm_s"] as? [String: Double])
        let figures = Set(budget.keys).subtracting(["basis", "jitter_fwhm_s"])
        #expect(figures.isSubset(of: Set(bases.keys)), "figures without a basis: \(figures.subtracting(bases.keys))")
        #expect(jitter.keys.allSatisfy { bases["jitter_fwhm_s.\($0)"] != nil })
        #expect(bases["background_probability_per_window"] == "links[7].background_rate x window")
        #expect(bases["detector_efficiency"]?.hasPrefix("equipment.detectors.") == true)
    }
}
