import Foundation
import Testing

/// Ctrl-C in a real (tmux) terminal, under `make run` and with `qnetplan edit` alone: the workbench asks about unsaved
/// edits (or quits without them), and nothing else hears it. The terminal sent SIGINT to its whole foreground process
/// group, make included, which printed "make: *** [Makefile:35: run] Interrupt" below the workbench's clean exit and
/// failed; while the workbench waits for keys, Ctrl-C now reaches it alone, as a character (`InterruptCharacter`).
@Suite("End to end: Ctrl-C under make run and alone", .serialized)
struct MakeRunInTmuxTests {
    @Test("make run, an edit, Ctrl-C: the question comes, n quits without saving, and make prints nothing and exits 0",
          .enabled(if: Tmux.executable != nil && MakeReportTests.make != nil, "tmux or make is not installed"),
          .timeLimit(.minutes(1)))
    func interruptWithEdits() throws {
        try withWorkbench(underMake: true) { file, tmux in
            let original = try String(contentsOf: file, encoding: .utf8)
            tmux.sendKeys(":set name Edited", "Enter")
            #expect(tmux.waitFor { $0.contains("name = Edited") ? true : nil } == true, "\(tmux.capture())")
            tmux.sendKeys("C-c")
            #expect(tmux.waitFor { $0.contains("1 unsaved edit: save before quitting?") ? true : nil } == true, "\(tmux.capture())")
            tmux.sendKeys("n")
            #expect(tmux.waitFor { _ in tmux.hasSession ? nil : true } == true, "make run did not end:\n\(tmux.capture())")
            let kept = try String(contentsOf: file, encoding: .utf8)
            #expect(kept == original)
        }
    }

    @Test("make run, Ctrl-C without edits: the workbench quits at once, and make prints nothing and exits 0",
          .enabled(if: Tmux.executable != nil && MakeReportTests.make != nil, "tmux or make is not installed"),
          .timeLimit(.minutes(1)))
    func interruptWithoutEdits() throws {
        try withWorkbench(underMake: true) { _, tmux in
            tmux.sendKeys("C-c")
            #expect(tmux.waitFor { _ in tmux.hasSession ? nil : true } == true, "make run did not end:\n\(tmux.capture())")
        }
    }

