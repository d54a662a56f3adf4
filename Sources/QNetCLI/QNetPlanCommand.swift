import ArgumentParser
import Foundation
import QNetFormats
import QNetModel

/// The `qnetplan` command: plan quantum networks from topology files.
public struct QNetPlanCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "qnetplan",
        abstract: "Plan quantum networks: loss, detector and key budgets of every link, end-to-end key of every demand.",
        discussion: """
            Topology files are YAML (.qnet.yaml); see docs/topology-format.md.
            Exit codes: 0 success, 1 failure, 2 invalid input (every error is printed with file:line:column).
            """,
        version: version,
        subcommands: [EditCommand.self, CheckCommand.self, ReportCommand.self, KeysCommand.self, BenchCommand.self],
        defaultSubcommand: EditCommand.self
    )

    public init() {}

    /// Runs the command line `arguments` (without the program name) and returns the exit code:
    /// 0 success, 1 failure, 2 invalid input, including arguments the parser refuses.
    public static func run(arguments: [String]) -> Int32 {
        if let typo = mistypedCommand(arguments) {
            FileHandle.standardError.write(Data(typo.utf8))
            return 2
        }
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

extension QNetPlanCommand {
    /// The message for a first argument that looks like a mistyped command (`chek` for `check`) rather than a
    /// topology file to open: no such file, no `.yaml` or `.yml` ending, a few letters from a command's name.
    static func mistypedCommand(_ arguments: [String]) -> String? {
        guard let first = arguments.first, !first.hasPrefix("-"), !first.hasSuffix(".yaml"), !first.hasSuffix(".yml"),
              !FileManager.default.fileExists(atPath: first) else { return nil }
        let names = configuration.subcommands.map { $0._commandName }
        guard !names.contains(first),
              let command = KeySuggestion.closest(to: first, in: names)
        else { return nil }
        return "qnetplan: unknown command '\(first)' (did you mean '\(command)'?); "
            + "to start a new topology file, give its name with .qnet.yaml\n"
    }
}

/// Input that cannot be planned: the diagnostics are already written out in `report`.
struct InvalidInput: Error {
    /// What to print on standard error, one diagnostic a line.
    let report: String
}
