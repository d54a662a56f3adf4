import Foundation
import Synchronization
import Testing
import QNetFormats
import QNetModel
import QNetPlanner
@testable import QNetTUI

/// On a terminal a person types at, the selected demand's what-ifs are computed while the workbench reads keys,
/// and shown when they arrive.
@Suite struct BackgroundAnalysisTests {
    /// A terminal whose keys are scripted but paced as a person's: once they are read, it waits (each wait taking
    /// its timeout, as a real one without input) until a screen it drew shows `awaited`, or `patience` waits passed.
    final class PacedTerminal: Terminal {
        let size = Size(width: 80, height: 60)
        let colorCapability = ColorCapability.extended
        let glyphs = GlyphSet.unicode
        private(set) var drawn: [Canvas] = []
        private var keys: [InputEvent]
        private let awaited: String
        private(set) var waits = 0
        private let patience: Int

        init(keys: [InputEvent], awaited: String, patience: Int) {
            (self.keys, self.awaited, self.patience) = (keys, awaited, patience)
        }

        func draw(_ canvas: Canvas) { drawn.append(canvas) }

        /// The scripted keys not read yet are the keys typed ahead.
        func discardTypedAhead() -> Int {
            defer { keys = [] }
            return keys.count { if case .key = $0 { true } else { false } }
        }

        /// Called at each wait with the number of waits so far and the last screen; an event it returns is read then.
        var onWait: (Int, Canvas?) -> InputEvent? = { _, _ in nil }

        func nextEvent(timeout: Duration) -> InputEvent? {
            if !keys.isEmpty { return keys.removeFirst() }
            if drawn.last?.lines.contains(where: { $0.contains(awaited) }) == true || waits == patience { return .hangup }
            waits += 1
            if let event = onWait(waits, drawn.last) { return event }
            Thread.sleep(forTimeInterval: timeout.seconds)
            return nil
        }
    }

    static let services = WorkbenchServices(load: { _ in TopologyDocument(topology: Fixtures.metro) }, save: { _, _ in },
                                            plan: { Planner().plan($0) })

    /// An analysis that waits for `release` before it answers (10 s at most, then it notes that it was not released),
    /// asking its cancellation every millisecond meanwhile, as a long analysis does at each failure case; it counts
    /// what it was asked, and the analyses cancelled.
    final class HeldAnalysis: Sendable {
        let release = DispatchSemaphore(value: 0)
        let asked = Mutex<[Identifier]>([])
        let topologies = Mutex<[Topology]>([])
        let unreleased = Mutex(0)
        let cancelled = Mutex(0)

        func analyse(_ demand: Identifier, _ topology: Topology, _ plan: Plan, _ cancellation: Cancellation)
            throws(CancellationError) -> DemandWhatIf?
        {
            asked.withLock { $0.append(demand) }
            topologies.withLock { $0.append(topology) }
            var waited = 0
            while release.wait(timeout: .now() + .milliseconds(1)) == .timedOut {
                if cancellation.isCancelled {
                    cancelled.withLock { $0 += 1 }
                    throw CancellationError()
                }
                waited += 1
                if waited == 10_000 {
                    unreleased.withLock { $0 += 1 }
                    break
                }
            }
            return try WhatIfAnalyzer(topology: topology, plan: plan).analyse(demand: demand, cancellation: cancellation)
        }
    }

    /// Takes the analysis's answers until it is idle (10 s at most).
    static func answers(of analysis: BackgroundAnalysis) -> [Action] {
        var answers: [Action] = []
        for _ in 0..<2000 where analysis.isBusy {
            answers += analysis.takeAnswers()
            Thread.sleep(forTimeInterval: 0.005)
        }
        return answers + analysis.takeAnswers()
    }

    @Test("the what-ifs of a demand selected on an interactive terminal arrive after keys were read, as computed in line")
    func answersArrive() {
        let held = HeldAnalysis()
        let analysis = BackgroundAnalysis(analyse: held.analyse)
        // The selection, then a key handled while the what-ifs are held (the help screen opens), then Esc.
        let keys: [InputEvent] = ":select A-B".map { .key(.character($0)) } + [.key(.enter), .key(.character("?"))]
        let terminal = PacedTerminal(keys: keys, awaited: "│  limiting link", patience: 600)
        terminal.onWait = { waits, screen in
            // Once the help screen is up, close it and let the what-ifs answer.
            if waits == 1 {
                #expect(screen?.lines.contains { $0.contains("computing…") } == false)   // the help screen covers it
                held.release.signal()
                return .key(.escape)
            }
            return nil
        }
        let final = Workbench.run(document: TopologyDocument(topology: Fixtures.metro), path: "metro.yaml", fingerprint: nil,
                                  terminal: terminal, services: Self.services, analysis: analysis)
        let inLine = EffectRunner(services: Self.services).run(.analyseDemand(Fixtures.metro, demand: "A-B"))
        guard case .analysed(let expected?, _, _)? = inLine.first else {
            Issue.record("no what-ifs computed in line: \(inLine)")
            return
        }
        #expect(final.whatIf == SelectedWhatIf(demand: "A-B", topology: Fixtures.metro, result: expected))
        #expect(terminal.drawn.last?.lines.contains { $0.contains("│  limiting link") } == true)
        #expect(terminal.waits < 600)
        #expect(held.asked.withLock { $0 } == ["A-B"])
        #expect(held.unreleased.withLock { $0 } == 0)   // in line, the loop would have waited for it before reading keys
    }

