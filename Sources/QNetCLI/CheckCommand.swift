import ArgumentParser
import Foundation
import QNetModel
import QNetPlanner

/// `qnetplan check FILE…`: load, validate and plan each file; print every error with its place.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check topology files: every error with file:line:column and key; exit 2 if any.",
        discussion: "Planning notes (e.g. a link without key) are printed as warnings and do not fail the check."
    )

    @Argument(help: "Topology files (.qnet.yaml).", completion: .file(extensions: ["yaml", "yml"]))
    var files: [String]

    func run() throws {
        var invalid: [String] = []
        for file in files {
            do {
                let topology = try TopologyInput.load(file)
                let plan = Planner().plan(topology)
                for diagnostic in plan.diagnostics {
                    print("\(file): \(diagnostic)")
                }
                print("\(file): ok (\(topology.nodes.count) nodes, \(topology.links.count) links, "
                    + "\(topology.demands.count) demands)")
            } catch let error as InvalidInput {
                invalid.append(error.report)
            }
        }
        if !invalid.isEmpty { throw InvalidInput(report: invalid.joined()) }
    }
}
