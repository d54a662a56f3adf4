import Synchronization
import Testing
import QNetModel
@testable import QNetPlanner

/// A what-if analysis that is no longer wanted stops at its next failure case or suggested change, and throws
/// rather than return what it had.
@Suite struct WhatIfCancellationTests {
    /// A cancellation that counts how often it is asked, and answers true from the `after`-th time on (never when nil).
    final class Counting: Sendable {
        let asked = Mutex(0)
        let after: Int?

        init(after: Int?) { self.after = after }

        var cancellation: Cancellation {
            Cancellation { [self] in
                let count = asked.withLock { count in
                    count += 1
                    return count
                }
                return after.map { count >= $0 } ?? false
            }
        }
    }

    @Test func notCancelledItIsTheSameAnalysisAskedAtEachFailureCase() throws {
        let (topology, plan) = SurvivabilityTests.diamond(requiredFraction: 0.9)
        let analyzer = WhatIfAnalyzer(topology: topology, plan: plan)
        let counting = Counting(after: nil)
        let whatIf = try analyzer.analyse(demand: "A-B", cancellation: counting.cancellation)
        #expect(whatIf == analyzer.analyse(demand: "A-B"))
        // Asked before each of the six failures of the diamond, besides the suggestions and the end.
        #expect(whatIf?.breaksOn.count == 6)
        #expect(counting.asked.withLock { $0 } > 6)
    }

    @Test func cancelledAtAnyPointItThrows() throws {
        let (topology, plan) = SurvivabilityTests.diamond(requiredFraction: 0.9)
        let analyzer = WhatIfAnalyzer(topology: topology, plan: plan)
        let full = Counting(after: nil)
        _ = try analyzer.analyse(demand: "A-B", cancellation: full.cancellation)
        let checks = full.asked.withLock { $0 }
        for point in 1...checks {
            let counting = Counting(after: point)
            #expect(throws: CancellationError.self) { try analyzer.analyse(demand: "A-B", cancellation: counting.cancellation) }
            // Stopped there: at most one more question per step left (suggestions, failures) and the last one.
            #expect(counting.asked.withLock { $0 } <= point + 3, "cancelled at \(point)")
        }
    }

    @Test func anUnknownDemandIsNilUnlessCancelled() throws {
        let (topology, plan) = SurvivabilityTests.diamond(requiredFraction: 0.9)
        #expect(try WhatIfAnalyzer(topology: topology, plan: plan).analyse(demand: "X", cancellation: .never) == nil)
    }
}