    @Test("a request for what runs is not made again and drops the one waiting; only the latest waiting one runs")
    func requestsWhileOneRuns() {
        let held = HeldAnalysis()
        let analysis = BackgroundAnalysis(analyse: held.analyse)
        let plan = Planner().plan(Fixtures.metro)
        var planned = 0
        func request(_ demand: Identifier) { analysis.request(.demand(demand), in: Fixtures.metro) { planned += 1; return plan } }
        request("A-B")
        while held.asked.withLock({ $0.isEmpty }) { Thread.sleep(forTimeInterval: 0.001) }   // A-B runs, held
        request("A-B")          // runs already: not made again
        request("X")            // waits
        request("A-B")          // back to what runs: X is dropped
        request("Y")            // waits
        request("Z")            // replaces Y
        held.release.signal()   // A-B answers; Z runs
        held.release.signal()   // Z answers
        let answers = Self.answers(of: analysis)
        #expect(!analysis.isBusy)
        #expect(held.asked.withLock { $0 } == ["A-B", "Z"])
        #expect(planned == 4)   // A-B, X, Y, Z were new when asked; the repeats of A-B were not planned
        #expect(answers.compactMap { if case .analysed(_, let demand, _) = $0 { demand } else { nil } } == [Identifier("A-B"), Identifier("Z")])
    }

    /// An analysis held while it runs the what-ifs of demand A-B in metro, and metro with L1 made 31 km (an edit).
    private func heldOnMetro() -> (HeldAnalysis, BackgroundAnalysis, Topology) {
        let held = HeldAnalysis()
        let analysis = BackgroundAnalysis(analyse: held.analyse)
        var edited = Fixtures.metro
        edited.links[0].length = Quantity(31, .kilometre)
        analysis.request(.demand("A-B"), in: Fixtures.metro) { Planner().plan(Fixtures.metro) }
        while held.asked.withLock({ $0.isEmpty }) { Thread.sleep(forTimeInterval: 0.001) }   // runs, held
        return (held, analysis, edited)
    }

    @Test("an edit while the what-ifs run cancels them: the stale analysis stops unreleased, answers nothing, and the new one answers")
    func editCancelsTheStaleAnalysis() throws {
        let (held, analysis, edited) = heldOnMetro()
        analysis.request(.demand("A-B"), in: edited) { Planner().plan(edited) }
        // Not released, the stale analysis stops at its next check, and the new one starts.
        for _ in 0..<2000 where held.asked.withLock({ $0.count }) < 2 { Thread.sleep(forTimeInterval: 0.005) }
        #expect(held.cancelled.withLock { $0 } == 1)
        #expect(held.topologies.withLock { $0 } == [Fixtures.metro, edited])
        #expect(analysis.takeAnswers().isEmpty)
        held.release.signal()
        let answers = Self.answers(of: analysis)
        let expected = try #require(WhatIfAnalyzer(topology: edited, plan: Planner().plan(edited)).analyse(demand: "A-B"))
        #expect(answers == [.analysed(expected, demand: "A-B", of: edited)])
        #expect(held.unreleased.withLock { $0 } == 0)
    }

    /// Second reader: an undo back to the topology of a run the edit had cancelled was taken for a request already
    /// running, and the cancelled run answered nothing, so the what-ifs never came.
    @Test("an edit then its undo: the what-ifs of the topology back again are computed anew and arrive")
    func undoAfterCancelAsksAgain() throws {
        let (held, analysis, edited) = heldOnMetro()
        analysis.keep(only: edited, subject: .demand("A-B"))                                    // the edit
        analysis.request(.demand("A-B"), in: Fixtures.metro) { Planner().plan(Fixtures.metro) }      // its undo
        for _ in 0..<2000 where held.asked.withLock({ $0.count }) < 2 { Thread.sleep(forTimeInterval: 0.005) }
        #expect(held.cancelled.withLock { $0 } == 1)
        held.release.signal()
        let expected = try #require(WhatIfAnalyzer(topology: Fixtures.metro, plan: Planner().plan(Fixtures.metro)).analyse(demand: "A-B"))
        #expect(Self.answers(of: analysis) == [.analysed(expected, demand: "A-B", of: Fixtures.metro)])
    }

