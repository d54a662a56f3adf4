import Foundation
import QNetTUI

extension BenchCommand {
    /// The workbench line of `qnetplan bench`: a `:set` of one link through the reducer, the
    /// re-plan it asks for and the redraw of the full screen, per edit (issue 3's 16 ms budget).
    func printWorkbenchEdit(nodes: Int) {
        let result = WorkbenchBenchmark.run(nodes: nodes)
        let ms = { (seconds: Double) in String(format: "%.2f ms", seconds * 1000) }
        print("edit+redraw  \(result.nodes) nodes, \(result.screen.width)×\(result.screen.height): "
            + "\(ms(result.medianSeconds)) median, \(ms(result.maxSeconds)) max of \(result.editSeconds.count) edits "
            + "(reduce \(ms(result.reduceSeconds)), re-plan \(ms(result.replanSeconds)), redraw \(ms(result.renderSeconds)))")
    }
}
