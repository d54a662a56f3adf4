import Foundation
import Synchronization
import Testing
import QNetModel
@testable import QNetPlanner

/// The progress the what-ifs of every demand report as they go (the report command shows it on a terminal).
@Suite struct WhatIfProgressTests {
    @Test func everyDemandIsCountedOnceAndTheAnalysisIsTheSame() {
        // Enough demands to spread over the cores (`ParallelMap.threshold`).
        let topology = SyntheticNetwork.make(nodes: 400, seed: 3)
        let plan = Planner().plan(topology)
        let heard = Mutex<[(done: Int, total: Int)]>([])
        let analyser = WhatIfAnalyzer(topology: topology, plan: plan)
        let counted = analyser.analyse { done, total in heard.withLock { $0.append((done, total)) } }
        let calls = heard.withLock { $0 }
        #expect(topology.demands.count >= ParallelMap.threshold)
        #expect(calls.count == topology.demands.count && calls.allSatisfy { $0.total == topology.demands.count })
        #expect(calls.map(\.done).sorted() == Array(1...topology.demands.count))
        #expect(counted == analyser.analyse())
    }
}