    @Test("qnetplan edit alone: Ctrl-C closes the command line, then asks; y saves and quits with exit status 0",
          .enabled(if: Tmux.executable != nil, "tmux is not installed (make deps installs it)"),
          .timeLimit(.minutes(1)))
    func interruptAlone() throws {
        try withWorkbench(underMake: false) { file, tmux in
            tmux.sendKeys(":set name Edited", "Enter")
            #expect(tmux.waitFor { $0.contains("name = Edited") ? true : nil } == true, "\(tmux.capture())")
            // While the workbench waits for keys, the terminal has no interrupt character: Ctrl-C reaches it alone.
            let stty = try #require(["/usr/bin/stty", "/bin/stty"].first { FileManager.default.isExecutableFile(atPath: $0) })
            let arguments = ["-F", try #require(tmux.paneTerminal()), "-a"]
            let off = tmux.waitFor { _ in
                (try? Binary.run(URL(fileURLWithPath: stty), arguments))?.output.contains("intr = <undef>;") == true ? true : nil
            }
            #expect(off == true, "\((try? Binary.run(URL(fileURLWithPath: stty), arguments))?.output ?? "stty failed")")
            tmux.sendKeys(":set", "C-c", "C-c")
            #expect(tmux.waitFor { $0.contains("1 unsaved edit: save before quitting?") ? true : nil } == true, "\(tmux.capture())")
            tmux.sendKeys("y")
            #expect(tmux.waitFor { _ in tmux.hasSession ? nil : true } == true, "the workbench did not end:\n\(tmux.capture())")
            let saved = try String(contentsOf: file, encoding: .utf8)
            #expect(saved.contains("name: Edited"))
        }
    }

    @Test("make run, a crash while the workbench waits for keys: the terminal is left as it was found, Ctrl-C and echo on",
          .enabled(if: Tmux.executable != nil && MakeReportTests.make != nil, "tmux or make is not installed"),
          .timeLimit(.minutes(1)))
    func crashRestoresTheTerminal() throws {
        let binary = try #require(Binary.qnetplan, "qnetplan is not built: run `swift build` first")
        let make = try #require(MakeReportTests.make)
        try Binary.withViennaCopy { file in
            let directory = file.deletingLastPathComponent(), modesFile = directory.appendingPathComponent("modes")
            let tmux = try Tmux()
            defer { tmux.killServer() }
            // Swift's crash report runs after the modes are back (not interactive: its prompt would hold the terminal);
            // it returns from a signal that was sent, and the workbench must still end. The modes are read after make.
            try tmux.start(width: 120, height: 40, command: "SWIFT_BACKTRACE=interactive=no \(make) --no-print-directory -o deps "
                + "-C \(Binary.packageRoot.path) run SWIFT=true BIN=\(binary.path) FILE=\(file.path) 2>/dev/null; stty -a >\(modesFile.path)",
                directory: directory)
            #expect(tmux.waitFor(seconds: 10) { $0.contains("opened \(file.path)") ? true : nil } == true, "\(tmux.capture())")
            let workbench = try #require(Self.processes(running: "edit \(file.path)").first)
            let waiting = tmux.waitFor { _ in tmux.modes()?.contains("intr = <undef>;") == true ? true : nil }
            #expect(waiting == true, "Ctrl-C was not off while the workbench waited")
            #expect(kill(workbench, SIGSEGV) == 0)
            // Written once make has ended (the shell creates the file before stty fills it).
            let after = tmux.waitFor { _ in (try? String(contentsOf: modesFile, encoding: .utf8)).flatMap { $0.contains("intr") ? $0 : nil } }
            let found = try #require(after, "the workbench did not end:\n\(tmux.capture())")
            #expect(found.contains("intr = ^C;") && found.contains(" echo ") && found.contains(" icanon "), "\(found)")
        }
    }

    /// The processes whose command line contains `text` (read from /proc).
    private static func processes(running text: String) -> [Int32] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { entry in
            guard let process = Int32(entry),
                  let line = FileManager.default.contents(atPath: "/proc/\(entry)/cmdline") else { return nil }
            let arguments = String(decoding: line.map { $0 == 0 ? 0x20 : $0 }, as: UTF8.self)
            return arguments.contains(text) ? process : nil
        }
    }

    /// Runs `body` on the workbench, under `make run` or alone, on a copy of the Vienna sample in a new folder (removed
    /// afterwards), in a tmux server (killed afterwards), once it has opened the file; afterwards, the command must have
    /// printed nothing on standard error and exited 0, as its shell tells (SWIFT=true stands for make's build, `-o deps` skips its package check).
    private func withWorkbench(underMake: Bool, _ body: (_ file: URL, _ tmux: Tmux) throws -> Void) throws {
        let binary = try #require(Binary.qnetplan, "qnetplan is not built: run `swift build` first")
        let make = try #require(underMake ? MakeReportTests.make : "")
        try Binary.withViennaCopy { file in
            let directory = file.deletingLastPathComponent()
            let errors = directory.appendingPathComponent("errors"), status = directory.appendingPathComponent("status")
            let tmux = try Tmux()
            defer { tmux.killServer() }
            let run = underMake ? "\(make) --no-print-directory -o deps -C \(Binary.packageRoot.path) run SWIFT=true BIN=\(binary.path) "
                + "FILE=\(file.path)" : "\(binary.path) edit \(file.path)"
            try tmux.start(width: 120, height: 40, command: "\(run) 2>\(errors.path); echo $? >\(status.path)", directory: directory)
            #expect(tmux.waitFor(seconds: 10) { $0.contains("opened \(file.path)") ? true : nil } == true, "\(tmux.capture())")
            try body(file, tmux)
            let (printed, exit) = (try String(contentsOf: errors, encoding: .utf8), try? String(contentsOf: status, encoding: .utf8))
            #expect(printed == "" && exit == "0\n", "standard error: \(printed); exit status: \(exit ?? "none, its shell was interrupted")")
        }
    }
}

extension Tmux {
    /// The terminal modes of the first session's pane, as `stty -a` prints them; nil without stty or the pane.
    func modes() -> String? {
        guard let stty = ["/usr/bin/stty", "/bin/stty"].first(where: { FileManager.default.isExecutableFile(atPath: $0) }),
              let terminal = paneTerminal() else { return nil }
        return try? Binary.run(URL(fileURLWithPath: stty), ["-F", terminal, "-a"]).output
    }
}
