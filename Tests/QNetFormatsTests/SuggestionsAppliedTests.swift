import Foundation
import QNetFormats
import QNetModel
import QNetPlanner
import Testing

/// Every suggestion of every sample, made as its edits are written (`SuggestionEdits`) and planned from scratch by
/// the normal planner: the edited topology has no errors (`check` accepts it), the demand gets the rate the
/// suggestion states, and every other demand whose rate falls is listed in the suggestion's `lowers`, at the
/// rate the plan gives it; and the suggestion's edit as values (`Suggestion.edit`, what the workbench applies) makes
/// the same topology as its text.
@Suite("Suggestions applied as written")
struct SuggestionsAppliedTests {
    static let samples = (try? FileManager.default.contentsOfDirectory(
        atPath: Fixtures.packageRoot().appendingPathComponent("topologies").path))?.filter { $0.hasSuffix(".qnet.yaml") }.sorted() ?? []

    @Test(arguments: samples)
    func eachSuggestionGivesACheckedNetworkAtItsRate(sample: String) throws {
        let url = Fixtures.packageRoot().appendingPathComponent("topologies/\(sample)")
        let topology = try TopologyReader.read(contentsOf: url)
        let plan = Planner().plan(topology)
        let analysis = WhatIfAnalyzer(topology: topology, plan: plan).analyse()
        for (index, whatIf) in analysis.demands.enumerated() {
            for suggestion in whatIf.suggestions {
                let what = "\(sample) \(whatIf.demand): \(suggestion.summary)"
                let edited = try SuggestionEdits.apply(suggestion.changes, to: topology)
                // The edit the workbench applies is the one the text describes (records compared by id: the text
                // appends new links, the edit puts a split link's halves in its place).
                let made = suggestion.edit.applied(to: topology)
                #expect(made.nodes.sorted { $0.id < $1.id } == edited.nodes.sorted { $0.id < $1.id }, "\(what): nodes")
                #expect(made.links.sorted { $0.id < $1.id } == edited.links.sorted { $0.id < $1.id }, "\(what): links")
                #expect(made.demands == edited.demands, "\(what): demands")
                let after = Planner().plan(edited)
                let errors = after.diagnostics.filter { $0.severity == .error }
                #expect(errors.isEmpty, "\(what): \(errors.map(\.description))")
                let rate = after.demands[index].maxFlowBps
                #expect(abs(rate - suggestion.rateBps) <= 1e-9 * max(rate, 1), "\(what): planned \(rate), stated \(suggestion.rateBps)")
                for (other, before) in plan.demands.enumerated() where other != index {
                    let fallen = after.demands[other].maxFlowBps
                    let listed = suggestion.lowers.first { $0.demand == before.id }
                    if fallen < before.maxFlowBps * (1 - 1e-6) {
                        #expect(listed.map { abs($0.afterBps - fallen) <= 1e-9 * max(fallen, 1) } == true,
                                "\(what): \(before.id) falls from \(before.maxFlowBps) to \(fallen), listed \(String(describing: listed))")
                    } else {
                        #expect(listed == nil, "\(what): \(before.id) listed but planned at \(fallen)")
                    }
                }
            }
        }
    }
}
