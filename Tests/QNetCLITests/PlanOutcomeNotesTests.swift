import Foundation
import QNetModel
import QNetPlanner
import Testing
@testable import QNetCLI
@testable import QNetFormats

/// `check`'s notes of a plan's results: a node without links, a link without key with its reason, a demand not met, each at its key,
/// at most ten of each and then how many more.
@Suite("check: links without key and demands not met")
struct PlanOutcomeNotesTests {
    /// A hub A and `count` endpoints B0, B1, …, each joined to A by a 20 km link into a detector of 0 % efficiency,
    /// with a demand of 1 kbit/s from A to each.
    static func blindStar(_ count: Int) -> String {
        let ends = (0..<count).map { "B\($0)" }
        return """
            qnet: 1
            name: blind star
            equipment:
              detectors:
                blind: {kind: snspd, efficiency: 0 %, dark_count_rate: 10 Hz}
            nodes:
              - {id: A, kind: endpoint}
            \(ends.map { "  - {id: \($0), kind: endpoint, detector: blind}" }.joined(separator: "\n"))
            links:
            \(ends.map { "  - {id: L\($0), between: [A, \($0)], length: 20 km}" }.joined(separator: "\n"))
            demands:
            \(ends.map { "  - {between: [A, \($0)], key_rate: 1 kbit/s}" }.joined(separator: "\n"))

            """
    }

    private func notes(_ text: String) throws -> [Diagnostic] {
        let topology = try TopologyReader.read(yaml: text, file: "net.qnet.yaml")
        return PlanOutcomeNotes.diagnostics(Planner().plan(topology), of: topology)
    }

    @Test("a link whose receiver detects nothing gets a note with its reason; its demand, a pqc-only warning")
    func blindLink() throws {
        let notes = try notes(Self.blindStar(1))
        #expect(notes == [
            Diagnostic(.note, "link LB0 has no key: the receiver detects nothing (detection efficiency x window fraction is 0)",
                       keyPath: "links[0]"),
            Diagnostic(.warning, "demand A-B0 is not met: no QKD path between A and B0: post-quantum cryptography only (pqc-only)",
                       keyPath: "demands[0].between"),
        ])
    }

    @Test("a demand short of its rate is warned of with its max flow; a network with key everywhere gets nothing")
    func shortDemand() throws {
        let twoHops = CommandLineTests.smallTopology
        #expect(try notes(twoHops).isEmpty)
        let notes = try notes(twoHops.replacingOccurrences(of: "key_rate: 1 kbit/s", with: "key_rate: 1 Gbit/s"))
        #expect(notes.count == 1)
        #expect(notes.first?.severity == .warning)
        #expect(notes.first?.keyPath == "demands[0].key_rate")
        #expect(notes.first?.message.hasPrefix("demand A-B is not met: its max flow is ") == true)
        #expect(notes.first?.message.hasSuffix(" of the 1 Gbit/s it requires (its best path is limited by segment T~B)") == true)
    }

    @Test("a large network lists ten links and ten demands, then says how many more")
    func capped() throws {
        let notes = try notes(Self.blindStar(13))
        #expect(notes.count == 22)
        #expect(notes.filter { $0.severity == .note }.count == 11)
        #expect(notes[10] == Diagnostic(.note, "3 more links have no key (the report gives each one's reason)"))
        #expect(notes[21] == Diagnostic(.warning, "3 more demands are not met (the report lists them all)"))
    }

    @Test("a node that is an end of no link gets a note at its entry, ten at most, then how many more")
    func unlinkedNodes() throws {
        let linked = CommandLineTests.smallTopology
        let lone = (0..<12).map { "  - {id: LONE\($0), kind: trusted}" }.joined(separator: "\n")
        let topology = try TopologyReader.read(yaml: linked.replacingOccurrences(of: "links:", with: lone + "\nlinks:"),
                                               file: "net.qnet.yaml")
        let first = try #require(topology.nodes.firstIndex { $0.id == "LONE0" })
        let notes = PlanOutcomeNotes.diagnostics(Planner().plan(topology), of: topology)
        #expect(notes.count == 11)
        #expect(notes[0] == Diagnostic(.note, "node LONE0 has no link: no key reaches it", keyPath: "nodes[\(first)]"))
        #expect(notes[10] == Diagnostic(.note, "2 more nodes have no link"))
    }

    @Test("a segment every routing overdraws gets a note with the change that gives it the most key, at its warning's key")
    func overdrawnSegment() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let url = root.appendingPathComponent("topologies/beijing-shanghai-backbone.qnet.yaml")
        let topology = try TopologyReader.read(contentsOf: url)
        let plan = Planner().plan(topology)
        let warning = try #require(plan.diagnostics.first { $0.message.hasPrefix("segment R11~R12 carries") })
        let best = try #require(WhatIfAnalyzer(topology: topology, plan: plan).overdrawRemedies().first?.changes.first)
        let note = try #require(PlanOutcomeNotes.diagnostics(plan, of: topology).first { $0.message.hasPrefix("segment R11~R12") })
        #expect(note == Diagnostic(.note, "segment R11~R12: \(best.summary) gives \(EngineeringFormat.rate(best.keyRateBps)) between its "
            + "ends, enough for the 12 kbit/s that BJ-SH, BJ-HF, JN-SH must take (the report lists every change tried, with its edits)",
            keyPath: warning.keyPath))
    }

    @Test("a key path names the demand it points into by its whole index: demands[1] is not demands[12]")
    func demandIndexOfKeyPath() {
        #expect(PlanOutcomeNotes.demandIndex("demands[12].between") == 12)
        #expect(PlanOutcomeNotes.demandIndex("demands[1]") == 1)
        #expect(PlanOutcomeNotes.demandIndex("links[3].length") == nil)
        #expect(PlanOutcomeNotes.demandIndex("demands[x]") == nil)
    }
}
