import Foundation
import QNetFormats
import QNetModel
import QNetPlanner
import Testing

/// QA finding M3: the Beijing–Shanghai sample's R11~R12 carries 11.8 kbit/s, and every path of BJ-SH, BJ-HF and JN-SH
/// crosses it (12 kbit/s together): the what-ifs say which changes of R11-R12 let it carry that, with the key each
/// gives between R11 and R12, in every report format; `check` notes the best one beside its warning.
@Suite("Changes for a segment every routing overdraws")
struct OverdrawRemedyReportTests {
    static func backbone() throws -> (Topology, Plan, WhatIfAnalysis) {
        let url = Fixtures.packageRoot().appendingPathComponent("topologies/beijing-shanghai-backbone.qnet.yaml")
        let topology = try TopologyReader.read(contentsOf: url)
        let plan = Planner().plan(topology)
        return (topology, plan, WhatIfAnalyzer(topology: topology, plan: plan).analyse())
    }

    /// The midpoint trusted node's key between R11 and R12 is the lesser of its halves' keys, as a full plan of the
    /// edited sample gives them; made as written, the demands are then met together.
    @Test func aTrustedNodeAtR11R12sMidpointCarriesWhatTheDemandsMustTake() throws {
        let (topology, _, analysis) = try Self.backbone()
        let remedy = try #require(analysis.overdrawn.first)
        #expect(analysis.overdrawn.count == 1 && remedy.segment == "R11~R12" && remedy.link == "R11-R12")
        #expect(remedy.neededBps == 12_000 && remedy.forcedBy == ["BJ-SH", "BJ-HF", "JN-SH"])
        let midpoint = try #require(remedy.changes.first { $0.kind == .trustedNode })
        #expect(midpoint.summary == "a trusted node at the midpoint of R11-R12" && midpoint.coversNeed)
        let edited = try SuggestionEdits.apply(midpoint.changes, to: topology)
        let after = Planner().plan(edited)
        let halves = after.segments.filter { $0.links == ["R11-R12-a"] || $0.links == ["R11-R12-b"] }
        #expect(halves.count == 2)
        let expected = halves.map(\.keyRateBps).min() ?? 0
        #expect(abs(midpoint.keyRateBps - expected) <= 1e-9 * expected && expected > 12_000)
        #expect(after.demandsMetTogether == .yes)
    }

    /// The workbench's what-ifs of one demand carry the remedies of the segments every path of it crosses, as the
    /// analysis of every demand does.
    @Test func oneDemandsWhatIfsCarryItsSharedSegmentsChanges() throws {
        let (topology, plan, analysis) = try Self.backbone()
        let one = try #require(WhatIfAnalyzer(topology: topology, plan: plan).analyse(demand: "JN-SH"))
        #expect(one.overdrawn == analysis.overdrawn && one.overdrawn.map(\.segment) == ["R11~R12"])
        #expect(analysis.demands.allSatisfy { $0.overdrawn == analysis.overdrawn })
    }

    /// A second R11-R12 beside the first adds its key: twice the segment's.
    @Test func aSecondLinkBesideR11R12AddsItsKey() throws {
        let (topology, plan, analysis) = try Self.backbone()
        let remedy = try #require(analysis.overdrawn.first)
        let parallel = try #require(remedy.changes.first { $0.kind == .parallelLink })
        #expect(parallel.changes == ["new link R11-R12-2: a copy of R11-R12 (its ends, length and every other key)"])
        var edited = topology
        var copy = try #require(topology.links.first { $0.id == "R11-R12" })
        copy.id = "R11-R12-2"
        edited.links.append(copy)
        let after = Planner().plan(edited)
        let both = after.segments.filter { $0.links == ["R11-R12"] || $0.links == ["R11-R12-2"] }.map(\.keyRateBps)
        #expect(both.count == 2 && abs(parallel.keyRateBps - both.reduce(0, +)) <= 1e-9 * parallel.keyRateBps)
        #expect(parallel.coversNeed == (parallel.keyRateBps >= 12_000))
        #expect(plan.segments.first { $0.id == "R11~R12" }.map { abs(2 * $0.keyRateBps - parallel.keyRateBps) <= 1e-9 * parallel.keyRateBps } == true)
    }

