import ArgumentParser
import Foundation

/// The `qnetplan` command: plan quantum networks from topology files.
public struct QNetPlanCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "qnetplan",
        abstract: "Plan quantum networks: loss, detector and key budgets of every link, end-to-end key of every demand.",
        discussion: """
            Topology files are YAML (.qnet.yaml); see docs/topology-format.md.
            Exit codes: 0 success, 1 failure, 2 invalid input (every error is printed with file:line:column).
            """,
        subcommands: [EditCommand.self, CheckCommand.self, ReportCommand.self, KeysCommand.self, BenchCommand.self],
        defaultSubcommand: EditCommand.self
    )

    public init() {}

    /// Runs the command line `arguments` (without the program name) and returns the exit code:
    /// 0 success, 1 failure, 2 invalid input, including arguments the parser refuses.
    public static func run(arguments: [String]) -> Int32 {
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
            return 0
        } catch let error as InvalidInput {
            FileHandle.standardError.write(Data(error.report.utf8))
            return 2
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                print(message)
                return 0
            }
            FileHandle.standardError.write(Data((message + "\n").utf8))
            return code == .validationFailure ? 2 : code.rawValue
        }
    }
}

/// Input that cannot be planned: the diagnostics are already written out in `report`.
struct InvalidInput: Error {
    /// What to print on standard error, one diagnostic a line.
    let report: String
}
