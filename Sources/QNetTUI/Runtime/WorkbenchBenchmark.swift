import QNetModel
import QNetPlanner

/// Timings of edits made the way a user makes them in the workbench.
public struct WorkbenchBenchmarkResult: Sendable, Hashable {
    /// Nodes and links of the network edited.
    public var nodes: Int
    public var links: Int
    /// The screen drawn after each edit.
    public var screen: Size
    /// Seconds of each edit, whole: the `:set` through the reducer, the re-plan it asks for, and the redraw.
    public var editSeconds: [Double]
    /// Median seconds of the three parts of an edit: reducer (and its validation), re-plan, redraw.
    public var reduceSeconds: Double
    public var replanSeconds: Double
    public var renderSeconds: Double
    /// Edits whose new plan arrived and was shown (all of them, unless an edit was refused).
    public var replannedEdits: Int

    /// Median of `editSeconds`.
    public var medianSeconds: Double { WorkbenchBenchmark.median(editSeconds) }
    /// Slowest of `editSeconds`.
    public var maxSeconds: Double { editSeconds.max() ?? 0 }
}

/// Measures what issue 3 asks of the workbench: on a generated network, one link
/// edited with `:set ID.length …` re-plans and redraws within a frame (16 ms).
///
/// Each edit runs the whole path of a key press: `reduce` of the command line
/// (parse, schema, validation, undo step), the `.replan` effect through
/// `EffectRunner` with the standard services (validation, then the incremental
/// `PlanningSession`), the `.planned` result through `reduce`, and
/// `Screen.render` of the full screen into an in-memory canvas, with the edited
/// link selected so that the inspector shows its budgets.
public enum WorkbenchBenchmark {
    /// Plans `SyntheticNetwork.make(nodes:seed: 1)` once, then times `edits` edits of
    /// one link's length (alternately +1 km and back) drawn on a `screen`-sized canvas.
    public static func run(nodes: Int, edits: Int = 20, screen: Size = Size(width: 120, height: 40))
        -> WorkbenchBenchmarkResult
    {
        let topology = SyntheticNetwork.make(nodes: nodes, seed: 1)
        let runner = EffectRunner(services: .standard())
        var state = AppState(topology: topology, screenSize: screen)
        perform(reduce(into: &state, .resize(screen)) + [.replan(topology)], runner, &state)
        let link = topology.links[topology.links.count / 2]
        perform(reduce(into: &state, .command("select \(link.id)")), runner, &state)
        let km = (link.length?.si ?? 10_000) / 1000
        _ = Screen.render(state, size: screen)

        let clock = ContinuousClock()
        var totals: [Double] = [], reduces: [Double] = [], replans: [Double] = [], renders: [Double] = []
        var replanned = 0
        for edit in 0..<max(1, edits) {
            let length = Quantity.format(edit % 2 == 0 ? km + 1 : km)
            var effects: [Effect] = []
            let reduced = clock.measure { effects = reduce(into: &state, .command("set \(link.id).length \(length) km")) }
            let planning = clock.measure { replanned += perform(effects, runner, &state) }
            let rendered = clock.measure { _ = Screen.render(state, size: screen) }
            reduces.append(reduced.seconds)
            replans.append(planning.seconds)
            renders.append(rendered.seconds)
            totals.append(reduced.seconds + planning.seconds + rendered.seconds)
        }
        return WorkbenchBenchmarkResult(nodes: topology.nodes.count, links: topology.links.count, screen: screen,
                                        editSeconds: totals, reduceSeconds: median(reduces),
                                        replanSeconds: median(replans), renderSeconds: median(renders),
                                        replannedEdits: replanned)
    }

    /// Runs `effects` and reduces their answers, as the event loop does, until none are left;
    /// returns how many plans arrived. The selected link's failure analysis is left out: the event loop runs it on
    /// a thread of its own (`BackgroundAnalysis`), not between a key and its redraw.
    @discardableResult
    private static func perform(_ effects: [Effect], _ runner: EffectRunner, _ state: inout AppState) -> Int {
        var pending = effects, plans = 0
        while !pending.isEmpty {
            let effect = pending.removeFirst()
            if case .analyseFailure = effect { continue }
            for action in runner.run(effect) {
                if case .planned = action { plans += 1 }
                pending += reduce(into: &state, action)
            }
        }
        return plans
    }

    /// The middle value (the mean of the two middle ones for an even count); 0 when empty.
    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}
