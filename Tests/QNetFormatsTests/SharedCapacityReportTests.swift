import Foundation
import Testing
import QNetModel
import QNetPlanner
@testable import QNetFormats

/// Whether the demands fit together, in every report format: the Beijing–Shanghai sample, whose three demands
/// are each met alone but all cross R11~R12, a link of the trusted chain they cannot avoid.
@Suite struct SharedCapacityReportTests {
    private static func backbone() throws -> (Topology, Plan) {
        let url = Fixtures.packageRoot().appendingPathComponent("topologies/beijing-shanghai-backbone.qnet.yaml")
        let topology = try TopologyReader.read(contentsOf: url)
        return (topology, Planner().plan(topology))
    }

    @Test func jsonSaysTheDemandsAreNotMetTogetherAndWhichSegmentIsShort() throws {
        let (topology, plan) = try Self.backbone()
        let report = try #require(try JSONSerialization.jsonObject(with: Data(JSONReport.render(plan, of: topology).utf8)) as? [String: Any])
        let shared = try #require(report["shared_capacity"] as? [String: Any])
        #expect(shared["met_together"] as? String == "no" && shared["scaled_flows_fit"] as? Bool == false)
        let overloaded = try #require(shared["overloaded_segments"] as? [[String: Any]])
        #expect(overloaded.count == 1)
        #expect(overloaded[0]["segment"] as? String == "R11~R12")
        #expect(overloaded[0]["demands"] as? [String] == ["BJ-SH", "BJ-HF", "JN-SH"])
        #expect(overloaded[0]["forced_by"] as? [String] == ["BJ-SH", "BJ-HF", "JN-SH"])
        #expect(overloaded[0]["forced_bps"] as? Double == 12_000)
        let segments = try #require(report["segments"] as? [[String: Any]])
        let r11 = try #require(segments.first { $0["id"] as? String == "R11~R12" })
        #expect(abs((r11["demand_load_bps"] as? Double ?? 0) - 12_000) < 1e-6)
        #expect((r11["key_rate_bps"] as? Double ?? .infinity) < 12_000)
    }

    @Test func markdownSaysNoAndListsTheSegment() throws {
        let (topology, plan) = try Self.backbone()
        let text = MarkdownReport.render(plan, of: topology)
        #expect(text.contains("**Met together: no.** Every path of the demands named below crosses the segment"))
        #expect(text.contains("| R11~R12 | 11.8 kbit/s | 12 kbit/s | BJ-SH, BJ-HF, JN-SH | BJ-SH, BJ-HF, JN-SH: 12 kbit/s |"))
    }

    /// The README quotes R11~R12's key as the report prints it; a change of the planner that moves it fails here.
    @Test func theReadmeQuotesTheSegmentsKeyAsTheReportPrintsIt() throws {
        let (_, plan) = try Self.backbone()
        let r11 = try #require(plan.segments.first { $0.id == "R11~R12" })
        let readme = try String(contentsOf: Fixtures.packageRoot().appendingPathComponent("README.md"), encoding: .utf8)
            .replacingOccurrences(of: "\n", with: " ")
        #expect(readme.contains("R11~R12, whose \(EngineeringFormat.rate(r11.keyRateBps)) three demands of 5, 5 and 2 kbit/s share"))
    }

    @Test func csvHasEachSegmentsDemandLoadAfterItsOtherColumns() throws {
        let (_, plan) = try Self.backbone()
        let lines = CSVReport.render(plan).components(separatedBy: .newlines)
        let header = try #require(lines.first { $0.hasPrefix("segment,") })
        #expect(header.hasSuffix(",no_key_reason,demand_load_bps,overdraw_best_change,overdraw_best_change_bps"))
        let row = try #require(lines.first { $0.hasPrefix("R11~R12,") })
        #expect(row.hasSuffix(",12000.0,,"))   // without what-ifs, no change is tried
    }

    /// The JSON's `met_together` is a column of the CSV demand table, on every demand's row, after the columns it
    /// had before (which keep their places); the what-if column added after it comes last.
    @Test func csvHasMetTogetherInTheDemandTablesLastColumn() throws {
        let (_, plan) = try Self.backbone()
        let demands = CSVReport.render(plan).components(separatedBy: "\r\n\r\n")[1].components(separatedBy: "\r\n")
        #expect(demands[0] == "demand,from,to,required_bps,best_path,best_path_bps,max_flow_bps,trusted_nodes,satisfied,fallback,"
                + "limiting_link,limiting_segment,bps_per_db,bps_per_km,bps_per_percent_detector_efficiency,breaks_on,"
                + "best_suggestion,best_suggestion_bps,best_suggestion_lowers,sensitivity_kinks,costliest_survived_failure,"
                + "costliest_survived_failure_bps,met_together,best_suggestion_requires_max_trusted_nodes")
        let rows = demands.dropFirst().filter { !$0.isEmpty }
        #expect(rows.map { $0.prefix(5) } == ["BJ-SH", "BJ-HF", "JN-SH"])
        #expect(rows.allSatisfy { $0.hasSuffix(",no,") && $0.split(separator: ",", omittingEmptySubsequences: false).count == 24 })
    }

    @Test func aNetworkWhoseDemandsFitSaysYes() throws {
        let url = Fixtures.packageRoot().appendingPathComponent("topologies/vienna-secoqc.qnet.yaml")
        let topology = try TopologyReader.read(contentsOf: url)
        var plan = Planner().plan(topology)
        // Vienna has an unmet demand; with it left out the other two fit.
        let unmet = plan.demands.filter { !$0.satisfied }.map(\.id)
        var fitting = topology
        fitting.demands.removeAll { unmet.contains($0.resolvedID) }
        plan = Planner().plan(fitting)
        #expect(plan.demandsMetTogether == .yes)
        #expect(MarkdownReport.render(plan, of: fitting).contains("**Met together: yes.**"))
        let csv = CSVReport.render(plan).components(separatedBy: "\r\n")
        #expect(fitting.demands.allSatisfy { demand in csv.contains { $0.hasPrefix("\(demand.resolvedID),") && $0.hasSuffix(",yes,") } })
    }
}
