import Testing
import QNetFormats
import QNetModel
@testable import QNetTUI

@Suite("Validation: once per state of edits; an invalid topology is not planned and says why")
struct ValidationTests {
    @Test("an edit keeps its validation with the state: no second validation, and the re-plan is asked for")
    func editValidatesOnce() {
        var session = Session()
        session.command("set L1.length 31 km")
        #expect(session.state.validation?.topology == session.state.topology)
        #expect(session.state.validation?.errors == [])
        #expect(session.effects == [.replan(session.state.topology)])
    }

    @Test("a file opened with an error is not planned: no re-plan, no stale plan, the inspector lists the error")
    func invalidNotPlanned() {
        var broken = Fixtures.metro
        broken.links[1].length = nil
        var session = Session()
        session.send(.planned(Fixtures.plan(of: Fixtures.metro), of: Fixtures.metro, seconds: 0.001))
        session.effects = []
        session.send(.loaded(TopologyDocument(topology: broken), path: "broken.yaml", fingerprint: nil))
        #expect(!session.effects.contains { if case .replan = $0 { true } else { false } })
        #expect(session.state.plan == nil)
        #expect(session.state.errors.map(\.message) == ["a fiber link needs a length (e.g. 25 km)"])
        let text = Screen.render(session.state, size: Size(width: 100, height: 30)).lines.joined(separator: "\n")
        #expect(text.contains("Errors (1)"))
        #expect(text.contains("a fiber link"))
        #expect(session.status == "opened broken.yaml: 3 nodes, 2 links, 1 demand; 1 error keeps it from being planned (see the inspector)")
        #expect(session.state.status?.kind == .warning)
        session.command("set L2.length 32 km")  // fixing it plans again
        #expect(session.state.errors.isEmpty)
        #expect(session.effects.last == .replan(session.state.topology))
    }
}
