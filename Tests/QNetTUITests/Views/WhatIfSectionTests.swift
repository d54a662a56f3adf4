import Testing
import QNetFormats
import QNetModel
import QNetPlanner
@testable import QNetTUI

@Suite("What-ifs of the selected demand: asked for lazily, shown in the inspector")
struct WhatIfSectionTests {
    /// What-ifs as the analyzer would give them for the metro demand, written by hand.
    static let metroWhatIf = DemandWhatIf(
        demand: "A-B", rateBps: 2000, requiredBps: 1000,
        limiting: LimitingLink(segment: "T~B", link: "L2", cutSegments: ["T~B"],
                               largestLoss: BudgetLine(item: "fiber 32 km x 0.2 dB/km", db: 6.4, basis: "links[1].length"),
                               lossDB: 7.4, segmentRateBps: 2000, marginDB: 5, noKeyReason: nil,
                               basis: "on the best path and in a minimum cut of the max flow"),
        sensitivity: Sensitivity(link: "L2", perDB: RateDerivative(bpsPerUnit: -460, unit: "dB", step: 0.1, scheme: "forward 3-point"),
                                 perKm: RateDerivative(bpsPerUnit: -92, unit: "km", step: 0.1, scheme: "central"),
                                 perPercentEfficiency: RateDerivative(bpsPerUnit: 24, unit: "%", step: 1, scheme: "central")),
        breaksOn: [FailureImpact(failure: .node("T"), remainingBps: 0)],
        suggestions: [Suggestion(kind: .trustedNode, summary: "a trusted node at the midpoint of L2", changes: [], edit: SuggestedEdit(),
                                 rateBps: 3100, satisfied: true)])

    private func plannedSession() -> Session {
        var session = Session()
        session.state.plan = Fixtures.plan(of: session.state.topology)
        return session
    }

    @Test("selecting a demand asks for its what-ifs once per topology; a link its failure's; nothing without a plan")
    func lazyRequest() {
        var unplanned = Session()
        unplanned.send(.select(.demand("A-B")))
        #expect(unplanned.effects.isEmpty)   // an invalid topology has no plan: nothing to analyse
        var session = plannedSession()
        session.send(.select(.link("L1")))
        #expect(session.effects == [.analyseFailure(Fixtures.metro, element: .link("L1"))])   // its failure's N−1
        session.effects = []
        session.send(.select(.demand("A-B")))
        #expect(session.effects == [.analyseDemand(Fixtures.metro, demand: "A-B")])
        session.send(.analysed(Self.metroWhatIf, demand: "A-B", of: Fixtures.metro))
        session.effects = []
        session.press(.character("+"))
        #expect(session.effects.isEmpty)
        #expect(session.state.whatIf?.result == Self.metroWhatIf)
        // An edit selects what it edited; back on the demand, its what-ifs are asked for in the edited topology.
        session.command("set L2.length 40 km")
        session.send(.select(.demand("A-B")))
        #expect(session.effects.last == .analyseDemand(session.state.topology, demand: "A-B"))
        let edited = session.state.topology
        // Undo and redo keep the selection: back in the first topology its what-ifs are known; in the
        // edited one they are asked for, after the re-plan.
        session.send(.undo)
        #expect(session.effects.last == .replan(Fixtures.metro))
        session.send(.redo)
        #expect(session.effects.suffix(2) == [.replan(edited), .analyseDemand(edited, demand: "A-B")])
    }

    @Test("an answer for another topology or demand is not kept")
    func staleAnswer() {
        var session = plannedSession()
        session.send(.select(.demand("A-B")))
        var other = Fixtures.metro
        other.links[0].length = Quantity(10, .kilometre)
        session.send(.analysed(Self.metroWhatIf, demand: "A-B", of: other))
        #expect(session.state.whatIf == nil)
    }

    @Test("the inspector shows the limiting link, sensitivities, failures and suggestions")
    func inspectorRows() {
        var state = AppState(topology: Fixtures.metro, filePath: "metro.yaml")
        state.plan = Fixtures.plan(of: Fixtures.metro)
        state.selection = .demand("A-B")
        let computing = Screen.render(state, size: Size(width: 80, height: 60)).lines
        #expect(computing.contains { $0.contains("│  computing…") })
        state.whatIf = SelectedWhatIf(demand: "A-B", topology: Fixtures.metro, result: Self.metroWhatIf)
        let lines = Screen.render(state, size: Size(width: 80, height: 60)).lines
        func row(_ label: String, _ value: String) -> Bool {
            lines.contains { $0.contains("│" + label) && $0.hasSuffix(value + "│") }
        }
        #expect(row("  limiting link", "L2"))
        #expect(row("  largest loss", "6.40 dB"))
        #expect(row("  per dB of loss", "-460 bit/s"))
        #expect(row("  per km", "-92 bit/s"))
        #expect(row("  per % det. eff.", "+24 bit/s"))
        #expect(row("  node T", "0 bit/s"))
        #expect(lines.contains { $0.contains("│  a trusted node at the") })
        #expect(row("    → 3.1 kbit/s", "✓ met"))
    }

