import Foundation
import Testing

/// What the built `qnetplan` prints, and where (standard output or standard error), for
/// files that do not read and files whose plan has errors; `edit` on such a file in a real terminal.
@Suite("End to end: qnetplan's diagnostics on the command line", .serialized)
struct CommandLineOutputTests {
    /// Two trusted hops; line 12 holds L2's protocol, its value at column 15.
    static let topology = """
        qnet: 1
        name: two trusted hops
        nodes:
          - {id: A, kind: endpoint}
          - {id: T, kind: trusted}
          - {id: B, kind: endpoint}
        links:
          - {id: L1, between: [A, T], length: 25 km}
          - id: L2
            between: [T, B]
            length: 40 km
            protocol: bb84-decoy
        demands:
          - {between: [A, B], key_rate: 1 kbit/s}

        """

    /// It reads, but twin-field between two trusted nodes cannot be planned: an error at `links[1].protocol`.
    static let planError = topology.replacingOccurrences(of: "protocol: bb84-decoy", with: "protocol: tf")
    static let planErrorLine = ":12:15: error: links[1].protocol: tf needs exactly one relay (node kind relay) "
        + "between the two key-holding nodes, but segment T~B has 0 inner node(s)"

    /// Two errors that keep it from reading.
    static let unreadable = topology.replacingOccurrences(of: "40 km", with: "40 kg").replacingOccurrences(of: "25 km", with: "far")
    static let unreadableLines = [
        ":8:39: error: links[0].length: 'far' is not a number; expected a length (km, m, cm, mm, um, nm)",
        ":11:13: error: links[1].length: 'kg' is not a unit of length; use one of: km, m, cm, mm, um, nm",
    ]

