import Foundation
import QNetFormats
import QNetModel
import QNetPlanner
import Testing

/// The Vienna sample's St. Poelten link runs a finite key: every report says so, with its block and ε.
@Suite("Reports of a finite-key link")
struct FiniteKeyReportTests {
    static func vienna() throws -> (Topology, Plan) {
        let topology = try TopologyReader.read(
            contentsOf: Fixtures.packageRoot().appendingPathComponent("topologies/vienna-secoqc.qnet.yaml"))
        return (topology, Planner().plan(topology))
    }

    @Test("JSON: a finite_key object on the finite-key link, null on the others, the stable fields unchanged")
    func json() throws {
        let (topology, plan) = try Self.vienna()
        let document = try #require(
            try JSONSerialization.jsonObject(with: Data(JSONReport.render(plan, of: topology).utf8)) as? [String: Any])
        let links = try #require(document["links"] as? [[String: Any]])
        let finite = try #require(links.first { $0["id"] as? String == "BREI-STPO" })
        let entry = try #require(finite["finite_key"] as? [String: Any])
        #expect(entry["block_size"] as? Double == 1e6)
        #expect(entry["epsilon_sec"] as? Double == 1e-10 && entry["epsilon_cor"] as? Double == 1e-15)
        #expect(entry["tail_bound"] as? String == "hoeffding")
        let planned = try #require(plan.links.first { $0.id == "BREI-STPO" }?.finiteKey)
        // The JSON text keeps about 15 significant digits.
        func same(_ key: String, _ value: Double) -> Bool { abs((entry[key] as? Double ?? .nan) - value) <= 1e-12 * value }
        #expect((entry["intensities"] as? [Double])?.count == 3 && same("basis_bias", planned.basisBias))
        #expect(same("block_time_s", planned.blockTimeSeconds) && planned.blockTimeSeconds > 60)
        for key in ["key_rate_bps", "key_per_pulse", "signal_intensity", "margin_db", "qber", "loss_budget", "plob_bound_bps"] {
            #expect(finite[key] != nil, "stable field \(key) is still there")
        }
        #expect(finite["key_rate_bps"] as? Double ?? 0 > 0)
        let asymptotic = try #require(links.first { $0["id"] as? String == "SIEM-ERDB" })
        #expect(asymptotic["finite_key"] is NSNull)
        // The sifting it used against the asymptotic key's (QA M2), as name, value and basis.
        let sifting = try #require(entry["sifting"] as? [String: Any])
        #expect(sifting["value"] as? String == planned.sifting?.value && sifting["basis"] as? String == planned.sifting?.basis)
    }

    @Test("Markdown and CSV name the finite key, its block, its eps and the time to collect a block")
    func markdownAndCSV() throws {
        let (topology, plan) = try Self.vienna()
        let markdown = MarkdownReport.render(plan, of: topology)
        let section = try #require(markdown.components(separatedBy: "### Link BREI-STPO").dropFirst().first)
        #expect(section.contains("Key of one block (finite key, Lim et al. 2014): block n_X: 1.000e+06 key-basis detections"))
        #expect(section.contains("ε_sec: 1.000e-10; ε_cor: 1.000e-15; tail bound: hoeffding") && section.contains("block collected in"))
        #expect(section.contains("- tail bound: hoeffding: delta = sqrt(n/2 ln(21/eps_sec)) for every intensity")
            && section.contains("(built-in default (Hoeffding's inequality on each basis total, Lim et al., PRA 89, 022307 (2014)"))
        #expect(section.contains("- block size: n_X = 1000000 key-basis detections (links[6].finite_key.block_size)"))
        let sifting = try #require(plan.links.first { $0.id == "BREI-STPO" }?.finiteKey?.sifting)
        #expect(section.contains("block collected in") && section.contains("\nSifting: \(sifting.value) (\(sifting.basis)).\n"))
        let row = try #require(CSVReport.render(plan).components(separatedBy: "\r\n").first { $0.hasPrefix("BREI-STPO,") })
        #expect(row.contains("block n_X: 1.000e+06") && row.contains("tail bound: hoeffding"))
        let other = try #require(CSVReport.render(plan).components(separatedBy: "\r\n").first { $0.hasPrefix("SIEM-ERDB,") })
        #expect(!other.contains("block n_X"))
    }

    /// QA: a finite-key link's QBER (2.99 %) counts every intensity's key-basis errors, an asymptotic link's (2.46 % for
    /// the same link) its signal's; the reports did not say which was which.
    @Test("Markdown says a finite-key link's QBER counts every intensity, and an asymptotic link's nothing of the kind")
    func qberScope() throws {
        let (topology, plan) = try Self.vienna()
        let markdown = MarkdownReport.render(plan, of: topology)
        let finite = try #require(plan.links.first { $0.id == "BREI-STPO" }?.qber?.total)
        #expect(markdown.contains("| BREI-STPO | fiber | bb84-decoy | 20.60 dB | \(EngineeringFormat.percent(finite)) (every intensity) |"))
        let section = try #require(markdown.components(separatedBy: "### Link BREI-STPO").dropFirst().first)
        #expect(section.contains("QBER \(EngineeringFormat.percent(finite)) (key basis, every intensity, as the finite key counts its errors): "))
        let other = try #require(markdown.components(separatedBy: "### Link SIEM-ERDB").dropFirst().first?
            .components(separatedBy: "### ").first)
        #expect(other.contains("QBER ") && !other.contains("every intensity"))
    }

    @Test("finite_key.tail_bound: chernoff reaches every report, with the key it came from")
    func chernoff() throws {
        var (topology, _) = try Self.vienna()
        let index = try #require(topology.links.firstIndex { $0.id == "BREI-STPO" })
        topology.links[index].finiteKey?.tailBound = .chernoff
        let plan = Planner().plan(topology)
        let document = try #require(
            try JSONSerialization.jsonObject(with: Data(JSONReport.render(plan, of: topology).utf8)) as? [String: Any])
        let link = try #require((document["links"] as? [[String: Any]])?.first { $0["id"] as? String == "BREI-STPO" })
        #expect((link["finite_key"] as? [String: Any])?["tail_bound"] as? String == "chernoff")
        let section = try #require(MarkdownReport.render(plan, of: topology).components(separatedBy: "### Link BREI-STPO").dropFirst().first)
        #expect(section.contains("tail bound: chernoff;"))
        #expect(section.contains("- tail bound: chernoff, per intensity") && section.contains("(links[\(index)].finite_key.tail_bound)"))
        let row = try #require(CSVReport.render(plan).components(separatedBy: "\r\n").first { $0.hasPrefix("BREI-STPO,") })
        #expect(row.contains("tail bound: chernoff"))
    }
}
