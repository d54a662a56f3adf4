import Foundation
import Testing

/// A new user in a real terminal: from a file that does not exist to a saved
/// three-node trusted-node network, with a node dragged by the mouse (raw xterm
/// SGR mouse reports, as a terminal sends them), then reopened.
@Suite("End to end: a new network in qnetplan edit, in tmux", .serialized)
struct NewNetworkInTmuxTests {
    @Test("new file: six commands, L1's budgets, drag A with the mouse, :w, :q; the file reopens with the network",
          .enabled(if: Tmux.executable != nil, "tmux is not installed (make deps installs it)"),
          .timeLimit(.minutes(1)))
    func buildSaveReopen() throws {
        let binary = try #require(Binary.qnetplan, "qnetplan is not built: run `swift build` first")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("qnetplan-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("lab.qnet.yaml")

        let tmux = try Tmux()
        defer { tmux.killServer() }
        try tmux.start(width: 120, height: 40, command: "\(binary.path) edit \(file.path)", directory: directory)
        #expect(tmux.waitFor { $0.contains("No nodes yet") && $0.contains(":add node A endpoint 0 0") ? true : nil } == true,
                "\(tmux.capture())")

        for command in [":add node A endpoint 0 0", ":add node T trusted 40 0", ":add node B endpoint 80 0",
                        ":add link L1 A T fiber", ":add link L2 T B fiber", ":add demand A B 1 kbit/s"] {
            tmux.sendKeys(command, "Enter")
        }
        #expect(tmux.waitFor { $0.contains("added demand A-B for 1 kbit/s") && $0.contains("planned in") ? true : nil } == true,
                "\(tmux.capture())")
        tmux.sendKeys(":select L1", "Enter")
        #expect(tmux.waitFor { $0.contains("Loss budget") && $0.contains("key rate") && $0.contains("PLOB bound") ? true : nil }
                == true, "\(tmux.capture())")

        // Press on A, move six columns east with the button held, release: A moves. The whole drag is one
        // send-keys, so its reports reach the workbench together, as a fast drag's do.
        let a = try #require(cell(of: "● A", in: tmux.capture()), "A is not on the map:\n\(tmux.capture())")
        let motions = (1...6).map { "\u{1B}[<32;\(a.x + 1 + $0);\(a.y + 1)M" }.joined()
        tmux.sendKeys("\u{1B}[<0;\(a.x + 1);\(a.y + 1)M" + motions + "\u{1B}[<0;\(a.x + 7);\(a.y + 1)m")
        #expect(tmux.waitFor { $0.contains("moved A to x ") ? true : nil } == true, "\(tmux.capture())")
        #expect(tmux.waitFor { cell(of: "● A", in: $0).flatMap { $0.x == a.x + 6 && $0.y == a.y ? true : nil } } == true,
                "A is not where it was dropped:\n\(tmux.capture())")
        #expect(tmux.capture().contains("Node A"), "the press did not select A:\n\(tmux.capture())")

        tmux.sendKeys(":w", "Enter")
        #expect(tmux.waitFor { $0.contains("wrote ") ? true : nil } == true, "\(tmux.capture())")
        tmux.sendKeys(":q", "Enter")
        #expect(tmux.waitFor { _ in tmux.hasSession ? nil : true } == true, "the workbench did not quit")

        let saved = try String(contentsOf: file, encoding: .utf8)
        #expect(saved.contains("name: lab"))
        #expect(saved.contains("kind: trusted"))
        #expect(saved.contains("between: [A, T]") && saved.contains("between: [T, B]") && saved.contains("key_rate: 1 kbit/s"))
        #expect(!saved.contains("position: {x: 0 km, y: 0 km}"), "A was not moved:\n\(saved)")
        let check = try Binary.run(binary, ["check", file.path])
        #expect(check.status == 0, "the saved file does not load: \(check.errors)")

        try tmux.start(width: 120, height: 40, command: "\(binary.path) edit \(file.path)", directory: directory)
        #expect(tmux.waitFor { $0.contains("opened \(file.path): 3 nodes, 2 links, 1 demand") && $0.contains("A-B") ? true : nil }
                == true, "\(tmux.capture())")
        tmux.sendKeys(":q", "Enter")
    }

    /// The cell (column, row from 0) where `text` starts in the map pane (the left 70 columns at 120×40).
    private func cell(of text: String, in screen: String) -> (x: Int, y: Int)? {
        for (row, line) in screen.components(separatedBy: "\n").enumerated() {
            let map = String(line.prefix(70))
            guard let range = map.range(of: text) else { continue }
            return (map.distance(from: map.startIndex, to: range.lowerBound), row)
        }
        return nil
    }
}