    @Test("an edit that asks for no what-ifs (nothing selected) still cancels those of the topology it replaced")
    func keepOnlyCancels() {
        let held = HeldAnalysis()
        let analysis = BackgroundAnalysis(analyse: held.analyse)
        var edited = Fixtures.metro
        edited.links[0].length = Quantity(31, .kilometre)
        analysis.request(.demand("A-B"), in: Fixtures.metro) { Planner().plan(Fixtures.metro) }
        while held.asked.withLock({ $0.isEmpty }) { Thread.sleep(forTimeInterval: 0.001) }
        analysis.keep(only: Fixtures.metro, subject: .demand("A-B"))   // the same topology and selection: it runs on
        Thread.sleep(forTimeInterval: 0.02)
        #expect(held.cancelled.withLock { $0 } == 0 && analysis.isBusy)
        analysis.keep(only: edited, subject: .demand("A-B"))
        #expect(Self.answers(of: analysis).isEmpty)
        #expect(!analysis.isBusy)
        #expect(held.cancelled.withLock { $0 } == 1 && held.unreleased.withLock { $0 } == 0)
    }

    /// Second reader: a link's failure analysis, a second of work on a large network, held up the what-ifs of the
    /// demand selected after it.
    @Test("another selection stops the analysis of the one before; the new one runs next and answers")
    func selectionMovesOn() throws {
        let held = HeldAnalysis()
        let analysis = BackgroundAnalysis(analyse: held.analyse)
        analysis.request(.demand("A-B"), in: Fixtures.metro) { Planner().plan(Fixtures.metro) }
        while held.asked.withLock({ $0.isEmpty }) { Thread.sleep(forTimeInterval: 0.001) }
        analysis.keep(only: Fixtures.metro, subject: .failure(.link("L1")))   // L1 selected meanwhile
        analysis.request(.failure(.link("L1")), in: Fixtures.metro) { Planner().plan(Fixtures.metro) }
        let answers = Self.answers(of: analysis)
        #expect(held.cancelled.withLock { $0 } == 1)
        let expected = try WhatIfAnalyzer(topology: Fixtures.metro, plan: Planner().plan(Fixtures.metro)).failure(of: .link("L1"))
        #expect(answers == [.failureAnalysed(expected, element: .link("L1"), of: Fixtures.metro)])
        analysis.keep(only: Fixtures.metro, subject: nil)   // nothing selected: nothing left to run
        #expect(!analysis.isBusy)
    }

    @Test("in the workbench, an edit made while the selected demand's what-ifs run shows the edited topology's, never the stale ones")
    func workbenchEdit() {
        let held = HeldAnalysis()
        let analysis = BackgroundAnalysis(analyse: held.analyse)
        let keys: [InputEvent] = ":select A-B".map { .key(.character($0)) } + [.key(.enter)]
        let terminal = PacedTerminal(keys: keys, awaited: "│  limiting link", patience: 200)
        // The edit selects L1 (no what-ifs asked, but those running are stale); A-B selected again asks for the new ones.
        let edit: [InputEvent] = (":set L1.length 31 km".map { .key(.character($0)) } + [.key(.enter)])
            + (":select A-B".map { .key(.character($0)) } + [.key(.enter)])
        var pending: [InputEvent] = []
        terminal.onWait = { waits, _ in
            // The what-ifs of the file as opened are held: edit, then release what runs after.
            if waits == 1 { pending = edit }
            if !pending.isEmpty { return pending.removeFirst() }
            if held.asked.withLock({ $0.count }) == 2 { held.release.signal() }
            return nil
        }
        let final = Workbench.run(document: TopologyDocument(topology: Fixtures.metro), path: "metro.yaml", fingerprint: nil,
                                  terminal: terminal, services: Self.services, analysis: analysis)
        #expect(final.topology.link("L1")?.length == Quantity(31, .kilometre))
        #expect(final.whatIf?.topology == final.topology && final.whatIf?.result != nil)
        #expect(held.cancelled.withLock { $0 } == 1)
        #expect(held.topologies.withLock { $0 } == [Fixtures.metro, final.topology])
        #expect(terminal.waits < 200)
    }
}