    /// JN-SH allowed exactly the 23 trusted nodes of its one path: a trusted node at R11-R12's midpoint would be a
    /// 24th, so that change names JN-SH among the demands it lowers (to no key); a second link beside it lowers none.
    @Test func aMidpointBeyondAForcedDemandsLimitSaysItLowersIt() throws {
        var (topology, plan, _) = try Self.backbone()
        let index = try #require(topology.demands.firstIndex { $0.resolvedID == "JN-SH" })
        #expect(plan.demands[index].trustedNodes.count == 23)
        topology.demands[index].maxTrustedNodes = 23
        plan = Planner().plan(topology)
        #expect(plan.demands[index].satisfied)
        let remedy = try #require(WhatIfAnalyzer(topology: topology, plan: plan).overdrawRemedies().first)
        let midpoint = try #require(remedy.changes.first { $0.kind == .trustedNode })
        #expect(midpoint.lowers == [SideEffect(demand: "JN-SH", beforeBps: plan.demands[index].maxFlowBps, afterBps: 0, satisfied: false)])
        #expect(remedy.changes.first { $0.kind == .parallelLink }?.lowers == [])
        let markdown = MarkdownReport.render(plan, of: topology, whatIf: WhatIfAnalyzer(topology: topology, plan: plan).analyse())
        #expect(markdown.contains("| yes | JN-SH \(EngineeringFormat.rate(plan.demands[index].maxFlowBps)) → 0 bit/s (not met) | new node R11-R12-mid"))
    }

    @Test func everyFormatShowsTheChangesNextToTheSharedCapacity() throws {
        let (topology, plan, analysis) = try Self.backbone()
        let best = try #require(analysis.overdrawn.first?.changes.first)
        let markdown = MarkdownReport.render(plan, of: topology, whatIf: analysis)
        let shared = try #require(markdown.range(of: "| R11~R12 | 11.8 kbit/s | 12 kbit/s | BJ-SH, BJ-HF, JN-SH |"))
        let row = "| R11~R12 | \(best.summary) | 11.8 kbit/s → \(EngineeringFormat.rate(best.keyRateBps)) | 12 kbit/s (BJ-SH, BJ-HF, "
            + "JN-SH) | yes | – |"
        let remedy = try #require(markdown.range(of: row))
        let whatIfs = try #require(markdown.range(of: "## What-ifs"))
        #expect(shared.upperBound < remedy.lowerBound && remedy.upperBound < whatIfs.lowerBound)
        // Each of those demands' what-ifs points there too.
        #expect(markdown.contains("- **Shared with BJ-HF, JN-SH**: every path crosses R11~R12, which carries 11.8 kbit/s of the "
            + "12 kbit/s they must take together; the change that gives it the most key: \(best.summary), "
            + "\(EngineeringFormat.rate(best.keyRateBps)) (under the shared capacity above)."))

        let data = Data(JSONReport.render(plan, of: topology, whatIf: analysis).utf8)
        let report = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let overloaded = try #require((report["shared_capacity"] as? [String: Any])?["overloaded_segments"] as? [[String: Any]])
        #expect(overloaded[0]["changed_link"] as? String == "R11-R12")
        let first = try #require((overloaded[0]["changes"] as? [[String: Any]])?.first)
        #expect(first["summary"] as? String == best.summary && first["key_rate_bps"] as? Double == best.keyRateBps)
        #expect(first["covers_forced_bps"] as? Bool == true && first["kind"] as? String == best.kind.rawValue)
        // Without what-ifs the field is null, not missing.
        #expect(JSONReport.render(plan, of: topology).contains("\"changes\" : null"))

        let lines = CSVReport.render(plan, whatIf: analysis).components(separatedBy: .newlines)
        let segment = try #require(lines.first { $0.hasPrefix("R11~R12,") })
        #expect(segment.hasSuffix(",12000.0,\(best.summary),\(best.keyRateBps)"))
    }
}
