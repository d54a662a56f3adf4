import Foundation
import QNetFormats
import QNetModel

/// The workbench's event loop: draw the state, wait for input, reduce, run the
/// effects, until the user quits. Everything but the terminal and the services
/// is pure, so the loop runs the same on ncurses and in tests.
public enum Workbench {
    /// How long to wait for input before looking again; nothing changes in between.
    public static let inputTimeout: Duration = .milliseconds(500)
    /// How long to wait for input while the selected demand's what-ifs are computed, before looking for them.
    static let analysisPoll: Duration = .milliseconds(50)

    /// Edits the topology file at `path` (a new one when it does not exist, an
    /// untitled one when nil) on `terminal` until the user quits or input ends.
    /// Returns the last state, so that the caller can report after the terminal is restored.
    @discardableResult
    public static func run(path: String?, terminal: some Terminal, services: WorkbenchServices) -> AppState {
        var state = untitled(on: terminal)
        var effects: [Effect] = [.replan(state.topology)]
        if let path {
            effects = [.open(path: path)]
        } else {
            state.status = StatusMessage("untitled: :add node ID KIND X Y to begin (? shows how), :w FILE to save")
        }
        return loop(state, effects, terminal: terminal, services: services,
                    analysis: terminal.isInteractive ? BackgroundAnalysis() : nil)
    }

    /// Edits `document`, already read from the file at `path` (so that the command line
    /// can refuse a file with errors before it takes the terminal), as `run(path:)` does;
    /// `fingerprint` is the file's as it was before it was read, for the check before each save.
    @discardableResult
    public static func run(document: TopologyDocument, path: String, fingerprint: FileFingerprint?, terminal: some Terminal,
                           services: WorkbenchServices) -> AppState {
        run(document: document, path: path, fingerprint: fingerprint, terminal: terminal, services: services,
            analysis: terminal.isInteractive ? BackgroundAnalysis() : nil)
    }

    /// `run(document:path:fingerprint:terminal:services:)` computing the what-ifs with `analysis` (in line when nil).
    static func run(document: TopologyDocument, path: String, fingerprint: FileFingerprint?, terminal: some Terminal,
                    services: WorkbenchServices, analysis: BackgroundAnalysis?) -> AppState {
        var state = untitled(on: terminal)
        let effects = reduce(into: &state, .loaded(document, path: path, fingerprint: fingerprint))
        return loop(state, effects, terminal: terminal, services: services, analysis: analysis)
    }

    /// An empty, untitled network at the terminal's size.
    private static func untitled(on terminal: some Terminal) -> AppState {
        AppState(topology: Topology(name: "untitled"), filePath: nil, screenSize: terminal.size)
    }

    /// Runs `effects`, then draws and reduces input until the user quits or input ends; the selected demand's what-ifs
    /// come from `analysis` while keys are read (a person types while they run), in line when it is nil (a scripted
    /// terminal gets them in order).
    private static func loop(_ start: AppState, _ first: [Effect], terminal: some Terminal,
                             services: WorkbenchServices, analysis: BackgroundAnalysis?) -> AppState {
        var state = start
        var effects = first
        var idle = 0.0  // seconds without input
        var unreduced = 0.0  // seconds of it not yet told to the reducer (polls for the what-ifs are shorter)
        var redraw = true
        let runner = EffectRunner(services: services)
        defer { services.releaseAutosave() }
        while true {
            for action in analysis?.takeAnswers() ?? [] {
                effects += reduce(into: &state, action)
                redraw = true
            }
            while !effects.isEmpty {
                let effect = effects.removeFirst()
                if effect == .quit { return state }
                if effect == .discardTypedAhead {
                    let keys = terminal.discardTypedAhead()
                    if keys > 0 { effects += reduce(into: &state, .droppedTypedAhead(keys: keys)) }
                    continue
                }
                if let analysis, case .analyseDemand(let topology, let demand) = effect {
                    analysis.request(.demand(demand), in: topology) { services.plan(topology) }
                    continue
                }
                if let analysis, case .analyseFailure(let topology, let element) = effect {
                    analysis.request(.failure(element), in: topology) { services.plan(topology) }
                    continue
                }
                for action in runner.run(effect) { effects += reduce(into: &state, action) }
            }
            // An edit (or undo, or a file opened) stops the what-ifs of the topology it replaced; another selection those
            // of the one before.
            analysis?.keep(only: state.topology, subject: state.selection?.analysisSubject)
            if redraw { terminal.draw(Screen.render(state, size: terminal.size, glyphs: terminal.glyphs)) }
            let timeout = analysis?.isBusy == true ? analysisPoll : inputTimeout
            guard let event = terminal.nextEvent(timeout: timeout) else {
                idle += timeout.seconds
                unreduced += timeout.seconds
                // A poll for the what-ifs that found none changes nothing until a whole input timeout has passed.
                redraw = unreduced >= inputTimeout.seconds * (1 - 1e-9)
                if redraw {
                    unreduced = 0
                    effects = reduce(into: &state, .idle(seconds: idle))
                }
                continue
            }
            (idle, unreduced, redraw) = (0, 0, true)
            switch event {
            case .key(let key): effects = reduce(into: &state, .key(key))
            case .mouse(let mouse): effects = reduce(into: &state, .mouse(mouse))
            case .resize(let size): effects = reduce(into: &state, .resize(size))
            case .interrupt: effects = reduce(into: &state, .interrupt)
            case .hangup:
                // The terminal went away (or SIGTERM/SIGHUP): keep unsaved edits in the autosave.
                if let autosave = state.autosavePath, state.isDirty, state.topology != state.autosavedTopology {
                    for action in runner.run(.autosave(state.document, path: autosave)) {
                        _ = reduce(into: &state, action)
                    }
                }
                return state
            }
        }
    }
}
