import Foundation
import QNetFormats
import QNetModel
import QNetPlanner
import Testing

/// The repeater chain's additions to the reports, on the shipped `topologies/repeater-chain.qnet.yaml`.
@Suite("Reports: repeater chain figures and distance table")
struct RepeaterReportTests {
    private func planned() throws -> (Topology, Plan) { try Fixtures.plannedSample("repeater-chain") }

    @Test("JSON: the segment keeps its stable fields and adds the chain's heralding, errors and distance table")
    func json() throws {
        let (topology, plan) = try planned()
        let data = Data(JSONReport.render(plan, of: topology).utf8)
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let segments = try #require(root["segments"] as? [[String: Any]])
        let segment = try #require(segments.first { ($0["protocol"] as? String) == "entanglement" })
        for key in ["id", "nodes", "links", "protocol", "key_rate_bps", "plob_bound_bps", "fidelity"] {
            #expect(segment[key] != nil, "stable field \(key) missing")
        }
        let chain = try #require(segment["repeater"] as? [String: Any])
        #expect(chain["heralding"] as? [String] == ["two-click", "two-click", "two-click", "two-click"])
        #expect(chain["purification_rounds"] as? Int == 1)
        #expect(chain["cutoff_s"] as? Double == 0.02)
        // `modes` stays the memories' M; the modes each link tries in the shared round come beside it.
        #expect(chain["modes"] as? Int == 100 && chain["modes_per_round"] as? [Int] == [100, 100, 100, 100])
        let table = try #require(chain["distance_table"] as? [[String: Any]])
        let own = try #require(table.first { $0["planned"] as? Bool == true })
        #expect(own["length_km"] as? Double == 100)
        #expect(own["key_rate_bps"] as? Double == segment["key_rate_bps"] as? Double)
        #expect(chain["beats_plob_at_km"] is [Double] && chain["beats_trusted_chain_at_km"] is [Double])
        #expect(chain["trusted_chain_sources"] as? String == "the built-in one at 1 GHz, in place of memory-emitter")
    }

    @Test("Markdown: a table of rate and fidelity against length, and where the chain beats the bound and trusted nodes")
    func markdown() throws {
        let (topology, plan) = try planned()
        let text = MarkdownReport.render(plan, of: topology)
        #expect(text.contains("| total length | chain key rate | fidelity | PLOB bound (whole channel) | trusted-node chain, same links (decoy-BB84 senders) |"))
        #expect(text.contains("a trusted-node chain of the same links at any length swept (its senders' decoy-BB84 transmitters: "
            + "the built-in one at 1 GHz, in place of memory-emitter)."))
        #expect(text.contains("100 km (this chain)"))
        // The report ends with the words it uses in a sense of its own (QA: segments, margins and pqc-only unexplained).
        #expect(text.hasSuffix("\n") && text.contains("\n## Terms\n\n- **link** (`A-B`): ")
            && text.contains("\n- **margin**: how much more loss") && text.contains("\n- **PQC only** (`pqc-only`): "))
        #expect(text.contains("The chain beats the PLOB bound at") || text.contains("does not beat the PLOB bound"))
        #expect(text.contains("DEJMPS rounds per elementary pair: 1"))
        #expect(text.contains("memory modes: 100") && text.contains("modes per round: 100, 100, 100, 100"))
        // The chain's links: their detectors' dead time only lengthens the spacing of a round's modes (no click rate of
        // 0 Hz and factor 1), and afterpulsing is not modelled.
        let chainLink = try #require(text.components(separatedBy: "### Link Q1 ").last?.components(separatedBy: "### ").first)
        #expect(chainLink.contains("| dead time and afterpulsing | dead time lengthens the modes' spacing at the click rate; "
            + "afterpulsing not modelled | "
            + "the repeater chain's round (its assumptions) |"))
        #expect(!chainLink.contains("click rate before dead time") && !chainLink.contains("dead-time factor"))
        let trustedLink = try #require(text.components(separatedBy: "### Link K1 ").last?.components(separatedBy: "### ").first)
        #expect(trustedLink.contains("| click rate before dead time |") && !trustedLink.contains("not modelled"))
    }

    @Test("the cutoff figure: the chain's one cutoff, or the lowest and the repeaters that have it when they differ")
    func cutoffFigure() throws {
        func figure(_ topology: Topology) throws -> String? {
            let chain = try #require(Planner().plan(topology).segments.first { $0.repeater != nil }?.repeater)
            return PlanFigures.repeaterChain(chain).first { $0.label == "cutoff" }?.value
        }
        var (topology, _) = try planned()
        #expect(try figure(topology) == "20 ms")
        let r1 = try #require(topology.nodes.firstIndex { $0.id == "R1" })
        topology.nodes[r1].cutoffTime = Quantity(1, .microsecond)
        #expect(try figure(topology) == "1 µs lowest (R1)")
    }

    @Test("CSV: a table of the chain's rate against length after the segments, one row per swept length")
    func csv() throws {
        let (_, plan) = try planned()
        let tables = CSVReport.render(plan).components(separatedBy: "\r\n\r\n")
        #expect(tables.count == 4)  // links, demands, segments, distance table
        let rows = try #require(tables.last).split(separator: "\r\n")
        #expect(rows.first == "repeater_segment,length_km,planned,key_rate_bps,fidelity,plob_bound_bps,trusted_chain_bps")
        let sweep = try #require(plan.segments.first { $0.repeater != nil }?.repeater?.sweep)
        #expect(rows.count == sweep.count + 1)
        // QA: the segment row's `figures` holds the chain's figures under the JSON names (it was empty).
        let chain = try #require(plan.segments.first { $0.repeater != nil }?.repeater)
        let segmentRow = try #require(tables[2].split(separator: "\r\n").first { $0.hasPrefix("ALICE~R1~R2~R3~BOB,") })
        #expect(segmentRow.contains("swap_success=0.5 mean_rounds=\(chain.meanRounds) round_s=0.000125 "))
        #expect(segmentRow.contains(" cutoff_s=0.02 ") && segmentRow.contains(" secret_fraction=\(chain.secretFraction)"))
    }
}