    @Test("a demand its max_trusted_nodes leaves without key: the inspector names the limit, and no failure reads as robust")
    func trustedNodeLimitRows() {
        let whatIf = DemandWhatIf(
            demand: "A-B", rateBps: 0, requiredBps: 1000, limiting: nil,
            trustedNodeLimit: TrustedNodeLimit(limit: 0, needed: 1, path: ["T"]), sensitivity: nil, breaksOn: [],
            suggestions: [Suggestion(kind: .trustedNodeLimit, summary: "max_trusted_nodes 1 on A-B", changes: ["A-B.max_trusted_nodes: 1"],
                                     edit: SuggestedEdit(limit: LimitRaise(demand: "A-B", from: 0, to: 1)), rateBps: 2000, satisfied: true)])
        var state = AppState(topology: Fixtures.metro, filePath: "metro.yaml")
        state.plan = Fixtures.plan(of: Fixtures.metro)
        state.selection = .demand("A-B")
        state.whatIf = SelectedWhatIf(demand: "A-B", topology: Fixtures.metro, result: whatIf)
        let lines = Screen.render(state, size: Size(width: 80, height: 60)).lines
        func row(_ label: String, _ value: String) -> Bool {
            lines.contains { $0.contains("│" + label) && $0.hasSuffix(value + "│") }
        }
        #expect(row("  max_trusted_nodes", "0") && row("  key needs", "1 trusted node"))
        #expect(lines.contains { $0.contains("│  no key to lose") })
        #expect(!lines.contains { $0.contains("no single failure") || $0.contains("no segment leaves") })
        #expect(lines.contains { $0.contains("│  max_trusted_nodes 1 on A-B") })
    }

    /// The 80×60 screen's text with the metro demand A-B selected and `whatIf` as its what-ifs, its frame lines and runs of
    /// spaces each read as one space (a wrapped row reads as one sentence).
    static func screenText(_ whatIf: DemandWhatIf) -> String {
        var state = AppState(topology: Fixtures.metro, filePath: "metro.yaml")
        state.plan = Fixtures.plan(of: Fixtures.metro)
        state.selection = .demand("A-B")
        state.whatIf = SelectedWhatIf(demand: "A-B", topology: Fixtures.metro, result: whatIf)
        return Screen.render(state, size: Size(width: 80, height: 60)).lines.joined(separator: " ")
            .replacingOccurrences(of: "│", with: " ").split(separator: " ").joined(separator: " ")
    }

    @Test("a demand to a node without links: the inspector says so in plain words, not 'no segment leaves'")
    func unlinkedEndRows() {
        let whatIf = DemandWhatIf(demand: "A-B", rateBps: 0, requiredBps: 1000, limiting: nil, unlinkedEnds: ["B"],
                                  sensitivity: nil, breaksOn: [], suggestions: [])
        let text = Self.screenText(whatIf)
        #expect(text.contains("limiting link: none: B has no link") && !text.contains("no segment leaves"))
    }

