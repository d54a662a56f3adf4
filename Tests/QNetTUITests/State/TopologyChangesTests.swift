import Testing
import QNetModel
@testable import QNetTUI

@Suite("What an autosave changes from the file, named in the question that offers it back")
struct TopologyChangesTests {
    /// Metro renamed, L1 99 km long, a node N9 added and the demand A-B removed.
    static var edited: Topology {
        var topology = Fixtures.metro
        topology.name = "metro, edited"
        topology.links[0].length = Quantity(99, .kilometre)
        topology.nodes.append(Fixtures.node("N9", .endpoint, x: 5, y: 5))
        topology.demands = []
        return topology
    }

    @Test("entries and records that differ, appear or go, by id; at most so many named")
    func summary() {
        let changes = TopologyChanges(from: Fixtures.metro, to: Self.edited)
        #expect(changes.summary(naming: 8) == "changed name → \"metro, edited\", L1; added N9; removed A-B")
        #expect(changes.summary(naming: 3) == "changed name → \"metro, edited\", L1; added N9; and 1 more")
        #expect(changes.summary(naming: 1) == "changed name → \"metro, edited\"; and 3 more")
    }

    @Test("a new name or description is shown on one line, cut to fit; a description removed says none")
    func newTexts() {
        var edited = Fixtures.metro
        edited.name = "Metro v2"
        edited.description = "Vienna metro ring\nwith the new trusted node at Kaisermühlen"
        #expect(TopologyChanges(from: Fixtures.metro, to: edited).summary(naming: 8)
                == "changed name → \"Metro v2\", description → \"Vienna metro ring with …\"")
        var file = Fixtures.metro
        file.description = "old"
        #expect(TopologyChanges(from: file, to: Fixtures.metro).summary(naming: 8) == "changed description → none")
    }

    @Test("a repeated id (a file being fixed by hand) is named once, whether changed, added or removed")
    func repeatedIDsNamedOnce() {
        var file = Fixtures.metro
        file.demands += file.demands   // A-B twice, removed in the edited one
        var edited = Self.edited
        edited.nodes.append(Fixtures.node("N9", .endpoint, x: 6, y: 6))   // N9 added twice
        edited.links.append(edited.links[0])   // L1 changed, twice
        #expect(TopologyChanges(from: file, to: edited).summary(naming: 8) == "changed name → \"metro, edited\", L1; added N9; removed A-B")
    }

    @Test("records only moved within their list: said so, not listed")
    func reordered() {
        var reordered = Fixtures.metro
        reordered.links.reverse()
        #expect(TopologyChanges(from: Fixtures.metro, to: reordered).summary(naming: 8) == "the same records, in another order")
    }

    @Test("the autosave question shows the changes under the autosave's counts, at 80 columns")
    func inTheQuestion() {
        var session = Session()
        session.send(.autosaveFound(FoundAutosave(Self.edited, path: Autosave.path(for: "metro.yaml"))))
        let screen = Screen.render(session.state, size: Size(width: 80, height: 24)).lines
        let counts = screen.firstIndex { $0.contains("  4 nodes, 2 links, 0 demands") }
        #expect(counts.map { screen[$0 + 1].contains("  changed name → \"metro, edited\", L1; added N9; removed A-B") } == true, "\(screen)")
    }
}
