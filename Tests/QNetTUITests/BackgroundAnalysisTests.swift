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
        func discardTypedAhead() { keys = [] }

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
    /// and counts what it was asked.
    final class HeldAnalysis: Sendable {
        let release = DispatchSemaphore(value: 0)
        let asked = Mutex<[Identifier]>([])
        let unreleased = Mutex(0)

        func analyse(_ demand: Identifier, _ topology: Topology, _ plan: Plan) -> DemandWhatIf? {
            asked.withLock { $0.append(demand) }
            if release.wait(timeout: .now() + 10) == .timedOut { unreleased.withLock { $0 += 1 } }
            return WhatIfAnalyzer(topology: topology, plan: plan).analyse(demand: demand)
        }
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
        func request(_ demand: Identifier) { analysis.request(demand, in: Fixtures.metro) { planned += 1; return plan } }
        request("A-B")
        while held.asked.withLock({ $0.isEmpty }) { Thread.sleep(forTimeInterval: 0.001) }   // A-B runs, held
        request("A-B")          // runs already: not made again
        request("X")            // waits
        request("A-B")          // back to what runs: X is dropped
        request("Y")            // waits
        request("Z")            // replaces Y
        held.release.signal()   // A-B answers; Z runs
        held.release.signal()   // Z answers
        var answers: [Action] = []
        for _ in 0..<2000 where analysis.isBusy {
            answers += analysis.takeAnswers()
            Thread.sleep(forTimeInterval: 0.005)
        }
        #expect(!analysis.isBusy)
        #expect(held.asked.withLock { $0 } == ["A-B", "Z"])
        #expect(planned == 4)   // A-B, X, Y, Z were new when asked; the repeats of A-B were not planned
        #expect(answers.compactMap { if case .analysed(_, let demand, _) = $0 { demand } else { nil } } == [Identifier("A-B"), Identifier("Z")])
    }
}