    /// Runs `body` with the built binary and the paths of `files` (name, text), written to a new folder removed after.
    private func withFiles(_ files: [(name: String, text: String)], _ body: (URL, [String]) throws -> Void) throws {
        let binary = try #require(Binary.qnetplan, "qnetplan is not built: run `swift build` first")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("qnetplan-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let paths = try files.map { file in
            let url = directory.appendingPathComponent(file.name)
            try file.text.write(to: url, atomically: true, encoding: .utf8)
            return url.path
        }
        try body(binary, paths)
    }

    @Test("check: a good file is ok with its counts in the singular where one; a plan error is located, not ok, exit 2")
    func check() throws {
        try withFiles([("good.qnet.yaml", Self.topology), ("tf.qnet.yaml", Self.planError)]) { binary, paths in
            let (good, bad) = (paths[0], paths[1])
            let ok = try Binary.run(binary, ["check", good])
            #expect(ok.status == 0)
            #expect(ok.output == "\(good): ok (3 nodes, 2 links, 1 demand)\n")
            #expect(ok.errors.isEmpty)

            let failed = try Binary.run(binary, ["check", good, bad])
            #expect(failed.status == 2)
            #expect(failed.output == "\(good): ok (3 nodes, 2 links, 1 demand)\n", "no ok line for \(bad)")
            #expect(failed.errors == bad + Self.planErrorLine + "\n")
        }
    }

    @Test("check: a link without key gets a located note with its reason, its demand a pqc-only warning, before the ok line; exit 0")
    func checkNotes() throws {
        let blind = Self.topology.replacingOccurrences(of: "name: two trusted hops", with: """
            name: two trusted hops
            equipment:
              detectors:
                blind: {kind: snspd, efficiency: 0 %, dark_count_rate: 10 Hz}
                seeing: {kind: snspd, efficiency: 80 %, dark_count_rate: 10 Hz}
            """).replacingOccurrences(of: "length: 40 km", with: "length: 40 km\n    detector: blind")
            .replacingOccurrences(of: "length: 25 km}", with: "length: 25 km, detector: seeing}")
        try withFiles([("blind.qnet.yaml", blind)]) { binary, paths in
            let checked = try Binary.run(binary, ["check", paths[0]])
            #expect(checked.status == 0)
            #expect(checked.errors.isEmpty)
            #expect(checked.output == paths[0] + ":13:5: note: links[1]: link L2 has no key: the receiver detects nothing "
                + "(detection efficiency x window fraction is 0)\n"
                + paths[0] + ":19:15: warning: demands[0].between: demand A-B is not met: no QKD path between A and B: "
                + "post-quantum cryptography only (pqc-only)\n"
                + paths[0] + ": ok (3 nodes, 2 links, 1 demand)\n")
        }
    }

    /// The QA tester's file: A and B 30.02 km apart by their latitude and longitude, joined by a 0 km fiber, and C
    /// placed in planar kilometres.
    static let positions = """
        qnet: 1
        name: QA positions
        nodes:
          - {id: A, kind: endpoint, position: {lat: 48.2 deg, lon: 16.37 deg}}
          - {id: B, kind: endpoint, position: {lat: 48.47 deg, lon: 16.37 deg}}
          - {id: C, kind: trusted, position: {x: 10 km, y: 0 km}}
        links:
          - {id: L1, between: [A, B], length: 0 km}
          - {id: L2, between: [B, C], length: 10 km}
        demands:
          - {between: [A, B], key_rate: 1 kbit/s}

        """

    @Test("check: mixed position kinds and a fiber shorter than its ends' distance are warnings at their keys, before the ok line; exit 0")
    func checkPositionWarnings() throws {
        try withFiles([("positions.qnet.yaml", Self.positions)]) { binary, paths in
            let checked = try Binary.run(binary, ["check", paths[0]])
            #expect(checked.status == 0)
            #expect(checked.errors.isEmpty)
            let lines = checked.output.split(separator: "\n").map(String.init)
            #expect(lines.count == 3)
            #expect(lines.first?.hasPrefix(paths[0] + ":6:38: warning: nodes[2].position: node C has a planar {x, y} "
                + "position, the only one, while 2 nodes have a geographic {lat, lon} one") == true)
            #expect(lines.dropFirst().first?.hasPrefix(paths[0] + ":8:39: warning: links[0].length: link L1 is 0 km long, "
                + "shorter than the 30.02 km great-circle distance between A and B") == true)
            #expect(lines.last == paths[0] + ": ok (3 nodes, 2 links, 1 demand)")
        }
    }

    @Test("--version prints the version alone; exit 0")
    func version() throws {
        let binary = try #require(Binary.qnetplan, "qnetplan is not built: run `swift build` first")
        let printed = try Binary.run(binary, ["--version"])
        #expect(printed.status == 0)
        #expect(printed.output == "0.1.0\n")
        #expect(printed.errors.isEmpty)
    }

    @Test("report: a plan error still gives the report on standard output; the error goes to standard error, located; exit 2")
    func report() throws {
        try withFiles([("tf.qnet.yaml", Self.planError)]) { binary, paths in
            let result = try Binary.run(binary, ["report", paths[0], "--format", "md", "--no-what-ifs"])
            #expect(result.status == 2)
            #expect(result.output.hasPrefix("# two trusted hops"))
            #expect(result.output.contains("T~B"), "the report names the broken segment")
            #expect(result.errors == paths[0] + Self.planErrorLine + "\n")
        }
    }

    @Test("check and edit print every error of a file that does not read, located, exit 2; edit opens no workbench",
          .enabled(if: Tmux.executable != nil, "tmux is not installed (make deps installs it)"),
          .timeLimit(.minutes(1)))
    func unreadableFile() throws {
        try withFiles([("bad.qnet.yaml", Self.unreadable)]) { binary, paths in
            let expected = Self.unreadableLines.map { paths[0] + $0 }
            let check = try Binary.run(binary, ["check", paths[0]])
            #expect(check.status == 2)
            #expect(check.output.isEmpty)
            #expect(check.errors == expected.map { $0 + "\n" }.joined())

            // In a terminal, as a user runs it: the errors, whole, then the shell again.
            let tmux = try Tmux()
            defer { tmux.killServer() }
            try tmux.start(width: 250, height: 20, command: "\(binary.path) edit \(paths[0]); echo \"exit $?\"; sleep 30",
                           directory: URL(fileURLWithPath: paths[0]).deletingLastPathComponent())
            let screen = try #require(tmux.waitFor { $0.contains("exit ") ? $0 : nil }, "\(tmux.capture())")
            let lines = screen.components(separatedBy: "\n").filter { !$0.isEmpty }
            #expect(lines == expected + ["exit 2"], "\(screen)")
        }
    }
}
