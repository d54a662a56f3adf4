import Foundation
import QNetModel
import QNetPlanner
import Synchronization

/// The selected demand's what-ifs, computed off the event loop's thread so that keys are read while they run:
/// they route the demand a dozen times again, which takes seconds on a large network or in a debug build.
///
/// One analysis runs at a time. A request made meanwhile waits, and only the latest waiting one is kept (the
/// selection has moved on from the others); a request for what runs or waits already is not made twice, and one
/// for what runs drops the request waiting (the selection came back).
final class BackgroundAnalysis: Sendable {
    private struct Request: Sendable {
        var demand: Identifier
        var topology: Topology
        var plan: Plan

        func asks(for demand: Identifier, in topology: Topology) -> Bool {
            self.demand == demand && self.topology == topology
        }
    }

    private struct Queue: Sendable {
        var running: Request?
        var waiting: Request?
        /// What finished analyses answer, not yet taken by the event loop.
        var answers: [Action] = []
    }

    private let queue = Mutex(Queue())
    /// What an analysis computes: the what-ifs of a demand in a topology with its plan.
    private let analyse: @Sendable (_ demand: Identifier, _ topology: Topology, _ plan: Plan) -> DemandWhatIf?

    /// Analyses with `analyse` (tests pass one they control), by default `WhatIfAnalyzer`'s.
    init(analyse: @escaping @Sendable (_ demand: Identifier, _ topology: Topology, _ plan: Plan) -> DemandWhatIf? = {
        WhatIfAnalyzer(topology: $1, plan: $2).analyse(demand: $0)
    }) {
        self.analyse = analyse
    }

    /// Asks for the what-ifs of `demand` in `topology`, whose plan `plan()` gives (called only for a new request).
    func request(_ demand: Identifier, in topology: Topology, plan: () -> Plan) {
        let known = queue.withLock { queue in
            // Back to what runs: the request waiting meanwhile is no longer wanted.
            if queue.running?.asks(for: demand, in: topology) == true {
                queue.waiting = nil
                return true
            }
            return queue.waiting?.asks(for: demand, in: topology) == true
        }
        if known { return }
        let request = Request(demand: demand, topology: topology, plan: plan())
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

    /// Whether an answer is still to come or not yet taken.
    var isBusy: Bool { queue.withLock { $0.running != nil || !$0.answers.isEmpty } }

    /// The answers of the analyses finished since the last call, oldest first.
    func takeAnswers() -> [Action] {
        queue.withLock { queue in
            defer { queue.answers = [] }
            return queue.answers
        }
    }

    /// Runs `request` on a thread of its own, then the request waiting, if any.
    private func start(_ request: Request) {
        Thread.detachNewThread { [self] in
            let result = analyse(request.demand, request.topology, request.plan)
            let next = queue.withLock { queue -> Request? in
                queue.answers.append(.analysed(result, demand: request.demand, of: request.topology))
                queue.running = queue.waiting
                queue.waiting = nil
                return queue.running
            }
            if let next { start(next) }
        }
    }
}
