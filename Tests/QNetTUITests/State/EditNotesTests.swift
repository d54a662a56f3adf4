import Testing
import QNetFormats
import QNetModel
import QNetPlanner
@testable import QNetTUI

/// After an edit, the warnings and notes its plan adds are told on the status line after what the edit did.
@Suite("Status line: what an edit's plan adds")
struct EditNotesTests {
    /// Metro planned by the real planner, its plan arrived.
    private func planned(_ topology: Topology = Fixtures.metro) -> Session {
        var session = Session(topology)
        session.send(.planned(Planner().plan(topology), of: topology, seconds: 0.001))
        return session
    }

    @Test("a link made too long for key: the edit, then the plan's new warning and note, pointing to the inspector")
    func linkWithoutKey() {
        var session = planned()
        session.command("set L1.length 400 km")
        #expect(session.status == "L1.length = 400 km")   // until its plan arrives
        session.planArrives()
        let status = session.status ?? ""
        #expect(status.hasPrefix("L1.length = 400 km · 1 new warning, 1 new note (see inspector): demand A-B is not met"))
        #expect(session.state.status?.kind == .warning)
        let notes = PlanNotes(session.state.plan!, of: session.state.topology)
            .added(since: PlanNotes(Planner().plan(Fixtures.metro), of: Fixtures.metro))
        #expect(notes.map(\.severity) == [.warning, .note])
        #expect(notes.last?.message.hasPrefix("link L1 has no key: ") == true)
    }

    /// QA: after `:set CV1.protocol bb84-decoy` the status line led with an unused-key warning, not the lost key.
    @Test("what an edit broke is told before the other warnings it adds")
    func breakageFirst() {
        var session = planned()
        session.command("set L1.length 400 km")
        session.command("set L1.tx_aperture 10 cm")   // a warning of its own, written before the link lost its key
        session.planArrives()
        let notes = PlanNotes(session.state.plan!, of: session.state.topology)
            .added(since: PlanNotes(Planner().plan(Fixtures.metro), of: Fixtures.metro))
        #expect(notes.count == 3)
        #expect(notes.first?.message.hasPrefix("demand A-B is not met") == true)
        #expect(notes[1].message.hasPrefix("link L1 has no key: ") == true)
        #expect(notes.last?.message.hasPrefix("tx_aperture is not used on a fiber link") == true)
    }

    /// Second reader: the loss in a keyless link's note changed with every edit of its length, so the note was told
    /// as new each time.
    @Test("a note whose figures only moved is not new")
    func figuresMoved() {
        var topology = Fixtures.metro
        topology.links[0].length = Quantity(400, .kilometre)
        var session = planned(topology)
        session.command("set L1.length 401 km")
        session.planArrives()
        #expect(session.status == "L1.length = 401 km")
        #expect(PlanNotes.Note.wording("loss 80.2 dB exceeds 1e-5, 3 links") == "loss # dB exceeds #, # links")
        #expect(PlanNotes.Note.wording("segment S1-S2 at 1e3") == "segment S#-S# at #")
        // The unit's SI prefix after a figure goes with it; a unit of one letter or a word stays.
        #expect(PlanNotes.Note.wording("max flow is 1.06 kbit/s of the 3 kbit/s") == PlanNotes.Note.wording("max flow is 698 bit/s of the 3 kbit/s"))
        #expect(PlanNotes.Note.wording("a 20 ms cutoff, 5 m apart, 3 modes") == "a # s cutoff, # m apart, # odes")
    }

