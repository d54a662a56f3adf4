import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing

/// The real `qnetplan edit` in a real (tmux) terminal: ncurses drawing, a resize
/// and a save, which the in-memory tests cannot prove.
///
/// Every wait is bounded (a few seconds of polling `capture-pane`), and the tmux
/// server, on a socket of its own, is killed whatever happens.
@Suite("End to end: qnetplan edit in tmux", .serialized)
struct WorkbenchInTmuxTests {
    @Test("open Vienna, :set SIEM-ERDB.length 30 km, see its key rate change, resize, :w, quit; the file has 30 km and reloads",
          .enabled(if: Tmux.executable != nil, "tmux is not installed (make deps installs it)"),
          .timeLimit(.minutes(1)))
    func editResizeSave() throws {
        try withVienna { binary, file, tmux in
            try editResizeSave(binary, file, tmux)
        }
    }

    private func editResizeSave(_ binary: URL, _ file: URL, _ tmux: Tmux) throws {
        let directory = file.deletingLastPathComponent()
        // The plan is on screen: the link's row in the network list, with its key rate.
        let before = try #require(tmux.waitFor { screen in rate(of: "SIEM-ERDB", in: screen) }, "\(tmux.capture())")

        tmux.sendKeys(":set SIEM-ERDB.length 30 km", "Enter")
        let after = try #require(tmux.waitFor { screen in
            rate(of: "SIEM-ERDB", in: screen).flatMap { $0 != before && screen.contains("SIEM-ERDB.length = 30 km") ? $0 : nil }
        }, "\(tmux.capture())")
        #expect(after != before)

        tmux.resize(width: 100, height: 30)
        let redrawn = tmux.waitFor { screen -> Bool? in
            let lines = screen.components(separatedBy: "\n")
            // The frame is drawn to the new width, and the bars to the new height.
            return lines.count >= 30 && lines[1].count == 100 && lines[29].contains("Quit") ? true : nil
        }
        #expect(redrawn == true, "no redraw at 100×30:\n\(tmux.capture())")

        tmux.sendKeys(":w", "Enter")
        #expect(tmux.waitFor { $0.contains("wrote ") ? true : nil } == true, "\(tmux.capture())")
        tmux.sendKeys(":q", "Enter")
        #expect(tmux.waitFor { _ in tmux.hasSession ? nil : true } == true, "the workbench did not quit")

        let saved = try String(contentsOf: file, encoding: .utf8)
        #expect(record("SIEM-ERDB", in: saved)?.contains("length: 30 km") == true, "\(saved)")
        let check = try Binary.run(binary, ["check", file.path])
        #expect(check.status == 0, "the saved file does not reload: \(check.errors)")
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent(".vienna.qnet.yaml.autosave").path))
    }

    @Test("the tester's case: another program changes name:, so :set then :w is refused; :e!, a node rename and :wq keep both",
          .enabled(if: Tmux.executable != nil, "tmux is not installed (make deps installs it)"),
          .timeLimit(.minutes(1)))
    func changedOnDisk() throws {
        try withVienna { _, file, tmux in
            #expect(tmux.waitFor { screen in rate(of: "SIEM-ERDB", in: screen) } != nil, "\(tmux.capture())")
            let outside = try String(contentsOf: file, encoding: .utf8)
                .replacingOccurrences(of: "name: Vienna SECOQC network (2008)", with: "name: Vienna, changed outside")
            try outside.write(to: file, atomically: false, encoding: .utf8)

            tmux.sendKeys(":set SIEM-ERDB.length 17 km", "Enter")
            #expect(tmux.waitFor { $0.contains("SIEM-ERDB.length = 17 km") ? true : nil } == true, "\(tmux.capture())")
            tmux.sendKeys(":w", "Enter")
            #expect(tmux.waitFor { $0.contains("changed on disk since") ? true : nil } == true, "\(tmux.capture())")
            #expect(try String(contentsOf: file, encoding: .utf8) == outside)

            tmux.sendKeys(":e!", "Enter")
            #expect(tmux.waitFor { $0.contains("opened ") ? true : nil } == true, "\(tmux.capture())")
            tmux.sendKeys(":set ERDB.id ERDBERG", "Enter")
            #expect(tmux.waitFor { $0.contains("renamed node ERDB to ERDBERG") ? true : nil } == true, "\(tmux.capture())")
            tmux.sendKeys(":wq", "Enter")
            #expect(tmux.waitFor { _ in tmux.hasSession ? nil : true } == true, "the workbench did not quit:\n\(tmux.capture())")

            let saved = try String(contentsOf: file, encoding: .utf8)
            #expect(saved.contains("name: Vienna, changed outside"))
            #expect(saved.contains("between: [SIEM, ERDBERG]") && saved.contains("between: [ERDBERG, GUDR]") && !saved.contains("ERDB]"),
                    "\(saved)")
        }
    }

    @Test("a second workbench on the file, killed (SIGKILL) after its edit was autosaved: a workbench opening the file offers it back; r and :w keep it",
          .enabled(if: Tmux.executable != nil, "tmux is not installed (make deps installs it)"),
          .timeLimit(.minutes(1)))
    func killedSecondWorkbench() throws {
        try withVienna { binary, file, tmux in
            #expect(tmux.waitFor { screen in rate(of: "SIEM-ERDB", in: screen) } != nil, "\(tmux.capture())")
            let directory = file.deletingLastPathComponent(), command = "\(binary.path) edit \(file.path)"
            try tmux.start(width: 120, height: 40, command: command, directory: directory, session: "second")
            #expect(tmux.waitFor(in: "second") { $0.contains(" open in another workbench: autosaving to .vienna.qnet.yaml.") ? true : nil } == true,
                    "\(tmux.capture(of: "second"))")
            tmux.sendKeys(":set SIEM-ERDB.length 33 km", "Enter", to: "second")
            // Written after 3 s without input; its name carries the second workbench's process id.
            let left = try #require(tmux.waitFor(seconds: 10, in: "second") { _ in
                try? FileManager.default.contentsOfDirectory(atPath: directory.path)
                    .first { $0.hasPrefix(".vienna.qnet.yaml.") && $0.hasSuffix(".autosave") && $0 != ".vienna.qnet.yaml.autosave" }
            }, "no autosave of the second workbench:\n\(tmux.capture(of: "second"))")
            let process = try #require(Int32(left.dropFirst(".vienna.qnet.yaml.".count).dropLast(".autosave".count)))
            #expect(kill(process, SIGKILL) == 0)
            #expect(tmux.waitFor { _ in tmux.has(session: "second") ? nil : true } == true, "the second workbench is still there")

            try tmux.start(width: 120, height: 40, command: command, directory: directory, session: "reopened")
            let offered = tmux.waitFor(in: "reopened") { screen in
                screen.contains("left by another workbench, which has ended") && screen.contains("in \(left)") ? true : nil
            }
            #expect(offered == true, "\(tmux.capture(of: "reopened"))")
            // Keys typed straight behind the answer are dropped: :w waits for the question to go.
            tmux.sendKeys("r", to: "reopened")
            #expect(tmux.waitFor(in: "reopened") { $0.contains("restored the autosave") ? true : nil } == true,
                    "\(tmux.capture(of: "reopened"))")
            tmux.sendKeys(":w", "Enter", to: "reopened")
            #expect(tmux.waitFor(in: "reopened") { $0.contains("wrote ") ? true : nil } == true, "\(tmux.capture(of: "reopened"))")
            let saved = try String(contentsOf: file, encoding: .utf8)
            #expect(record("SIEM-ERDB", in: saved)?.contains("length: 33 km") == true, "\(saved)")
            #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent(left).path))
        }
    }

    @Test("the tester's case: a workbench killed (SIGKILL) after autosaving; reopened, x keeps its autosave, which an edit, its autosave and :w leave alone, and the next opening offers it again",
          .enabled(if: Tmux.executable != nil, "tmux is not installed (make deps installs it)"),
          .timeLimit(.minutes(1)))
    func keptAutosave() throws {
        try withVienna { binary, file, tmux in
            #expect(tmux.waitFor { screen in rate(of: "SIEM-ERDB", in: screen) } != nil, "\(tmux.capture())")
            let directory = file.deletingLastPathComponent(), command = "\(binary.path) edit \(file.path)"
            let usual = directory.appendingPathComponent(".vienna.qnet.yaml.autosave")
            tmux.sendKeys(":set name changed", "Enter")
            let written = tmux.waitFor(seconds: 10) { _ in FileManager.default.fileExists(atPath: usual.path) ? true : nil }
            #expect(written == true, "no autosave:\n\(tmux.capture())")
            let crashed = try Data(contentsOf: usual)
            // The pane's process group: the shell and the workbench in it.
            let pane = try #require(tmux.panePID())
            #expect(kill(-pane, SIGKILL) == 0)
            #expect(tmux.waitFor { _ in tmux.hasSession ? nil : true } == true, "the workbench is still there")

            try tmux.start(width: 120, height: 40, command: command, directory: directory, session: "reopened")
            #expect(tmux.waitFor(in: "reopened") { $0.contains("newer than the file") ? true : nil } == true,
                    "\(tmux.capture(of: "reopened"))")
            tmux.sendKeys("x", to: "reopened")
            let own = try #require(tmux.waitFor(in: "reopened") { screen in
                screen.firstMatch(of: #/edits autosave to (\.vienna\.qnet\.yaml\.[0-9]+\.autosave); kept/#).map { String($0.output.1) }
            }, "\(tmux.capture(of: "reopened"))")
            tmux.sendKeys(":set description other edit", "Enter", to: "reopened")
            let ownWritten = tmux.waitFor(seconds: 10, in: "reopened") { _ in
                FileManager.default.fileExists(atPath: directory.appendingPathComponent(own).path) ? true : nil
            }
            #expect(ownWritten == true, "\(tmux.capture(of: "reopened"))")
            tmux.sendKeys(":w", "Enter", to: "reopened")
            #expect(tmux.waitFor(in: "reopened") { $0.contains("still kept for later: .vienna.qnet.yaml.autosave") ? true : nil }
                    == true, "\(tmux.capture(of: "reopened"))")
            #expect(try Data(contentsOf: usual) == crashed)
            tmux.sendKeys(":q", "Enter", to: "reopened")
            #expect(tmux.waitFor { _ in tmux.has(session: "reopened") ? nil : true } == true, "the workbench did not quit")

            try tmux.start(width: 120, height: 40, command: command, directory: directory, session: "again")
            #expect(tmux.waitFor(in: "again") { $0.contains("older than the file") ? true : nil } == true,
                    "\(tmux.capture(of: "again"))")
        }
    }

    /// Runs `body` on `qnetplan edit` of a copy of the Vienna sample in a new folder (removed afterwards),
    /// in a tmux server (killed afterwards).
    private func withVienna(_ body: (_ binary: URL, _ file: URL, _ tmux: Tmux) throws -> Void) throws {
        let binary = try #require(Binary.qnetplan, "qnetplan is not built: run `swift build` first")
        try Binary.withViennaCopy { file in
            let tmux = try Tmux()
            defer { tmux.killServer() }
            try tmux.start(width: 120, height: 40, command: "\(binary.path) edit \(file.path)",
                           directory: file.deletingLastPathComponent())
            try body(binary, file, tmux)
        }
    }

    /// The lines of the record `id` in a topology file's text, up to the next record.
    private func record(_ id: String, in text: String) -> String? {
        text.components(separatedBy: "- id: \(id)").dropFirst().first?.components(separatedBy: "- id:").first
    }

    /// The key rate shown on the network list's row of `link` ("13.3 kbit/s"), if the row is on screen.
    private func rate(of link: String, in screen: String) -> String? {
        guard let line = screen.components(separatedBy: "\n").first(where: { $0.contains(link + " SIEM") }) else { return nil }
        let pattern = #/([0-9.]+ [kMG]?bit/s)/#
        return line.firstMatch(of: pattern).map { String($0.output.1) }
    }
}

