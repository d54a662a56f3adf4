import ArgumentParser
import Foundation
import QNetFormats
import QNetModel
import QNetPlanner

extension ReportFormat: ExpressibleByArgument {
    /// `--format` takes each name a report file's extension may have: json, md or markdown, csv.
    public init?(argument: String) { self.init(fileExtension: argument) }

    /// The names `--help` and errors list.
    public static var allValueStrings: [String] { ["json", "md", "markdown", "csv"] }
}

/// `qnetplan report FILE [--format json|md|csv] [-o OUT]`: plan a topology and print or save its report.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Plan a topology and write its report (JSON, Markdown or CSV), what-ifs included.",
        discussion: """
            The JSON fields are stable (see docs/topology-format.md, "The report that tools read").
            Per demand the report adds what-ifs: the limiting link, the rate's sensitivity to its loss, \
            length and detector efficiency, the single failures that break the demand, and suggestions.
            Without --format, the format follows the extension of -o (.json, .md or .markdown, .csv), else \
            Markdown. With both, they must agree (exit 2 otherwise); an -o name without one of those extensions \
            takes --format. An -o file that is read-only (chmod 444) is not replaced (exit 2).
            A file whose plan has errors (a segment the planner cannot build) still gets its report, which \
            marks the segment; the errors go to standard error with file:line:column and key, and the exit code is 2.
            """
    )

    @Argument(help: "Topology file (.qnet.yaml).", completion: .file(extensions: ["yaml", "yml"]))
    var file: String

    @Option(help: "Report format: json, md (or markdown) or csv (default: the extension of -o, else md).")
    var format: ReportFormat?

    @Flag(inversion: .prefixedNo, help: ArgumentHelp("Add the what-ifs (default); --no-what-ifs leaves them out (null in JSON). "
                                                     + "They take far longer than the plan on large networks "
                                                     + "(about 50 s against 1 s on 10,000 nodes, see README Speed)."))
    var whatIfs = true

    @Option(name: [.short, .customLong("output")],
            help: "Write the report to this file (atomically) instead of standard output; - (or /dev/stdout) is standard output.",
            completion: .file())
    var output: String?

    /// The file to write the report to, nil for standard output (`-`, or `/dev/stdout`, which would be reopened and
    /// overwritten from its start where the shell appends: `>> file`).
    private var outputFile: String? { output == "-" || output == "/dev/stdout" ? nil : output }

    func validate() throws {
        guard let output = outputFile else { return }
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: output, isDirectory: &isFolder), isFolder.boolValue {
            throw ValidationError("-o \(output) is a folder: name a file in it (e.g. \(output)/report.md)")
        }
        let fileExtension = URL(fileURLWithPath: output).pathExtension
        switch (format, ReportFormat(fileExtension: fileExtension)) {
        case (nil, nil):
            throw ValidationError("cannot tell the format from '\(output)': name a .json, .md or .csv file, or pass --format")
        case let (given?, named?) where given != named:
            throw ValidationError("--format \(given.rawValue) disagrees with -o \(output), whose .\(fileExtension) names a "
                                  + "\(named.rawValue) report: drop --format, or name a .\(given.rawValue) file")
        default:
            break
        }
        let resolved = { (path: String) in URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path }
        if resolved(output) == resolved(file) {
            throw ValidationError("-o \(output) would replace the topology file it reports on: name another file")
        }
        if ReadOnlyFile.isReadOnly(output) {
            throw ValidationError("-o \(output) is read-only, not replaced: make it writable (chmod u+w \(output)) "
                                  + "or name another file")
        }
    }

    func run() throws {
        let input = try TopologyInput.load(file)
        let topology = input.document.topology
        let plan = Planner().plan(topology)
        let whatIf = whatIfs ? Self.analyseWhatIfs(plan, of: topology) : nil
        let chosen = format
            ?? outputFile.flatMap { ReportFormat(fileExtension: URL(fileURLWithPath: $0).pathExtension) }
            ?? .markdown
        let text = chosen.render(plan, of: topology, whatIf: whatIf)
        if let output = outputFile {
            do {
                try AtomicFile.write(Data(text.utf8), to: URL(fileURLWithPath: output))
            } catch {
                FileHandle.standardError.write(Data("qnetplan: \(error)\n".utf8))
                throw ExitCode.failure
            }
        } else {
            print(text, terminator: "")
        }
        // The report marks a segment the plan could not build; its errors also go to standard error, located.
        let diagnostics = PlanDiagnostics(plan, of: input)
        if diagnostics.hasErrors { throw InvalidInput(report: diagnostics.lines(atLeast: .error)) }
    }

    /// The what-ifs of every demand of `plan`; on a terminal, standard error counts the demands done meanwhile
    /// (a 10,000-node network's take about a minute).
    private static func analyseWhatIfs(_ plan: Plan, of topology: Topology) -> WhatIfAnalysis {
        let progress = ProgressLine("what-ifs, demands done")
        defer { progress.finish() }
        return WhatIfAnalyzer(topology: topology, plan: plan).analyse { done, total in progress.update(done, of: total) }
    }
}
