import Foundation
import QNetFormats
import QNetModel
import QNetPlanner
import Testing

/// QA: the twin-field sample with TF2 lengthened to 305 km and 20 bit/s asked of JINAN-QINGDAO keyed 11.8 bit/s,
/// named TF2 the limiting link and said no change tried helped, while a longer TF1 (305 km) keyed 28.8 bit/s and the
/// relay in the middle 78.2 bit/s: both users send one intensity in this model, so unequal arms interfere badly.
@Suite("Twin-field arms that lose unequally: note and what-ifs")
struct TwinFieldArmBalanceReportTests {
    /// The twin-field sample with TF2 `tf2Km` long and JINAN-QINGDAO asking `bitPerSecond`, as QA edited it.
    static func sample(tf2Km: Double = 305, bitPerSecond: Double = 20) throws -> Topology {
        var topology = try SampleSuggestionTests.sample("twin-field-cv")
        let link = try #require(topology.links.firstIndex { $0.id == "TF2" })
        topology.links[link].length = Quantity(tf2Km, .kilometre)
        let demand = try #require(topology.demands.firstIndex { $0.resolvedID == "JINAN-QINGDAO" })
        topology.demands[demand].keyRate = Quantity(bitPerSecond, .bitPerSecond)
        return topology
    }

    /// `topology` with `edit` made on the link `id`.
    static func editing(_ topology: Topology, link id: Identifier, _ edit: (inout Link) -> Void) throws -> Topology {
        var edited = topology
        let index = try #require(edited.links.firstIndex { $0.id == id })
        edit(&edited.links[index])
        return edited
    }

    /// JINAN-QINGDAO's max flow in a plan of `topology`.
    static func rate(_ topology: Topology) throws -> Double {
        try #require(Planner().plan(topology).demands.first { $0.id == "JINAN-QINGDAO" }).maxFlowBps
    }

    @Test("the relay where the arms lose the same and an attenuator on the short arm each meet 20 bit/s, at their plans' rates")
    func suggestionsBalanceTheArms() throws {
        let topology = try Self.sample()
        let plan = Planner().plan(topology)
        let index = try #require(plan.demands.firstIndex { $0.id == "JINAN-QINGDAO" })
        let base = plan.demands[index].maxFlowBps
        #expect(base < 20 && !plan.demands[index].satisfied)
        let whatIf = try #require(WhatIfAnalyzer(topology: topology, plan: plan).analyse(demand: "JINAN-QINGDAO"))

        // The relay moved: 256 + 305 km split so that both arms lose the same at 0.17 dB/km, positions as written.
        let relay = try #require(whatIf.suggestions.first { $0.kind == .balancedRelay })
        #expect(relay.changes == ["TF1.length: 280.5 km", "TF2.length: 280.5 km"], "\(relay.changes)")
        #expect(relay.edit.newNodes.isEmpty && relay.edit.editedNodes.isEmpty && relay.edit.removedLinks.isEmpty)
        var middle = try Self.editing(topology, link: "TF1") { $0.length = Quantity(280.5, .kilometre) }
        middle = try Self.editing(middle, link: "TF2") { $0.length = Quantity(280.5, .kilometre) }
        let middleRate = try Self.rate(middle)
        #expect(abs(relay.rateBps - middleRate) <= 1e-9 * middleRate && relay.satisfied && relay.rateBps >= 20)

        // The attenuator: its loss the best the segment's plan found, as planned with that entry written by hand.
        let attenuator = try #require(whatIf.suggestions.first { $0.kind == .armAttenuator })
        let change = try #require(attenuator.changes.first)
        #expect(attenuator.changes.count == 1 && change.hasPrefix("TF1.extra_losses.attenuator: ") && change.hasSuffix(" dB"))
        let decibels = try #require(Double(change.dropFirst("TF1.extra_losses.attenuator: ".count).dropLast(3)))
        #expect(decibels > 0 && decibels < 51.85 - 43.52)
        let attenuated = try Self.editing(topology, link: "TF1") {
            $0.extraLosses.append(NamedLoss(name: "attenuator", loss: Quantity(decibels, .decibel)))
        }
        let attenuatedRate = try Self.rate(attenuated)
        #expect(abs(attenuator.rateBps - attenuatedRate) <= 1e-9 * attenuatedRate && attenuator.satisfied)
        // More than the full spread on the short arm (QA's 305 km TF1), less than the relay in the middle.
        let fullSpread = try Self.rate(try Self.editing(topology, link: "TF1") { $0.length = Quantity(305, .kilometre) })
        #expect(attenuator.rateBps >= fullSpread && fullSpread >= 20 && relay.rateBps > attenuator.rateBps)
        #expect(whatIf.suggestions.first?.kind == .balancedRelay)

        // Made as the text says, each is the edit the workbench applies.
        for suggestion in [relay, attenuator] {
            let written = try SuggestionEdits.apply(suggestion.changes, to: topology)
            #expect(suggestion.edit.applied(to: topology) == written, "\(suggestion.summary)")
        }
    }