/// Where the built binary is, and running it.
enum Binary {
    /// The package root, from this file's path.
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// `qnetplan` beside the test bundle, else in `.build/debug`.
    static var qnetplan: URL? {
        let sibling = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("qnetplan")
        let candidates = [sibling, packageRoot.appendingPathComponent(".build/debug/qnetplan")]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// Runs `body` on `vienna.qnet.yaml`, a copy of the Vienna sample in a new folder, removed afterwards.
    static func withViennaCopy(_ body: (_ file: URL) throws -> Void) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("qnetplan-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("vienna.qnet.yaml")
        try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("topologies/vienna-secoqc.qnet.yaml"), to: file)
        try body(file)
    }

    /// Runs `executable` with `arguments` to its end; its exit status, its standard output
    /// and its standard error.
    ///
    /// Spawned and reaped directly (posix_spawn, waitpid), with output to files: a
    /// tmux server started by the command keeps whatever it inherited open for as
    /// long as it lives, so neither a pipe nor Foundation's `Process` may wait on it.
    /// Its signals are unblocked and at their defaults: the test runner's threads block
    /// most of them, and a tmux server that inherited that mask ignored `kill-server`
    /// (SIGTERM) and outlived its test with the workbenches in it.
    static func run(_ executable: URL, _ arguments: [String]) throws -> (status: Int32, output: String, errors: String) {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("qnetplan-e2e-\(UUID().uuidString)").path
        let outputPath = base + ".out", errorsPath = base + ".err"
        defer { [outputPath, errorsPath].forEach { try? FileManager.default.removeItem(atPath: $0) } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errorsPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let argv = ([executable.path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t(), all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable.path, &actions, &attributes, argv, environ)
        guard spawned == 0 else { throw TmuxError("cannot run \(executable.path): error \(spawned)") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1, errno == EINTR {}
        let exitStatus = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        func text(_ path: String) -> String { (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }
        return (exitStatus, text(outputPath), text(errorsPath))
    }
}

/// A tmux server on a socket of its own (`-L qnetplan-e2e-UUID`) with one session.
final class Tmux {
    static var executable: URL? {
        ["/usr/bin/tmux", "/usr/local/bin/tmux", "/opt/homebrew/bin/tmux"].map(URL.init(fileURLWithPath:))
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    private let executable: URL
    private let socket = "qnetplan-e2e-\(UUID().uuidString)"
    /// The session started first.
    private let session = "e2e"

    init() throws {
        guard let executable = Tmux.executable else { throw TmuxError("tmux is not installed") }
        self.executable = executable
    }

    @discardableResult
    private func tmux(_ arguments: [String]) -> (status: Int32, output: String) {
        (try? Binary.run(executable, ["-L", socket] + arguments)).map { ($0.status, $0.output + $0.errors) } ?? (-1, "")
    }

    /// Starts `command` in a new session (the first is the one the other calls act on, unless told another).
    func start(width: Int, height: Int, command: String, directory: URL, session: String = "e2e") throws {
        let result = tmux(["-f", "/dev/null", "new-session", "-d", "-s", session, "-x", "\(width)", "-y", "\(height)",
                           "-c", directory.path, "env", "LANG=C.UTF-8", "TERM=xterm-256color", "sh", "-c", command])
        guard result.status == 0 else { throw TmuxError("tmux new-session failed: \(result.output)") }
    }

    /// Types each of `keys`: text as it is, and the keys tmux names (`Enter`, `C-c`) as those keys.
    func sendKeys(_ keys: String..., to session: String = "e2e") {
        for key in keys {
            if Self.namedKeys.contains(key) { tmux(["send-keys", "-t", session, key]) } else { tmux(["send-keys", "-t", session, "-l", key]) }
        }
    }

    /// The keys `sendKeys` sends by their tmux names.
    private static let namedKeys: Set = ["Enter", "C-c"]

    func resize(width: Int, height: Int) {
        tmux(["resize-window", "-t", session, "-x", "\(width)", "-y", "\(height)"])
    }

    /// The process id of the pane of `session`: the leader of the process group its command runs in.
    func panePID(of session: String = "e2e") -> Int32? {
        Int32(tmux(["display-message", "-p", "-t", session, "#{pane_pid}"]).output.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// The terminal device of the pane of `session` (`/dev/pts/N`).
    func paneTerminal(of session: String = "e2e") -> String? {
        let path = tmux(["display-message", "-p", "-t", session, "#{pane_tty}"]).output.trimmingCharacters(in: .whitespacesAndNewlines)
        return path.isEmpty ? nil : path
    }

    func capture(of session: String = "e2e") -> String { tmux(["capture-pane", "-p", "-t", session]).output }

    var hasSession: Bool { has(session: session) }

    func has(session: String) -> Bool { tmux(["has-session", "-t", session]).status == 0 }

    /// Polls the screen of `session` every 100 ms for at most `seconds` until `condition` returns a value.
    func waitFor<Value>(seconds: Double = 5, in session: String = "e2e", _ condition: (String) -> Value?) -> Value? {
        let deadline = Date().addingTimeInterval(seconds)
        repeat {
            if let value = condition(capture(of: session)) { return value }
            Thread.sleep(forTimeInterval: 0.1)
        } while Date() < deadline
        return nil
    }

    func killServer() { tmux(["kill-server"]) }
}

struct TmuxError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
