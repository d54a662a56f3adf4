import Testing
@testable import QNetTUI

@Suite("The workbench benchmark runs edits the way a user makes them")
struct WorkbenchBenchmarkTests {
    @Test("three edits of one link on a generated 40-node network: each timed whole and in parts")
    func runs() {
        let result = WorkbenchBenchmark.run(nodes: 40, edits: 3, screen: Size(width: 80, height: 24))
        #expect(result.nodes == 40)
        #expect(result.links > 40)
        #expect(result.editSeconds.count == 3)
        #expect(result.replannedEdits == 3)
        #expect(result.editSeconds.allSatisfy { $0 > 0 })
        #expect(result.maxSeconds >= result.medianSeconds)
        #expect(result.reduceSeconds > 0 && result.replanSeconds > 0 && result.renderSeconds > 0)
    }

    @Test("the median of an even count is the mean of the middle two")
    func median() {
        #expect(WorkbenchBenchmark.median([4, 1, 3, 2]) == 2.5)
        #expect(WorkbenchBenchmark.median([5, 1, 3]) == 3)
        #expect(WorkbenchBenchmark.median([]) == 0)
    }
}
