import Foundation
import QNetFormats
import QNetModel
import Testing
@testable import QNetTUI

/// A file that holds no topology (`touch net.qnet.yaml`) starts a new network, as a file that does not exist does.
@Suite("Opening an empty file starts a new network in it")
struct EmptyFileTests {
    @Test("an empty file, or one of comments only, opens as a new network; the first :w writes it, comments on top")
    func emptyFileStartsANewNetwork() throws {
        try withTemporaryFile(named: "lab.qnet.yaml") { path in
            try "# the lab network\n".write(toFile: path, atomically: false, encoding: .utf8)
            let runner = EffectRunner(services: .standard())
            defer { runner.services.releaseAutosave() }
            var session = Session(opening: path, with: runner)
            #expect(session.state.filePath == path && !session.state.isDirty)
            #expect(session.state.topology == Topology(name: "lab"))
            #expect(session.status == "\(path) was empty: a new network; :add node ID KIND X Y to begin (? shows how)")
            #expect(!session.statusIsError)

            session.command("add node A endpoint 0 0")
            session.command("w")   // over the empty file as opened: not refused as changed on disk
            session.runEffects(with: runner)
            #expect(session.status == "wrote \(path): 1 node, 0 links, 0 demands")
            let written = try String(contentsOfFile: path, encoding: .utf8)
            #expect(written.hasPrefix("# the lab network\nqnet: 1\n"))
            #expect(try TopologyReader.read(contentsOf: URL(fileURLWithPath: path)).nodes.map(\.id) == ["A"])
        }
    }

    @Test("a file that does not read for another reason is still refused")
    func brokenFileIsRefused() throws {
        try withTemporaryFile(named: "bad.qnet.yaml") { path in
            try "qnet: 1\n".write(toFile: path, atomically: false, encoding: .utf8)
            let actions = EffectRunner(services: .standard()).run(.open(path: path))
            guard case .failed(let message)? = actions.first else {
                Issue.record("opened: \(actions)")
                return
            }
            #expect(message.hasPrefix("could not open \(path)"))
        }
    }
}
