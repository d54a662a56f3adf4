import Foundation
import QNetFormats
import QNetModel
import QNetPlanner
import Testing

/// The BBM92 and MDI-QKD additions to the reports, on the Hefei sample: added fields only, the stable ones kept.
@Suite("Reports of BBM92 and MDI-QKD segments")
struct KeyBudgetReportTests {
    static func hefei() throws -> (Topology, Plan) { try Fixtures.plannedSample("hefei-mdi-star") }

    @Test func jsonSegmentsCarryTheirKeyBudget() throws {
        let (topology, plan) = try Self.hefei()
        let data = Data(JSONReport.render(plan, of: topology).utf8)
        let report = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let segments = try #require(report["segments"] as? [[String: Any]])
        let mdi = try #require(segments.first { $0["id"] as? String == "ALICE~CHARLIE~BOB" })
        for key in ["id", "nodes", "links", "protocol", "key_rate_bps", "plob_bound_bps", "fidelity", "key_per_pass_bits",
                    "key_per_day_bits", "margin_db", "key_budget"] {
            #expect(mdi[key] != nil, "segment field \(key)")
        }
        let budget = try #require(mdi["key_budget"] as? [String: Any])
        let figures = try #require(budget["figures"] as? [String: Double])
        #expect(Set(figures.keys).isSuperset(of: ["gain", "qber", "y11", "e11", "dark_count_per_detector"]))
        #expect((budget["intensities"] as? [String: Double]).map { Set($0.keys) } == ["mu_a", "mu_b"])
        let arms = try #require(budget["arms"] as? [[String: Any]])
        #expect(arms.count == 2 && arms.allSatisfy { $0["detector_budget"] is [String: Any] })
        let local = try #require(segments.first { $0["id"] as? String == "CHRIS~GW" })
        let localArms = try #require((local["key_budget"] as? [String: Any])?["arms"] as? [[String: Any]])
        #expect(localArms.first?["link"] is NSNull)
        let bb84 = try #require(segments.first { $0["protocol"] as? String == "bb84-decoy" })
        #expect(bb84["key_budget"] is NSNull)
    }

    /// Every link with key in every sample reports its key per pulse at its pulse rate, the twin-field and
    /// repeater-chain links (whose segments have no per-pulse key budget) included: rate = key per pulse × pulse rate.
    @Test func everyLinkWithKeyHasItsKeyPerPulse() throws {
        let folder = Fixtures.packageRoot().appendingPathComponent("topologies")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".qnet.yaml") }
        #expect(files.count >= 8)
        for file in files {
            let plan = Planner().plan(try TopologyReader.read(contentsOf: folder.appendingPathComponent(file)))
            for link in plan.links where link.keyRateBps > 0 {
                #expect(abs(link.keyPerPulse * link.repetitionRateHz / link.keyRateBps - 1) < 1e-9, "\(file): \(link.id)")
            }
        }
    }

    @Test func markdownAndCSVShowTheOperatingPoint() throws {
        let (topology, plan) = try Self.hefei()
        let markdown = MarkdownReport.render(plan, of: topology)
        #expect(markdown.contains("dark counts per relay detector p_d"))
        #expect(markdown.contains("mean pair number 2λ"))
        #expect(markdown.contains("CHRIS (detector beside the source)"))
        let tables = CSVReport.render(plan).components(separatedBy: "\r\n\r\n")
        #expect(tables.count == 3)
        #expect(tables.last?.hasPrefix("segment,protocol,nodes,links,key_rate_bps") == true)
        #expect(tables.last?.contains("ALICE~SRC~BOB,bbm92,") == true)
    }
}