    /// QA: after a suggestion split the limiting link, the demand still short was told as "1 new warning", its
    /// bottleneck segment having a new name.
    @Test("a demand still not met is not new when only the why changed (another bottleneck)")
    func stillShort() {
        var topology = Fixtures.metro
        topology.demands[0].keyRate = Quantity(1, .gigabitPerSecond)
        topology.links[0].length = Quantity(60, .kilometre)   // L1 limits the demand
        let before = Planner().plan(topology)
        var edited = topology
        edited.links[0].length = Quantity(30, .kilometre)
        edited.links[1].length = Quantity(60, .kilometre)     // now L2 does
        let plan = Planner().plan(edited)
        func shortNote(_ plan: Plan, _ topology: Topology) -> String? {
            PlanOutcomeNotes.diagnostics(plan, of: topology, remedies: false).first { $0.message.hasPrefix("demand A-B") }?.message
        }
        let now = shortNote(plan, edited), earlier = shortNote(before, topology)
        #expect(now?.contains("limited by segment T~B") == true && earlier?.contains("limited by segment A~T") == true)
        #expect(PlanNotes(plan, of: edited).added(since: PlanNotes(before, of: topology)).isEmpty)
    }

    /// Second reader: with the figures left out of every note, "1 more demands are not met" and "2 more …" read alike,
    /// so a demand broken beyond the ten listed went untold.
    @Test("a demand broken beyond the ten listed is told by the count of the rest")
    func brokenBeyondTheListed() {
        var topology = Fixtures.metro
        topology.demands = (0..<11).map { Demand(id: Identifier("D\($0)"), from: "A", to: "B", keyRate: Quantity(1, .gigabitPerSecond)) }
            + [Demand(id: "LAST", from: "A", to: "B", keyRate: Quantity(1, .bitPerSecond))]
        let before = Planner().plan(topology)
        var edited = topology
        edited.links[0].length = Quantity(400, .kilometre)
        let added = PlanNotes(Planner().plan(edited), of: edited).added(since: PlanNotes(before, of: topology))
        #expect(added.contains { $0.message == "2 more demands are not met (the report lists them all)" })
    }

    @Test("an edit whose plan adds nothing keeps its own message; nor is a warning the plan had before told again")
    func nothingNew() {
        var topology = Fixtures.metro
        topology.links[1].txAperture = Quantity(10, .centimetre)   // warned of before the edit
        var session = planned(topology)
        session.command("set L1.length 31 km")
        session.planArrives()
        #expect(session.status == "L1.length = 31 km")
        #expect(session.state.status?.kind == .info)
    }

    @Test("a warning at a link whose index moved (one before it deleted) is not new")
    func indexMoved() {
        var topology = Fixtures.metro
        topology.links.insert(Link(id: "L0", from: "A", to: "B", medium: .fiber, length: Quantity(40, .kilometre)), at: 0)
        topology.links[2].txAperture = Quantity(10, .centimetre)
        var session = planned(topology)
        #expect(session.state.plan?.diagnostics.contains { $0.keyPath == "links[2].tx_aperture" } == true)
        session.command("del L0")
        let deleted = session.status
        session.planArrives()
        #expect(session.state.plan?.diagnostics.contains { $0.keyPath == "links[1].tx_aperture" } == true)
        #expect(session.status == deleted)
    }

    @Test("two edits before a plan arrives: the plan is compared with the one before the first; an older plan tells nothing")
    func twoEdits() {
        var session = planned()
        session.command("set L1.tx_aperture 10 cm")
        let first = session.state.topology
        session.command("set L2.rx_aperture 20 cm")
        session.send(.planned(Planner().plan(first), of: first, seconds: 0.001))   // the first edit's plan, too late
        #expect(session.status == "L2.rx_aperture = 20 cm")
        session.planArrives()
        #expect(session.status?.hasPrefix("L2.rx_aperture = 20 cm · 2 new warnings (see inspector): tx_aperture is not used") == true)
    }

    @Test("once the status line says something else (a selection), the plan's news does not replace it")
    func statusMovedOn() {
        var session = planned()
        session.command("set L1.tx_aperture 10 cm")
        session.command("select L2")
        session.planArrives()
        #expect(session.status == "selected link L2")
        session.command("set L1.rx_aperture 10 cm")   // compared with the plan that had the aperture warning
        session.planArrives()
        #expect(session.status?.hasPrefix("L1.rx_aperture = 10 cm · 1 new warning (see inspector): rx_aperture is not used") == true)
    }
}