    @Test("a demand to an end no one link reaches: the inspector says why no new link is suggested")
    func newLinkWithoutKeyRows() {
        let far = NewLinkWithoutKey(from: "T", to: "B", distanceMeters: 412_000, equippedAs: "L1", reachMeters: 183_400,
                                    noKeyReason: "loss 90.0 dB exceeds the 40.3 dB the link tolerates")
        let whatIf = DemandWhatIf(demand: "A-B", rateBps: 0, requiredBps: 1000, limiting: nil, unlinkedEnds: ["B"],
                                  newLinkWithoutKey: far, sensitivity: nil, breaksOn: [], suggestions: [])
        #expect(Self.screenText(whatIf).contains("no new link: a fiber link from T to B, 412 km between their positions, "
            + "equipped as L1, gives no key: past the reach of one such link (about 183 km); B needs a trusted node on the "
            + "way, a repeater chain or a satellite link"))
    }

    @Test("a segment every path crosses and every routing overdraws: the inspector gives the change with the most key")
    func overdrawnSegmentRows() {
        var whatIf = Self.metroWhatIf
        (whatIf.sensitivity, whatIf.breaksOn, whatIf.suggestions) = (nil, [], [])
        whatIf.overdrawn = [OverdrawRemedy(segment: "T~B", link: "L2", keyRateBps: 2000, neededBps: 2500, forcedBy: ["A-B", "A-T"],
                                           changes: [SegmentChange(kind: .trustedNode, summary: "a trusted node at the midpoint of L2",
                                                                   changes: [], keyRateBps: 4100, coversNeed: true)])]
        #expect(Self.screenText(whatIf).contains("Shared segments: changes T~B must carry 2.5 kbit/s a trusted node at the "
            + "midpoint of L2 → 4.1 kbit/s ✓ enough"))
    }

    @Test("a suggestion that needs a larger max_trusted_nodes says so under its rate")
    func limitRaiseRow() {
        var whatIf = Self.metroWhatIf
        (whatIf.sensitivity, whatIf.breaksOn) = (nil, [])   // room on the screen for the suggestion's rows
        whatIf.suggestions = [Suggestion(kind: .trustedNode, summary: "a trusted node at the midpoint of L2",
                                         changes: ["A-B.max_trusted_nodes: 2"],
                                         edit: SuggestedEdit(limit: LimitRaise(demand: "A-B", from: 1, to: 2)), rateBps: 3100,
                                         satisfied: true, requires: LimitRaise(demand: "A-B", from: 1, to: 2))]
        #expect(Self.screenText(whatIf).contains("a trusted node at the midpoint of L2 → 3.1 kbit/s ✓ met requires "
            + "max_trusted_nodes 2 on A-B (1 more trusted node than its limit of 1)"))
    }

    @Test("a demand short of its rate: the inspector says what breaks it, as the report does")
    func shortDemandRows() {
        var whatIf = Self.metroWhatIf
        whatIf.requiredBps = 10_000
        #expect(Self.screenText(whatIf).contains("Breaks on (N−1) " + DemandWhatIf.shortfallRule + " node T 0 bit/s"))
    }

    @Test("a survived failure that costs nothing is not shown as the worst one survived; one that costs key is, with its rate")
    func survivedAtNoCostRows() {
        var whatIf = Self.metroWhatIf
        whatIf.costliestSurvived = FailureImpact(failure: .link("L9"), remainingBps: 2000)
        let free = Self.screenText(whatIf)
        #expect(free.contains("failures it survives: none lowers its rate"))
        #expect(!free.contains("survives worst"))
        whatIf.costliestSurvived = FailureImpact(failure: .link("L9"), remainingBps: 1500)
        #expect(Self.screenText(whatIf).contains("survives worst: link L9 1.5 kbit/s"))
    }

    @Test("a demand whose only paths pass through an endpoint: the inspector gives the report's reason, not 'no segment leaves'")
    func endpointBarrierRows() {
        let barrier = EndpointBarrier(from: "A", to: "B", endpoints: ["T"], pathBps: 2000)
        let whatIf = DemandWhatIf(demand: "A-B", rateBps: 0, requiredBps: 1000, limiting: nil, endpointBarrier: barrier,
                                  sensitivity: nil, breaksOn: [], suggestions: [])
        let text = Self.screenText(whatIf)
        #expect(text.contains("no key: " + barrier.reason))
        #expect(!text.contains(LimitingLink.noneReason))
        // Without a cause, the report's words for no limiting link.
        let none = Self.screenText(DemandWhatIf(demand: "A-B", rateBps: 0, requiredBps: 1000, limiting: nil, sensitivity: nil,
                                                breaksOn: [], suggestions: []))
        #expect(none.contains("limiting link: none (" + LimitingLink.noneReason + ")"))
    }

    @Test("at a kink the inspector says what one step the other way does, as the reports do")
    func kinkRow() {
        var whatIf = Self.metroWhatIf
        whatIf.sensitivity?.perKm = RateDerivative(bpsPerUnit: -92, unit: "km", step: 0.1,
                                                   scheme: "forward 2-point at a kink (…)", otherWay: 0)
        var state = AppState(topology: Fixtures.metro, filePath: "metro.yaml")
        state.plan = Fixtures.plan(of: Fixtures.metro)
        state.selection = .demand("A-B")
        state.whatIf = SelectedWhatIf(demand: "A-B", topology: Fixtures.metro, result: whatIf)
        let lines = Screen.render(state, size: Size(width: 80, height: 60)).lines
        let kink = lines.firstIndex { $0.contains("│    kink, other way") && $0.hasSuffix(" 0 bit/s│") }
        #expect(kink.map { lines[$0 - 1].contains("│  per km") } == true, "\(lines.filter { $0.contains("kink") })")
        #expect(lines.filter { $0.contains("kink, other way") }.count == 1)   // the other derivatives are central
    }

    @Test("the effect runner analyses the demand with the real planner")
    func runner() throws {
        let services = WorkbenchServices(load: { _ in TopologyDocument(topology: Fixtures.metro) }, save: { _, _ in }, plan: { Planner().plan($0) })
        let runner = EffectRunner(services: services)
        let actions = runner.run(.analyseDemand(Fixtures.metro, demand: "A-B"))
        guard case .analysed(let result?, "A-B", Fixtures.metro)? = actions.first else {
            Issue.record("expected what-ifs of A-B, got \(actions)")
            return
        }
        #expect(result.limiting?.link != nil && result.sensitivity != nil)
        #expect(Set(result.breaksOn.map(\.failure)) == [.node("T"), .link("L1"), .link("L2")])
    }
}
