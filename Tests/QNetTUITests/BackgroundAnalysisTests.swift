import Foundation
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

        func nextEvent(timeout: Duration) -> InputEvent? {
            if !keys.isEmpty { return keys.removeFirst() }
            if drawn.last?.lines.contains(where: { $0.contains(awaited) }) == true || waits == patience { return .hangup }
            waits += 1
            Thread.sleep(forTimeInterval: timeout.seconds)
            return nil
        }
    }

    static let services = WorkbenchServices(load: { _ in TopologyDocument(topology: Fixtures.metro) }, save: { _, _ in },
                                            plan: { Planner().plan($0) })

    @Test("the what-ifs of a demand selected on an interactive terminal arrive while keys are read, as computed in line")
    func answersArrive() {
        let keys: [InputEvent] = ":select A-B".map { .key(.character($0)) } + [.key(.enter)]
        let terminal = PacedTerminal(keys: keys, awaited: "│  limiting link", patience: 600)
        let final = Workbench.run(document: TopologyDocument(topology: Fixtures.metro), path: "metro.yaml", fingerprint: nil,
                                  terminal: terminal, services: Self.services)
        let inLine = EffectRunner(services: Self.services).run(.analyseDemand(Fixtures.metro, demand: "A-B"))
        guard case .analysed(let expected?, _, _)? = inLine.first else {
            Issue.record("no what-ifs computed in line: \(inLine)")
            return
        }
        #expect(final.whatIf == SelectedWhatIf(demand: "A-B", topology: Fixtures.metro, result: expected))
        #expect(terminal.drawn.last?.lines.contains { $0.contains("│  limiting link") } == true)
        #expect(terminal.waits < 600)
    }

    @Test("a request for what is already running is not made twice, and its answer is taken once")
    func oneAnswerPerRequest() {
        let analysis = BackgroundAnalysis()
        let plan = Planner().plan(Fixtures.metro)
        var plansAsked = 0
        analysis.request("A-B", in: Fixtures.metro) { plansAsked += 1; return plan }
        analysis.request("A-B", in: Fixtures.metro) { plansAsked += 1; return plan }
        var answers: [Action] = []
        for _ in 0..<400 where analysis.isBusy {
            answers += analysis.takeAnswers()
            Thread.sleep(forTimeInterval: 0.01)
        }
        answers += analysis.takeAnswers()
        #expect(!analysis.isBusy)
        // The second request came while the first ran (and is deduplicated), or after it ended (and ran again).
        #expect(answers.count == plansAsked && (1...2).contains(plansAsked))
        #expect(answers.allSatisfy { if case .analysed(_?, "A-B", Fixtures.metro) = $0 { true } else { false } })
    }
}
