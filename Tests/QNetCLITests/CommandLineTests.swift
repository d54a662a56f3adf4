import Foundation
import Testing
@testable import QNetCLI

/// Whole command lines, run in-process, judged by exit code and by what they write.
@Suite("qnetplan command line")
struct CommandLineTests {
    static let smallTopology = """
        qnet: 1
        name: two trusted hops
        equipment:
          sources:
            wcp: {kind: weak-coherent, repetition_rate: 1 GHz}
          detectors:
            snspd: {efficiency: 85 %, dark_count_rate: 100 Hz, jitter: 30 ps}
        nodes:
          - {id: A, kind: endpoint, source: wcp}
          - {id: T, kind: trusted, source: wcp, detector: snspd}
          - {id: B, kind: endpoint, detector: snspd}
        links:
          - {id: L1, between: [A, T], medium: fiber, length: 25 km, extra_losses: {connectors: 1.0 dB, splices: 0.3 dB}}
          - {id: L2, between: [T, B], medium: fiber, length: 40 km}
        demands:
          - {between: [A, B], key_rate: 1 kbit/s}
        """

    private func temporaryFile(_ name: String, _ contents: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("qnetplan-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name)
        try contents.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    @Test("check accepts a good file")
    func checkGood() throws {
        let file = try temporaryFile("good.qnet.yaml", Self.smallTopology)
        #expect(QNetPlanCommand.run(arguments: ["check", file.path]) == 0)
    }

    @Test("check exits 2 on a file with errors, and on a missing file")
    func checkBad() throws {
        let bad = try temporaryFile("bad.qnet.yaml", Self.smallTopology.replacingOccurrences(of: "25 km", with: "-25 km"))
        #expect(QNetPlanCommand.run(arguments: ["check", bad.path]) == 2)
        #expect(QNetPlanCommand.run(arguments: ["check", bad.path + ".missing"]) == 2)
    }

    @Test("a misalignment above 50 % is invalid input: exit 2, the error at its line")
    func misalignmentAboveHalf() throws {
        let bad = try temporaryFile("bad.qnet.yaml", Self.smallTopology.replacingOccurrences(
            of: "length: 40 km}", with: "length: 40 km, misalignment: 59.9 %}"))
        #expect(QNetPlanCommand.run(arguments: ["check", bad.path]) == 2)
        #expect(QNetPlanCommand.run(arguments: ["report", bad.path, "--format", "json"]) == 2)
    }

    /// `smallTopology` with L2 set to twin-field: it reads, but its plan has an error (tf needs a relay).
    static let planError = smallTopology.replacingOccurrences(of: "length: 40 km}", with: "length: 40 km, protocol: tf}")

    @Test("check exits 2 on a file that reads but whose plan has errors")
    func checkPlanError() throws {
        let file = try temporaryFile("tf.qnet.yaml", Self.planError)
        #expect(QNetPlanCommand.run(arguments: ["check", file.path]) == 2)
        let good = try temporaryFile("good.qnet.yaml", Self.smallTopology)
        #expect(QNetPlanCommand.run(arguments: ["check", good.path, file.path]) == 2)
    }

    @Test("check passes a homodyne receiver on a bb84-decoy link with a warning, and fails a photon counter on cv-gg02")
    func detectorKindForTheProtocol() throws {
        let homodyne = try temporaryFile("homodyne.qnet.yaml", Self.smallTopology.replacingOccurrences(
            of: "jitter: 30 ps}", with: "jitter: 30 ps}\n    hom: {kind: homodyne}").replacingOccurrences(
            of: "{id: B, kind: endpoint, detector: snspd}", with: "{id: B, kind: endpoint, detector: hom}"))
        #expect(QNetPlanCommand.run(arguments: ["check", homodyne.path]) == 0)
        let cv = try temporaryFile("cv.qnet.yaml", Self.smallTopology
            .replacingOccurrences(of: "repetition_rate: 1 GHz}", with: "repetition_rate: 1 GHz}\n    gauss: {kind: coherent-gaussian}")
            .replacingOccurrences(of: "{id: T, kind: trusted, source: wcp,", with: "{id: T, kind: trusted, source: gauss,")
            .replacingOccurrences(of: "length: 40 km}", with: "length: 40 km, protocol: cv-gg02}"))
        #expect(QNetPlanCommand.run(arguments: ["check", cv.path]) == 2)
    }

    @Test("report on a file whose plan has errors still writes the report, and exits 2")
    func reportPlanError() throws {
        let file = try temporaryFile("tf.qnet.yaml", Self.planError)
        let output = file.deletingLastPathComponent().appendingPathComponent("report.json")
        #expect(QNetPlanCommand.run(arguments: ["report", file.path, "--no-what-ifs", "-o", output.path]) == 2)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: output)) as? [String: Any])
        let diagnostics = try #require(report["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.contains { $0["severity"] as? String == "error" && $0["key_path"] as? String == "links[1].protocol" })
    }

    @Test("an unknown option is invalid input: exit 2, not 64")
    func unknownOption() {
        #expect(QNetPlanCommand.run(arguments: ["report", "--colour", "x.qnet.yaml"]) == 2)
    }

    @Test("a mistyped command is refused with the command it is close to, not opened as a new file of that name")
    func mistypedCommand() throws {
        #expect(QNetPlanCommand.mistypedCommand(["chek", "net.qnet.yaml"])?.contains("did you mean 'check'?") == true)
        #expect(QNetPlanCommand.mistypedCommand(["reprot"])?.contains("did you mean 'report'?") == true)
        #expect(QNetPlanCommand.mistypedCommand(["chekc"])?.contains("did you mean 'check'?") == true)   // two letters swapped
        #expect(QNetPlanCommand.mistypedCommand(["edti", "x.qnet.yaml"])?.contains("did you mean 'edit'?") == true)
        #expect(QNetPlanCommand.run(arguments: ["chek"]) == 2)
        // Not typos: a command, a topology file name, an option, and a word far from every command.
        for arguments in [["check", "x.qnet.yaml"], ["chek.qnet.yaml"], ["--help"], ["backbone"]] {
            #expect(QNetPlanCommand.mistypedCommand(arguments) == nil)
        }
    }

    @Test("report -o writes JSON with the stable fields of topology-format.md")
    func jsonReport() throws {
        let file = try temporaryFile("net.qnet.yaml", Self.smallTopology)
        let output = file.deletingLastPathComponent().appendingPathComponent("report.json")
        #expect(QNetPlanCommand.run(arguments: ["report", file.path, "-o", output.path]) == 0)
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: output))
        let report = try #require(object as? [String: Any])
        #expect(report["qnet_report"] as? Int == 1)
        #expect(report["topology"] as? String == "two trusted hops")
        let links = try #require(report["links"] as? [[String: Any]])
        let first = try #require(links.first)
        for key in ["id", "medium", "protocol", "loss_db", "transmittance", "loss_budget", "detector_budget", "qber",
                    "qber_budget", "key_rate_bps", "key_per_pulse", "signal_intensity", "plob_bound_bps", "margin_db"] {
            #expect(first[key] != nil, "link field \(key) missing")
        }
        #expect(abs((first["loss_db"] as? Double ?? 0) - 6.3) < 1e-9)
        let demands = try #require(report["demands"] as? [[String: Any]])
        let demand = try #require(demands.first)
        for key in ["id", "between", "required_bps", "best_path", "best_path_bps", "max_flow_bps", "trusted_nodes", "satisfied"] {
            #expect(demand[key] != nil, "demand field \(key) missing")
        }
        #expect(demand["best_path"] as? [String] == ["A", "T", "B"])
        #expect(demand["trusted_nodes"] as? [String] == ["T"])
        #expect(report["segments"] is [[String: Any]])
        // What-ifs are additions: under each demand, and the network's N−1 survivability.
        #expect((demand["what_if"] as? [String: Any])?["limiting"] is [String: Any])
        #expect(report["survivability"] is [String: Any])
        #expect(QNetPlanCommand.run(arguments: ["report", file.path, "--no-what-ifs", "-o", output.path]) == 0)
        let without = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: output)) as? [String: Any])
        #expect(without["survivability"] is NSNull)
    }

    @Test("an output name without a known extension needs --format")
    func unknownExtension() throws {
        let file = try temporaryFile("net.qnet.yaml", Self.smallTopology)
        let output = file.deletingLastPathComponent().appendingPathComponent("report.txt")
        #expect(QNetPlanCommand.run(arguments: ["report", file.path, "-o", output.path]) == 2)
        #expect(!FileManager.default.fileExists(atPath: output.path))
        #expect(QNetPlanCommand.run(arguments: ["report", file.path, "--format", "csv", "-o", output.path]) == 0)
        let csv = try String(contentsOf: output, encoding: .utf8)
        #expect(csv.hasPrefix("link,medium,protocol,loss_db"))
        #expect(QNetPlanCommand.run(arguments: ["report", file.path, "--format", "markdown", "-o", output.path]) == 0)
        #expect(try String(contentsOf: output, encoding: .utf8).hasPrefix("# "))
        #expect(QNetPlanCommand.run(arguments: ["report", file.path, "--format", "pdf", "-o", output.path]) == 2)
    }

    @Test("an output name with no extension, or one no format has, is refused by name (exit 2), unless --format is given")
    func outputWithoutExtension() throws {
        let file = try temporaryFile("net.qnet.yaml", Self.smallTopology)
        for name in ["report", "report.txt"] {
            let output = file.deletingLastPathComponent().appendingPathComponent(name)
            let refusal = try #require(catchError { _ = try QNetPlanCommand.parseAsRoot(["report", file.path, "-o", output.path]) })
            #expect(QNetPlanCommand.fullMessage(for: refusal).contains(
                "cannot tell the format from '\(output.path)': name a .json, .md or .csv file, or pass --format"))
            #expect(QNetPlanCommand.run(arguments: ["report", file.path, "-o", output.path]) == 2)
            #expect(!FileManager.default.fileExists(atPath: output.path))
        }
        let output = file.deletingLastPathComponent().appendingPathComponent("report")
        #expect(QNetPlanCommand.run(arguments: ["report", file.path, "--no-what-ifs", "--format", "md", "-o", output.path]) == 0)
        #expect(try String(contentsOf: output, encoding: .utf8).hasPrefix("# "))
    }

    @Test("an output extension that disagrees with --format is refused, naming both (exit 2, nothing written)")
    func extensionDisagreesWithFormat() throws {
        let file = try temporaryFile("net.qnet.yaml", Self.smallTopology)
        let output = file.deletingLastPathComponent().appendingPathComponent("out.json")
        let refusal = try #require(catchError { _ = try QNetPlanCommand.parseAsRoot(["report", file.path, "-o", output.path, "--format", "md"]) })
        let message = QNetPlanCommand.fullMessage(for: refusal)
        #expect(message.contains("--format md disagrees with -o \(output.path), whose .json names a json report"))
        #expect(QNetPlanCommand.run(arguments: ["report", file.path, "-o", output.path, "--format", "md"]) == 2)
        #expect(!FileManager.default.fileExists(atPath: output.path))
        // Agreeing (markdown is md), or the extension alone, write the report.
        let markdown = output.deletingPathExtension().appendingPathExtension("markdown")
        #expect(QNetPlanCommand.run(arguments: ["report", file.path, "--no-what-ifs", "-o", markdown.path, "--format", "md"]) == 0)
        #expect(QNetPlanCommand.run(arguments: ["report", file.path, "--no-what-ifs", "-o", output.path]) == 0)
        #expect(try String(contentsOf: output, encoding: .utf8).hasPrefix("{"))
    }

    /// The error `body` throws, if any.
    private func catchError(_ body: () throws -> Void) -> (any Error)? {
        do { try body() } catch { return error }
        return nil
    }

    @Test("report -o naming the topology file itself is refused (exit 2, the file kept); -o - is standard output")
    func outputOverItsOwnInput() throws {
        let file = try temporaryFile("net.qnet.yaml", Self.smallTopology)
        #expect(QNetPlanCommand.run(arguments: ["report", file.path, "--format", "json", "-o", file.path]) == 2)
        #expect(try String(contentsOf: file, encoding: .utf8) == Self.smallTopology)
        let folder = file.deletingLastPathComponent()
        #expect(QNetPlanCommand.run(arguments: ["report", file.path, "--no-what-ifs", "-o", "-"]) == 0)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("-").path))
        #expect(!FileManager.default.fileExists(atPath: FileManager.default.currentDirectoryPath + "/-"))
    }

    @Test("report -o naming a folder is refused before planning, with exit 2, whatever the format (QA)")
    func folderOutput() throws {
        let file = try temporaryFile("net.qnet.yaml", Self.smallTopology)
        let folder = file.deletingLastPathComponent().path
        let refusal = try #require(catchError { _ = try QNetPlanCommand.parseAsRoot(["report", file.path, "-o", folder, "--format", "md"]) })
        #expect(QNetPlanCommand.fullMessage(for: refusal).contains("-o \(folder) is a folder: name a file in it"))
        #expect(QNetPlanCommand.run(arguments: ["report", file.path, "--no-what-ifs", "-o", folder, "--format", "md"]) == 2)
    }

    @Test("report -o over a read-only file is refused (exit 2, as other refused -o names), saying how to proceed")
    func readOnlyOutput() throws {
        let file = try temporaryFile("net.qnet.yaml", Self.smallTopology)
        let output = file.deletingLastPathComponent().appendingPathComponent("report.md")
        try "kept\n".write(to: output, atomically: false, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: output.path)
        let refusal = try #require(catchError { _ = try QNetPlanCommand.parseAsRoot(["report", file.path, "-o", output.path]) })
        #expect(QNetPlanCommand.fullMessage(for: refusal).contains(
            "-o \(output.path) is read-only, not replaced: make it writable (chmod u+w \(output.path)) or name another file"))
        #expect(QNetPlanCommand.run(arguments: ["report", file.path, "--no-what-ifs", "-o", output.path]) == 2)
        #expect(try String(contentsOf: output, encoding: .utf8) == "kept\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: output.path)
        #expect(QNetPlanCommand.run(arguments: ["report", file.path, "--no-what-ifs", "-o", output.path]) == 0)
        #expect(try String(contentsOf: output, encoding: .utf8).hasPrefix("# "))
    }

    @Test("check refuses what is not a regular file as such (exit 2), and an empty file; edit starts an empty file anew")
    func notRegularOrEmpty() throws {
        #expect(QNetPlanCommand.run(arguments: ["check", "/dev/null"]) == 2)
        let folder = try temporaryFile("net.qnet.yaml", Self.smallTopology).deletingLastPathComponent()
        #expect(QNetPlanCommand.run(arguments: ["check", folder.path]) == 2)
        let empty = try temporaryFile("empty.qnet.yaml", "# to be drawn\n")
        #expect(QNetPlanCommand.run(arguments: ["check", empty.path]) == 2)
        #expect(QNetPlanCommand.run(arguments: ["report", empty.path]) == 2)
        #expect(try TopologyInput.loadUnlessEmpty(empty.path) == nil)
        #expect(try TopologyInput.loadUnlessEmpty(folder.appendingPathComponent("net.qnet.yaml").path)?.document.topology.name
                == "two trusted hops")
        #expect(throws: InvalidInput.self) { try TopologyInput.loadUnlessEmpty("/dev/null") }
    }

    @Test("keys lists the keys of a section, and refuses an unknown section")
    func keys() {
        #expect(QNetPlanCommand.run(arguments: ["keys", "links"]) == 0)
        #expect(QNetPlanCommand.run(arguments: ["keys", "cables"]) == 2)
    }

    @Test("bench prints a small network's range to the median's precision, a large one's in whole ms (QA)")
    func benchRange() {
        #expect(BenchCommand.range(0.00055, 0.01103) == "(0.55–11.03 ms)")
        #expect(BenchCommand.range(0.748, 0.992) == "(748–992 ms)")
    }

    @Test("bench times the full plans it is asked for, and refuses a number of runs out of range (exit 2)")
    func benchRuns() {
        #expect(QNetPlanCommand.run(arguments: ["bench", "--nodes", "20", "--runs", "2"]) == 0)
        #expect(QNetPlanCommand.run(arguments: ["bench", "--nodes", "20", "--runs", "0"]) == 2)
        #expect(QNetPlanCommand.run(arguments: ["bench", "--nodes", "20", "--runs", "102"]) == 2)
    }
}
