import Foundation
import QNetFormats
import QNetPlanner
import Testing

/// QA: reports cited `physics.md`, a design note that the repository does not ship, so whoever received a report
/// or a clone could not follow the source. A basis names a publication or a document of this repository.
@Suite("Report sources")
struct ReportSourcesTests {
    @Test("no sample's report cites physics.md, and every docs/ file a report cites is in the repository")
    func everyCitedDocumentShips() throws {
        let root = Fixtures.packageRoot()
        let folder = root.appendingPathComponent("topologies")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".qnet.yaml") }
        #expect(files.count >= 8)
        let cited = try NSRegularExpression(pattern: #"docs/[A-Za-z0-9_-]+\.md"#)
        for file in files {
            let topology = try TopologyReader.read(contentsOf: folder.appendingPathComponent(file))
            let plan = Planner().plan(topology)
            let report = JSONReport.render(plan, of: topology) + MarkdownReport.render(plan, of: topology)
            #expect(!report.contains("physics.md"), "\(file)")
            let range = NSRange(report.startIndex..., in: report)
            for match in cited.matches(in: report, range: range) {
                let path = String(report[Range(match.range, in: report)!])
                #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path), "\(file): \(path)")
            }
        }
    }
}
