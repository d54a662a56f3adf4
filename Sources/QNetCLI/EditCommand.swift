import ArgumentParser
import Foundation
import QNetCurses
import QNetFormats
import QNetTUI

/// `qnetplan edit [FILE]` (also `qnetplan FILE`): the full-screen workbench.
struct EditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit",
        abstract: "Open the workbench on a topology file (a new one if it does not exist, or is empty).",
        discussion: """
            A file with errors is not opened: every error is printed with file:line:column and key, as \
            `qnetplan check` prints them, and the exit code is 2.
            Press ? in the workbench for every key binding; :q quits, asking first about unsaved edits.
            """
    )

    @Argument(help: "Topology file (.qnet.yaml); omitted: an untitled network.",
              completion: .file(extensions: ["yaml", "yml"]))
    var file: String?

    func run() throws {
        // Read before taking the terminal, so that a file's errors are printed in full, not cut to the status line;
        // the file's fingerprint is taken first, so that a change made while it is read is noticed at the first save.
        let services = WorkbenchServices.standard()
        let fingerprint = file.flatMap(services.fingerprint)
        let document = try file.flatMap(Self.existingDocument)
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw ValidationError("the workbench needs a terminal; for a report without one use `qnetplan report FILE`")
        }
        let final: AppState
        do {
            final = try CursesTerminal.withTerminal(environment: ProcessInfo.processInfo.environment) { terminal in
                if let file, let document {
                    return Workbench.run(document: document, path: file, fingerprint: fingerprint, terminal: terminal,
                                         services: services)
                }
                return Workbench.run(path: file, terminal: terminal, services: services)
            }
        } catch let error as CursesError {
            FileHandle.standardError.write(Data("qnetplan: cannot open the terminal: \(error)\n".utf8))
            throw ExitCode.failure
        }
        // An error cut short on the status line (every error of a file :e could not load, say) is printed in full
        // after quitting; one the status line showed whole was read there, and is not repeated (a typo before :q!).
        if let status = final.status, status.kind == .error, !status.fitsStatusLine(width: final.screenSize.width) {
            print(status.text)
        }
    }

    /// The document in the file at `path`; nil when there is no such file, or it holds no topology (it is empty, or
    /// holds only comments): the workbench starts it.
    /// - Throws: `InvalidInput` with every located error of a file that does not read.
    private static func existingDocument(_ path: String) throws -> TopologyDocument? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        return try TopologyInput.loadUnlessEmpty(path)?.document
    }
}
