import ArgumentParser
import Foundation
import QNetCurses
import QNetTUI

/// `qnetplan edit [FILE]` (also `qnetplan FILE`): the full-screen workbench.
struct EditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit",
        abstract: "Open the workbench on a topology file (a new one if it does not exist).",
        discussion: "Press ? in the workbench for every key binding; :q quits, asking first about unsaved edits."
    )

    @Argument(help: "Topology file (.qnet.yaml); omitted: an untitled network.",
              completion: .file(extensions: ["yaml", "yml"]))
    var file: String?

    func run() throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw ValidationError("the workbench needs a terminal; for a report without one use `qnetplan report FILE`")
        }
        let final: AppState
        do {
            final = try CursesTerminal.withTerminal(environment: ProcessInfo.processInfo.environment) { terminal in
                Workbench.run(path: file, terminal: terminal, services: .standard())
            }
        } catch let error as CursesError {
            FileHandle.standardError.write(Data("qnetplan: cannot open the terminal: \(error)\n".utf8))
            throw ExitCode.failure
        }
        // An error the user may not have read (e.g. a file that failed to load) stays on screen after quitting.
        if let status = final.status, status.kind == .error { print(status.text) }
    }
}
