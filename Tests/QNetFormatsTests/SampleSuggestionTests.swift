import Foundation
import QNetFormats
import QNetModel
import QNetPlanner
import Testing

/// What the QA findings on the samples' suggestions asked for: a protocol change at a relay changes every link
/// there; a twin-field relay on a finite-key link is compared with the link's asymptotic key; a demand that its
/// `max_trusted_nodes` leaves without key is told so, with the limit that gives it key.
@Suite("Suggestions on the samples")
struct SampleSuggestionTests {
    static func sample(_ name: String) throws -> Topology {
        try TopologyReader.read(contentsOf: Fixtures.packageRoot().appendingPathComponent("topologies/\(name).qnet.yaml"))
    }

    /// Hefei: twin-field for ALICE-CHRIS converts every link at CHARLIE (ALICE~CHARLIE~BOB and BOB~CHARLIE~CHRIS
    /// share them), not the two of its own segment alone, which would leave the other segments of two protocols.
    @Test func hefeiTwinFieldAtTheRelayConvertsEveryLinkThere() throws {
        let topology = try Self.sample("hefei-mdi-star")
        let plan = Planner().plan(topology)
        let whatIf = try #require(WhatIfAnalyzer(topology: topology, plan: plan).analyse(demand: "ALICE-CHRIS"))
        let tf = try #require(whatIf.suggestions.first { $0.kind == .protocolChange })
        #expect(tf.summary == "protocol tf on ALICE-CHARLIE, BOB-CHARLIE, CHRIS-CHARLIE (every link at CHARLIE)")
        #expect(tf.changes == ["ALICE-CHARLIE.protocol: tf", "BOB-CHARLIE.protocol: tf", "CHRIS-CHARLIE.protocol: tf"])
        let after = Planner().plan(try SuggestionEdits.apply(tf.changes, to: topology))
        #expect(after.diagnostics.allSatisfy { $0.severity != .error })
        // Every segment through CHARLIE runs twin-field and carries more key than its MDI one: nobody is lowered.
        #expect(tf.lowers.isEmpty && zip(plan.demands, after.demands).allSatisfy { $0.maxFlowBps <= $1.maxFlowBps })
    }

