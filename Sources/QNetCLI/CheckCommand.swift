import ArgumentParser
import Foundation
import QNetFormats
import QNetModel
import QNetPlanner

/// `qnetplan check FILE…`: load, validate and plan each file; print every error with its place.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check topology files: every error with file:line:column and key; exit 2 if any.",
        discussion: """
            A file that reads but whose plan has errors (a segment the planner cannot build, e.g. mdi on a link \
            that joins two key-holding nodes directly) fails the check too: its diagnostics go to standard error, each at its key. Planner warnings and \
            notes (a link without key, with its reason; a demand not met, or served by post-quantum cryptography only) are \
            printed before the file's ok line and do not fail the check.
            """
    )

    @Argument(help: "Topology files (.qnet.yaml).", completion: .file(extensions: ["yaml", "yml"]))
    var files: [String]

    func run() throws {
        var invalid: [String] = []
        for file in files {
            do {
                let input = try TopologyInput.load(file)
                let topology = input.document.topology
                let plan = Planner().plan(topology)
                let diagnostics = PlanDiagnostics(plan, of: input, adding: PlanOutcomeNotes.diagnostics(plan, of: topology))
                if diagnostics.hasErrors {
                    invalid.append(diagnostics.lines())
                    continue
                }
                print(diagnostics.lines(), terminator: "")
                print("\(file): ok (\(topology.summary))")
            } catch let error as InvalidInput {
                invalid.append(error.report)
            }
        }
        if !invalid.isEmpty { throw InvalidInput(report: invalid.joined()) }
    }
}
