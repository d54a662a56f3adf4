import ArgumentParser
import Foundation
import QNetPlanner

/// `qnetplan bench`: time a full plan and an incremental re-plan of generated networks, with peak memory.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Time planning of generated networks (N nodes, ~3N links, N/10 demands) and print peak memory.",
        discussion: """
            For each size: the time of a full plan (the median of --runs plans, 3 by default, each from scratch, \
            with the fastest and slowest: one run on a shared machine can be far off), and of a re-plan after one link's length changes \
            (what the workbench does on every edit); then, per size, a workbench edit: a :set of one link \
            through the reducer, its re-plan and a redraw of the 120×40 screen. Build with \
            `swift build -c release` (or `make bench`) for representative figures. Peak resident memory \
            is the process's high-water mark after the first full plan and the re-plan (before the \
            further full plans, which are timed only).
            """
    )

    @Option(name: .customLong("nodes"), help: "Network size in nodes; repeat for several sizes.")
    var sizes: [Int] = [1_000]

    @Option(name: .customLong("runs"), help: "Full plans to time per size, from scratch; their median is shown (1 to 101).")
    var runs = 3

    @Flag(name: .customLong("what-if"), help: "Also time the what-if analysis (every demand, N−1 survivability, suggestions).")
    var whatIf = false

    func validate() throws {
        if let bad = sizes.first(where: { $0 < 2 || $0 > 1_000_000 }) {
            throw ValidationError("--nodes \(bad): use a size between 2 and 1,000,000")
        }
        guard (1...101).contains(runs) else { throw ValidationError("--runs \(runs): use a number of runs between 1 and 101") }
    }

    func run() throws {
        // Headings over the columns below: right-aligned over the numbers, left-aligned over the notes.
        print(["nodes".leftPadded(6), "links".leftPadded(8), "demands".leftPadded(9), "segments".leftPadded(9),
               "full plan".leftPadded(12), "(median of \(runs); range)".padding(toLength: 24, withPad: " ", startingAt: 0),
               "re-plan".leftPadded(12), "  (links, demands redone)".padding(toLength: 26, withPad: " ", startingAt: 0),
               "peak RSS".leftPadded(10)].joined(separator: " "))
        for size in sizes {
            let result = PlannerBenchmark.run(nodes: size)
            // The peak of one plan and re-plan, as in the workbench; then the other full plans, for the times only.
            let peak = PeakMemory.residentBytes()
            let fullPlans = ([result.fullPlanSeconds] + PlannerBenchmark.fullPlanSeconds(nodes: size, runs: runs - 1)).sorted()
            let middle = fullPlans.count / 2
            let median = fullPlans.count % 2 == 1 ? fullPlans[middle] : (fullPlans[middle - 1] + fullPlans[middle]) / 2
            let line = [
                pad(result.nodes, 6), pad(result.links, 8), pad(result.demands, 9), pad(result.segments, 9),
                milliseconds(median),
                Self.range(fullPlans[0], fullPlans[fullPlans.count - 1]).padding(toLength: 24, withPad: " ", startingAt: 0),
                milliseconds(result.replanSeconds),
                "  (\(result.replanRecomputedLinks), \(result.replanReroutedDemands))".padding(toLength: 26, withPad: " ", startingAt: 0),
                String(format: "%7.1f MB", Double(peak) / 1_048_576),
            ]
            print(line.joined(separator: " "))
        }
        for size in sizes { printWorkbenchEdit(nodes: size) }
        if whatIf { WhatIfBenchLines.print(sizes: sizes) }
    }

    private func pad(_ value: Int, _ width: Int) -> String {
        String(value).leftPadded(width)
    }

    private func milliseconds(_ seconds: Double) -> String {
        String(format: "%9.2f ms", seconds * 1000)
    }

    /// The fastest and slowest plans, in whole ms from 10 ms up, else to 0.01 ms as the median is (QA: a median of
    /// 0.59 ms printed beside a range of "1–11 ms").
    static func range(_ fastest: Double, _ slowest: Double) -> String {
        String(format: fastest * 1000 >= 10 ? "(%.0f–%.0f ms)" : "(%.2f–%.2f ms)", fastest * 1000, slowest * 1000)
    }
}

/// The process's peak resident memory, from `getrusage`.
enum PeakMemory {
    /// High-water mark of resident memory so far, in bytes.
    static func residentBytes() -> Int {
        var usage = rusage()
        guard getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage) == 0 else { return 0 }
        return usage.ru_maxrss * 1024  // Linux reports kilobytes
    }
}

extension String {
    /// The string right-aligned in `width` columns (spaces before it), whole when it is longer.
    fileprivate func leftPadded(_ width: Int) -> String {
        String(repeating: " ", count: max(0, width - count)) + self
    }
}