    @Test("the segment's note says the arms' losses and the keys balanced, in JSON, Markdown and check")
    func noteOnTheSegment() throws {
        let topology = try Self.sample()
        let plan = Planner().plan(topology)
        let segment = try #require(plan.segments.first { $0.protocolKind == .twinField })
        let note = try #require(segment.diagnostics.first { $0.severity == .note })
        #expect(note.keyPath == "nodes[1]" && plan.diagnostics.contains(note))
        #expect(note.message.hasPrefix("segment JINAN~MAZHAN~QINGDAO: the arms lose 43.5 dB (TF1) and 51.9 dB (TF2) to the "
                                       + "relay, 8.3 dB apart; both users send one intensity (in this model)"), "\(note.message)")
        let whatIf = try #require(WhatIfAnalyzer(topology: topology, plan: plan).analyse(demand: "JINAN-QINGDAO"))
        let attenuator = try #require(whatIf.suggestions.first { $0.kind == .armAttenuator })
        let decibels = try #require(attenuator.changes.first?.split(separator: " ").dropLast().last)
        #expect(note.message.contains("about \(EngineeringFormat.rate(attenuator.rateBps)) with \(decibels) dB more loss on TF1, "
                                      + "the short arm"), "\(note.message)")
        #expect(note.message.contains(" with the relay where the arms lose the same (each half of their total loss; moved "
                                      + "along fibres that attenuate unequally, the total changes, which the what-ifs plan)"))

        let json = try #require(try JSONSerialization.jsonObject(with: Data(JSONReport.render(plan, of: topology).utf8)) as? [String: Any])
        let segments = try #require(json["segments"] as? [[String: Any]])
        let tf = try #require(segments.first { $0["protocol"] as? String == "tf" })
        let diagnostics = try #require(tf["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.contains { $0["severity"] as? String == "note" && $0["key_path"] as? String == "nodes[1]"
            && $0["message"] as? String == note.message })
        #expect(MarkdownReport.render(plan, of: topology).contains(note.message))
    }

    @Test("after the attenuator is applied, the relay move removes it and keys as the balanced relay without it")
    func relayMoveRemovesTheAttenuator() throws {
        let topology = try Self.sample()
        let whatIf = try #require(WhatIfAnalyzer(topology: topology, plan: Planner().plan(topology)).analyse(demand: "JINAN-QINGDAO"))
        let attenuated = try #require(whatIf.suggestions.first { $0.kind == .armAttenuator }).edit.applied(to: topology)
        let plan = Planner().plan(attenuated)
        let next = try #require(WhatIfAnalyzer(topology: attenuated, plan: plan).analyse(demand: "JINAN-QINGDAO"))
        let relay = try #require(next.suggestions.first { $0.kind == .balancedRelay })
        #expect(relay.changes == ["TF1.length: 280.5 km", "TF2.length: 280.5 km", "TF1.extra_losses.attenuator: removed"],
                "\(relay.changes)")
        // QA: 35.6 bit/s with the attenuator kept; the relay in the middle without it keys 78.2 bit/s.
        var middle = try Self.editing(topology, link: "TF1") { $0.length = Quantity(280.5, .kilometre) }
        middle = try Self.editing(middle, link: "TF2") { $0.length = Quantity(280.5, .kilometre) }
        let middleRate = try Self.rate(middle)
        #expect(relay.edit.applied(to: attenuated) == middle && abs(relay.rateBps - middleRate) <= 1e-9 * middleRate)
        #expect(try SuggestionEdits.apply(relay.changes, to: attenuated) == middle)
        // The note's balanced figure is that plan's too.
        let note = try #require(plan.segments.first { $0.protocolKind == .twinField }?.diagnostics.first { $0.severity == .note })
        #expect(note.message.contains("would key about \(EngineeringFormat.rate(middleRate)) with the relay where the arms "
                                      + "lose the same (each half of their total loss; without the attenuator on TF1, "
                                      + "which the move removes;"), "\(note.message)")
    }

    /// The reader's repro: the twin-field sample with TF1 175 km and TF2 140 km behind a 30 dB ROADM, 0.1 bit/s asked.
    static func fixedLoss() throws -> Topology {
        var topology = try Self.sample(tf2Km: 140, bitPerSecond: 0.1)
        topology = try Self.editing(topology, link: "TF1") { $0.length = Quantity(175, .kilometre) }
        return try Self.editing(topology, link: "TF2") {
            $0.extraLosses = [NamedLoss(name: "roadm", loss: Quantity(30, .decibel))]
        }
    }

    @Test("a segment without key is told and offered the attenuator that keys (the relay's move refused by positions)")
    func withoutKeyTheAttenuatorIsOffered() throws {
        let topology = try Self.fixedLoss()
        let plan = Planner().plan(topology)
        let segment = try #require(plan.segments.first { $0.protocolKind == .twinField })
        #expect(segment.keyRateBps == 0)
        let whatIf = try #require(WhatIfAnalyzer(topology: topology, plan: plan).analyse(demand: "JINAN-QINGDAO"))
        let attenuator = try #require(whatIf.suggestions.first { $0.kind == .armAttenuator }, "\(whatIf.suggestions)")
        #expect(!whatIf.suggestions.contains { $0.kind == .balancedRelay })
        let written = try SuggestionEdits.apply(attenuator.changes, to: topology)
        let rate = try Self.rate(written)
        #expect(attenuator.edit.applied(to: topology) == written && abs(attenuator.rateBps - rate) <= 1e-9 * rate)
        // The reader's hand-made 20 dB attenuator keyed 16.7 bit/s: the one found keys at least that.
        let twenty = try Self.rate(try Self.editing(topology, link: "TF1") {
            $0.extraLosses = [NamedLoss(name: "attenuator", loss: Quantity(20, .decibel))]
        })
        #expect(twenty > 0 && attenuator.rateBps >= twenty && attenuator.satisfied, "\(attenuator.rateBps) against \(twenty)")
        let decibels = try #require(attenuator.changes.first?.split(separator: " ").dropLast().last)
        let reason = try #require(segment.noKeyReason)
        #expect(reason.contains("or about \(EngineeringFormat.rate(attenuator.rateBps)) with \(decibels) dB more loss on TF1, "
                                + "the short arm"), "\(reason)")
    }

    @Test("arms within 1 dB (the sample's 256 and 255 km) get no note and no balancing suggestion", arguments: [255.0, 258.0])
    func balancedArmsAreLeftAlone(tf2Km: Double) throws {
        let topology = try Self.sample(tf2Km: tf2Km, bitPerSecond: 1e6)
        let plan = Planner().plan(topology)
        let segment = try #require(plan.segments.first { $0.protocolKind == .twinField })
        #expect(segment.keyRateBps > 0 && segment.diagnostics.isEmpty, "\(segment.diagnostics)")
        let whatIf = try #require(WhatIfAnalyzer(topology: topology, plan: plan).analyse(demand: "JINAN-QINGDAO"))
        #expect(whatIf.limiting != nil)
        #expect(!whatIf.suggestions.contains { $0.kind == .balancedRelay || $0.kind == .armAttenuator }, "\(whatIf.suggestions)")
    }

    @Test("the assumptions say both users send one intensity, and why more loss on the short arm can help")
    func oneIntensityAssumption() throws {
        let plan = Planner().plan(try Self.sample())
        let tf = try #require(plan.segments.first { $0.protocolKind == .twinField }?.twinField)
        let intensity = try #require(tf.assumptions.first { $0.name == "signal intensity" })
        #expect(intensity.value.hasPrefix("auto (optimised), one for both users")
                && intensity.value.contains("more loss on the short arm can raise the key"), "\(intensity.value)")
    }
}