    /// QA: the repeater-chain sample with its trusted node T1 deleted leaves ALICE-BOB at 1.06 of 10 kbit/s; better
    /// swaps do not meet it, a 67.8 km fiber link from T2 to ALICE does, and was never offered (both ends have links).
    @Test func aShortDemandIsOfferedALinkThatIsNotThereYet() throws {
        var topology = try Self.sample("repeater-chain")
        topology.nodes.removeAll { $0.id == "T1" }
        topology.links.removeAll { $0.touches("T1") }
        let plan = Planner().plan(topology)
        let demand = try #require(plan.demands.first { $0.id == "ALICE-BOB" })
        #expect(!demand.satisfied && demand.maxFlowBps > 0)
        let whatIf = try #require(WhatIfAnalyzer(topology: topology, plan: plan).analyse(demand: "ALICE-BOB"))
        let link = try #require(whatIf.suggestions.first { $0.kind == .newLink })
        #expect(whatIf.suggestions.first == link && link.satisfied)
        // One such link, from a trusted node: none between the demand's own ends, which came from both (second reader).
        #expect(whatIf.suggestions.filter { $0.kind == .newLink }.count == 1)
        #expect(link.summary.hasPrefix("a fiber link from T2 to ALICE, 67.77 km between their positions")
            && link.summary.hasSuffix("(T2 is the nearest key holder whose link raises ALICE-BOB's rate)"))
        // Its rate is the planner's on the topology with the link added.
        let after = try #require(Planner().plan(link.edit.applied(to: topology)).demands.first { $0.id == "ALICE-BOB" })
        #expect(abs(after.maxFlowBps - link.rateBps) <= 1e-9 * link.rateBps && after.satisfied)
        // A demand met already is offered no new link: the sample as it is.
        let sample = try Self.sample("repeater-chain")
        let met = try #require(WhatIfAnalyzer(topology: sample, plan: Planner().plan(sample)).analyse(demand: "ALICE-BOB"))
        #expect(!met.suggestions.contains { $0.kind == .newLink })
    }

    /// Vienna: BREI-STPO's 172 bit/s is finite-key; its asymptotic decoy-BB84 key gives BANK-GOV and GOV-FORU
    /// 602 bit/s, more than twin-field's asymptotic 322 bit/s, so twin-field is not suggested.
    @Test func viennaTwinFieldIsNotComparedWithAFiniteKey() throws {
        let topology = try Self.sample("vienna-secoqc")
        let plan = Planner().plan(topology)
        let analysis = WhatIfAnalyzer(topology: topology, plan: plan).analyse()
        var asymptotic = topology
        let link = try #require(asymptotic.links.firstIndex { $0.id == "BREI-STPO" })
        #expect(asymptotic.links[link].finiteKey != nil)
        asymptotic.links[link].finiteKey = nil
        let asymptoticPlan = Planner().plan(asymptotic)
        for id: Identifier in ["BANK-GOV", "GOV-FORU"] {
            let index = try #require(plan.demands.firstIndex { $0.id == id })
            #expect(EngineeringFormat.rate(plan.demands[index].maxFlowBps) == "172 bit/s")
            #expect(EngineeringFormat.rate(asymptoticPlan.demands[index].maxFlowBps) == "602 bit/s")
            let whatIf = try #require(analysis.demand(at: index))
            #expect(!whatIf.suggestions.contains { $0.summary.hasPrefix("tf through a relay") }, "\(id)")
        }
    }

    /// Vienna with BANK-GOV allowed 3 trusted nodes: every path with key crosses 4, so BANK-GOV has no key; the
    /// what-if names that cause, offers max_trusted_nodes 4 at the 172 bit/s the sample plans with it, and does
    /// not call the demand robust.
    @Test func viennaBankGovWithinThreeTrustedNodesIsToldWhy() throws {
        var topology = try Self.sample("vienna-secoqc")
        let index = try #require(topology.demands.firstIndex { $0.resolvedID == "BANK-GOV" })
        #expect(topology.demands[index].maxTrustedNodes == 4)
        let original = Planner().plan(topology).demands[index]
        topology.demands[index].maxTrustedNodes = 3
        let plan = Planner().plan(topology)
        #expect(plan.demands[index].fallback == "pqc-only" && plan.demands[index].maxFlowIsExact)
        let analysis = WhatIfAnalyzer(topology: topology, plan: plan).analyse()
        let whatIf = try #require(analysis.demand(at: index))
        let limit = try #require(whatIf.trustedNodeLimit)
        #expect(limit.limit == 3 && limit.needed == 4 && limit.path.count == 4)
        let suggestion = try #require(whatIf.suggestions.first)
        #expect(suggestion.kind == .trustedNodeLimit && suggestion.changes == ["BANK-GOV.max_trusted_nodes: 4"])
        #expect(suggestion.rateBps == original.maxFlowBps && EngineeringFormat.rate(suggestion.rateBps) == "172 bit/s")

        let markdown = MarkdownReport.render(plan, of: topology, whatIf: analysis)
        let section = try #require(markdown.components(separatedBy: "### ").first { $0.hasPrefix("BANK-GOV:") })
        #expect(section.contains("- **No key within max_trusted_nodes = 3**: every path with key crosses 4 trusted nodes or more "
            + "(the fewest: \(limit.path.map(\.rawValue).joined(separator: ", ")))."))
        #expect(!section.contains("Limiting link") && !section.contains("no single link or node failure"))
        #expect(section.contains("- **Breaks on**: nothing to break: the demand has no QKD key."))
        #expect(section.contains("| max_trusted_nodes 4 on BANK-GOV (the fewest trusted nodes a path with key crosses: "))
        #expect(markdown.contains("| none (PQC only) | 0 bit/s | 0 bit/s | none | no: pqc-only |"))

        let data = Data(JSONReport.render(plan, of: topology, whatIf: analysis).utf8)
        let report = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let demand = try #require((report["demands"] as? [[String: Any]])?.first { $0["id"] as? String == "BANK-GOV" })
        let entry = try #require((demand["what_if"] as? [String: Any])?["trusted_node_limit"] as? [String: Any])
        #expect(entry["max_trusted_nodes"] as? Int == 3 && entry["fewest_trusted_nodes_with_key"] as? Int == 4)
        #expect(entry["path"] as? [String] == limit.path.map(\.rawValue))
    }

    /// QA finding H1: Vienna with BANK-GOV asking 1 kbit/s within its 4 trusted nodes. A trusted node at BREI-STPO's
    /// midpoint is a fifth on its only path, so it is suggested with max_trusted_nodes 5, at the rate a full plan of
    /// the sample with both edits gives (1.34 kbit/s), and every format says what it requires.
    @Test func viennaBankGovIsOfferedTheMidpointWithOneMoreTrustedNode() throws {
        var topology = try Self.sample("vienna-secoqc")
        let index = try #require(topology.demands.firstIndex { $0.resolvedID == "BANK-GOV" })
        topology.demands[index].keyRate = Quantity(1, .kilobitPerSecond)
        let plan = Planner().plan(topology)
        #expect(EngineeringFormat.rate(plan.demands[index].maxFlowBps) == "172 bit/s")
        let analysis = WhatIfAnalyzer(topology: topology, plan: plan).analyse()
        let whatIf = try #require(analysis.demand(at: index))
        let suggestion = try #require(whatIf.suggestions.first)
        #expect(suggestion.summary == "a trusted node at the midpoint of BREI-STPO" && suggestion.satisfied)
        #expect(suggestion.requires == LimitRaise(demand: "BANK-GOV", from: 4, to: 5))
        #expect(suggestion.changes.last == "BANK-GOV.max_trusted_nodes: 5")
        let after = Planner().plan(try SuggestionEdits.apply(suggestion.changes, to: topology))
        #expect(abs(after.demands[index].maxFlowBps - suggestion.rateBps) <= 1e-9 * suggestion.rateBps)
        #expect(EngineeringFormat.rate(suggestion.rateBps) == "1.34 kbit/s")

        let markdown = MarkdownReport.render(plan, of: topology, whatIf: analysis)
        #expect(markdown.contains("| a trusted node at the midpoint of BREI-STPO | 1.34 kbit/s | yes | max_trusted_nodes 5 on BANK-GOV "
            + "(1 more trusted node than its limit of 4) | – |"))
        let data = Data(JSONReport.render(plan, of: topology, whatIf: analysis).utf8)
        let report = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let demand = try #require((report["demands"] as? [[String: Any]])?.first { $0["id"] as? String == "BANK-GOV" })
        let first = try #require(((demand["what_if"] as? [String: Any])?["suggestions"] as? [[String: Any]])?.first)
        #expect(first["requires_max_trusted_nodes"] as? Int == 5)
        let tables = CSVReport.render(plan, whatIf: analysis).components(separatedBy: "\r\n\r\n")
        let csv = try #require(tables.dropFirst().first).components(separatedBy: "\r\n")
        let header = csv[0].components(separatedBy: ",")
        let row = try #require(csv.first { $0.hasPrefix("BANK-GOV,") })
        #expect(header.last == "best_suggestion_requires_max_trusted_nodes" && row.hasSuffix(",5"))
    }
}
