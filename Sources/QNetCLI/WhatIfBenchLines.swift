import Foundation
import QNetPlanner

/// The what-if lines of `qnetplan bench --what-if`.
enum WhatIfBenchLines {
    /// Times the what-if analysis of a generated network of each size and prints one line per size.
    static func print(sizes: [Int]) {
        Swift.print("\nnodes  demands   plan        what-ifs (all)   what-ifs (one)   failures checked / breaking   suggestions   "
            + "forced overdraws (their changes)")
        for size in sizes {
            let result = WhatIfBenchmark.run(nodes: size)
            Swift.print(String(format: "%5d  %7d  %9.2f ms  %13.2f ms  %13.2f ms  %12d / %-12d  %10d  %8d (%.2f ms)", result.nodes,
                               result.demands, result.planSeconds * 1000, result.analysisSeconds * 1000,
                               result.oneDemandSeconds * 1000, result.failuresChecked, result.breakingFailures,
                               result.suggestions, result.overdrawRemedies, result.overdrawRemediesSeconds * 1000))
        }
    }
}
