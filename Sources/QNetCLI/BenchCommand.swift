import ArgumentParser
import Foundation
import QNetPlanner

/// `qnetplan bench`: time a full plan and an incremental re-plan of generated networks, with peak memory.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Time planning of generated networks (N nodes, ~3N links, N/10 demands) and print peak memory.",
        discussion: """
            For each size: the time of a full plan, and of a re-plan after one link's length changes \
            (what the workbench does on every edit); then, per size, a workbench edit: a :set of one link \
            through the reducer, its re-plan and a redraw of the 120×40 screen. Build with \
            `swift build -c release` (or `make bench`) for representative figures. Peak resident memory \
            is the process's high-water mark so far.
            """
    )

    @Option(name: .customLong("nodes"), help: "Network size in nodes; repeat for several sizes.")
    var sizes: [Int] = [1_000]

    @Flag(name: .customLong("what-if"), help: "Also time the what-if analysis (every demand, N−1 survivability, suggestions).")
    var whatIf = false

    func validate() throws {
        if let bad = sizes.first(where: { $0 < 2 || $0 > 1_000_000 }) {
            throw ValidationError("--nodes \(bad): use a size between 2 and 1,000,000")
        }
    }

    func run() throws {
        print("nodes    links   demands  segments   full plan    re-plan   (links, demands redone)   peak RSS")
        for size in sizes {
            let result = PlannerBenchmark.run(nodes: size)
            let line = [
                pad(result.nodes, 6), pad(result.links, 8), pad(result.demands, 9), pad(result.segments, 9),
                milliseconds(result.fullPlanSeconds), milliseconds(result.replanSeconds),
                "  (\(result.replanRecomputedLinks), \(result.replanReroutedDemands))".padding(toLength: 26, withPad: " ", startingAt: 0),
                String(format: "%7.1f MB", Double(PeakMemory.residentBytes()) / 1_048_576),
            ]
            print(line.joined(separator: " "))
        }
        for size in sizes { printWorkbenchEdit(nodes: size) }
        if whatIf { WhatIfBenchLines.print(sizes: sizes) }
    }

    private func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: " ", count: max(0, width - text.count)) + text
    }

    private func milliseconds(_ seconds: Double) -> String {
        String(format: "%9.2f ms", seconds * 1000)
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
