import Foundation
import QNetModel
import QNetPlanner
import Synchronization

/// The selected demand's what-ifs, or what the selected node's or link's failure does to every demand, computed off
/// the event loop's thread so that keys are read while they run: they route demands again, which takes seconds on a
/// large network or in a debug build.
///
/// One analysis runs at a time. A request made meanwhile waits, and only the latest waiting one is kept (the
/// selection has moved on from the others); a request for what runs or waits already is not made twice, and one
/// for what runs drops the request waiting (the selection came back). The event loop keeps only what the current
/// selection asks for (`keep(only:subject:)`): moving the selection stops the running analysis, and coming back
/// starts it anew. An analysis of a topology that is no longer
/// the workbench's (an edit, an undo, a file opened) is cancelled: it stops at its next failure case or suggested
/// change (`Cancellation`), answers nothing, and the request for the new topology runs after it.
final class BackgroundAnalysis: Sendable {
    /// What an analysis computes: the what-ifs of a demand in a topology with its plan, unless cancelled.
    typealias Analyse = @Sendable (_ demand: Identifier, _ topology: Topology, _ plan: Plan, _ cancellation: Cancellation)
        throws(CancellationError) -> DemandWhatIf?
    /// What a failure analysis computes: what the failure of a node or link does to every demand, unless cancelled.
    typealias AnalyseFailure = @Sendable (_ element: NetworkElement, _ topology: Topology, _ plan: Plan,
                                          _ cancellation: Cancellation) throws(CancellationError) -> ElementFailure?

    /// What is analysed: a demand's what-ifs, or a node's or link's failure.
    enum Subject: Sendable, Hashable {
        case demand(Identifier)
        case failure(NetworkElement)
    }

    private struct Request: Sendable {
        var subject: Subject
        var topology: Topology
        var plan: Plan
        /// Set, once and for good, when the topology is no longer the workbench's; read by the running analysis.
        let cancelled = Flag()

        func asks(for subject: Subject, in topology: Topology) -> Bool {
            self.subject == subject && self.topology == topology
        }
    }

    /// A flag that is set once and then stays set, read from any thread.
    private final class Flag: Sendable {
        private let value = Atomic(false)
        func set() { value.store(true, ordering: .releasing) }
        var isSet: Bool { value.load(ordering: .acquiring) }
    }

    private struct Queue: Sendable {
        var running: Request?
        var waiting: Request?
        /// What finished analyses answer, not yet taken by the event loop.
        var answers: [Action] = []

        /// Cancels the running analysis and drops the waiting request unless they are of `topology` and of a
        /// subject `wanted` keeps (by default, any).
        mutating func keep(only topology: Topology, wanted: (Subject) -> Bool = { _ in true }) {
            func kept(_ request: Request) -> Bool { request.topology == topology && wanted(request.subject) }
            if let running, !running.cancelled.isSet, !kept(running) { running.cancelled.set() }
            if waiting.map({ !kept($0) }) == true { waiting = nil }
        }
    }

    private let queue = Mutex(Queue())
    private let analyse: Analyse
    private let analyseFailure: AnalyseFailure

    /// Analyses with `analyse` and `analyseFailure` (tests pass ones they control), by default `WhatIfAnalyzer`'s.
    init(analyse: @escaping Analyse = { (demand, topology, plan, cancellation) throws(CancellationError) in
        try WhatIfAnalyzer(topology: topology, plan: plan).analyse(demand: demand, cancellation: cancellation)
    }, analyseFailure: @escaping AnalyseFailure = { (element, topology, plan, cancellation) throws(CancellationError) in
        try WhatIfAnalyzer(topology: topology, plan: plan).failure(of: element, cancellation: cancellation)
    }) {
        self.analyse = analyse
        self.analyseFailure = analyseFailure
    }

    /// Asks for the analysis of `subject` in `topology`, whose plan `plan()` gives (called only for a new request);
    /// an analysis of another topology that runs is cancelled.
    func request(_ subject: Subject, in topology: Topology, plan: () -> Plan) {
        let known = queue.withLock { queue in
            queue.keep(only: topology)
            // Back to what runs: the request waiting meanwhile is no longer wanted.
            // (A cancelled run answers nothing: undoing back to its topology asks again.)
            if let running = queue.running, !running.cancelled.isSet, running.asks(for: subject, in: topology) {
                queue.waiting = nil
                return true
            }
            return queue.waiting?.asks(for: subject, in: topology) == true
        }
        if known { return }
        let request = Request(subject: subject, topology: topology, plan: plan())
        let idle = queue.withLock { queue -> Bool in
            guard queue.running == nil else {
                queue.waiting = request
                return false
            }
            queue.running = request
            return true
        }
        if idle { start(request) }
    }

    /// Cancels the analysis that runs, and drops the request waiting, unless they are of `topology` and `subject` (the
    /// workbench's, and what its selection asks for, after each input; nil: nothing selected that has an analysis):
    /// their answers would be of a topology, or a selection, no longer shown. A selection that moves on stops the
    /// analysis of the one before at its next demand or failure case (second reader: a link's failure analysis, a
    /// second of work on a large network, held up the what-ifs of the demand selected next).
    func keep(only topology: Topology, subject: Subject?) {
        queue.withLock { $0.keep(only: topology) { $0 == subject } }
    }

    /// Whether an answer is still to come or not yet taken.
    var isBusy: Bool { queue.withLock { $0.running != nil || !$0.answers.isEmpty } }

    /// The answers of the analyses finished since the last call, oldest first.
    func takeAnswers() -> [Action] {
        queue.withLock { queue in
            defer { queue.answers = [] }
            return queue.answers
        }
    }

    /// Runs `request` on a thread of its own, then the request waiting, if any. A cancelled analysis answers nothing:
    /// whether it was cancelled is read under the lock that cancels, so none that was is ever answered.
    private func start(_ request: Request) {
        Thread.detachNewThread { [self] in
            let cancellation = Cancellation { request.cancelled.isSet }
            let answer: Action?
            do {
                answer = switch request.subject {
                case .demand(let demand):
                    .analysed(try analyse(demand, request.topology, request.plan, cancellation), demand: demand, of: request.topology)
                case .failure(let element):
                    .failureAnalysed(try analyseFailure(element, request.topology, request.plan, cancellation), element: element,
                                     of: request.topology)
                }
            } catch {
                answer = nil
            }
            let next = queue.withLock { queue -> Request? in
                if let answer, !request.cancelled.isSet { queue.answers.append(answer) }
                queue.running = queue.waiting
                queue.waiting = nil
                return queue.running
            }
            if let next { start(next) }
        }
    }
}
