import QNetModel
import QNetPlanner
@testable import QNetTUI

/// Drives the reducer the way a user drives the workbench: typed text and
/// keys go in, the state and the effects asked for come out.
struct Session {
    var state: AppState
    /// Every effect asked for, oldest first.
    var effects: [Effect] = []

    init(_ topology: Topology = Fixtures.metro, path: String? = "metro.yaml") {
        state = AppState(topology: topology, filePath: path)
    }

    /// A session on an untitled network that opens `path` with `runner`, as `qnetplan edit PATH` does, every effect
    /// run.
    init(opening path: String, with runner: EffectRunner) {
        self.init(Topology(name: "untitled"), path: nil)
        effects = [.open(path: path)]
        runEffects(with: runner)
    }

    /// Types each character of `text` as a key press.
    mutating func type(_ text: String) {
        for character in text { press(.character(character)) }
    }

    /// Presses `key`.
    mutating func press(_ key: Key) {
        effects += reduce(into: &state, .key(key))
    }

    /// Types `:` + `line` + Enter.
    mutating func command(_ line: String) {
        type(":" + line)
        press(.enter)
    }

    /// Sends `action` straight to the reducer.
    mutating func send(_ action: Action) {
        effects += reduce(into: &state, action)
    }

    /// Runs the effects asked for with `runner`, and those their answers ask for, until none is left.
    mutating func runEffects(with runner: EffectRunner) {
        while !effects.isEmpty {
            let effect = effects.removeFirst()
            for action in runner.run(effect) { send(action) }
        }
    }

    /// The real planner's plan of the topology as it is now arrives.
    mutating func planArrives() {
        let topology = state.topology
        send(.planned(Planner().plan(topology), of: topology, seconds: 0.001))
    }

    var status: String? { state.status?.text }
    var statusIsError: Bool { state.status?.kind == .error }
}

extension InMemoryTerminal {
    /// Queues `:` + `line` + Enter, as typed.
    func command(_ line: String) {
        type(":" + line)
        send([.key(.enter)])
    }
}
