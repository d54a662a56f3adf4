import Foundation

/// Keys, interpreted according to the mode.
func reduceKey(into state: inout AppState, _ key: Key) -> [Effect] {
    switch state.mode {
    case .normal:
        guard let action = KeyBindings.action(for: key, focus: state.focus) else { return [] }
        return reduce(into: &state, action)
    case .command(let input):
        return reduceCommandKey(into: &state, input, key)
    case .help(let scroll):
        switch key {
        case .escape, .character("q"), .character("?"), .function(1), .enter:
            state.mode = .normal
        case .down, .character("j"): state.mode = .help(scroll: HelpScreen.clamped(scroll + 1, on: state.screenSize))
        case .up, .character("k"): state.mode = .help(scroll: HelpScreen.clamped(scroll - 1, on: state.screenSize))
        case .pageDown, .character(" "):
            state.mode = .help(scroll: HelpScreen.clamped(scroll + HelpScreen.page(on: state.screenSize), on: state.screenSize))
        case .pageUp:
            state.mode = .help(scroll: HelpScreen.clamped(scroll - HelpScreen.page(on: state.screenSize), on: state.screenSize))
        default: break
        }
        return []
    case .form(let form):
        return reduceFormKey(into: &state, form, key)
    case .confirmRestore(let found):
        // What was typed behind the answer was meant for the workbench before the question came up (a command typed
        // straight after opening): it goes, rather than run its rest as keys (`e` opening a form, `l` panning).
        return [.discardTypedAhead] + answerRestore(into: &state, found, key)
    case .confirmQuit:
        switch key {
        case .character("y"), .character("Y"):
            state.mode = .normal
            state.quitAfterSave = true
            return save(&state, to: nil)
        case .character("n"), .character("N"):
            return quitWithoutSaving(state)
        default:
            // Any other key stays: text typed by mistake (`q`, then `uantum`) must not reach the `n` that discards.
            state.mode = .normal
            state.status = StatusMessage("quit cancelled")
            return []
        }
    }
}

/// The answer `key` gives to the question that offers back the autosave `found`.
private func answerRestore(into state: inout AppState, _ found: FoundAutosave, _ key: Key) -> [Effect] {
    switch key {
    case .character("r"), .character("R"):
        state.mode = .normal
        // Many edits lie between the file and its autosave: no rename can be told from them, so the comments
        // stay under their names (those of items the autosave lacks are dropped when it is saved).
        let comments = state.comments
        state.replaceTopology(withEdit: found.topology, label: "restored the autosave")
        state.comments = comments
        state.restoredAutosave = true
        // Another workbench's, left when it ended: this one writes the edits to its own, and that one goes once
        // they are saved or dropped, as its own does.
        if found.path == state.autosavePath {
            state.autosavedTopology = found.topology
        } else {
            state.recoveredAutosave = found.path
        }
        keepSelectionValid(&state)
        state.status = StatusMessage("restored the autosave: :w to keep it, u to go back to the file"
                                     + keptWaiting(&state, as: "; kept for the next opening: "))
        return state.replan()
    case .character("d"), .character("D"):
        state.mode = .normal
        state.status = StatusMessage("discarded the autosave")
        if !state.autosavesWaiting.isEmpty { state.mode = .confirmRestore(state.autosavesWaiting.removeFirst()) }
        return [.removeAutosave(path: found.path)]
    default:
        // Esc and any other key decide later: text typed by mistake (`:del L1`) must not reach the `d` that discards.
        state.mode = .normal
        let more = state.autosavesWaiting.count
        state.autosavesWaiting = []
        var text = "kept \(found.name)" + (more == 0 ? "" : " (and \(more) more)") + " for later"
        // The usual autosave, which this workbench would overwrite: its edits go to an autosave of its own meanwhile,
        // named first, so that a narrow status line still shows where.
        if let own = found.ownWhileKept {
            state.ownAutosave = own
            state.keptAutosave = found.path
            text = "edits autosave to " + (own as NSString).lastPathComponent + "; " + text
        }
        state.status = StatusMessage(text, .warning)
        return []
    }
}

private func reduceCommandKey(into state: inout AppState, _ input: CommandLineInput, _ key: Key) -> [Effect] {
    var input = input
    // Opened from a form: back to it, unless the command opened something else or removed its record.
    func leave() {
        guard state.mode == .normal, let form = input.form, TopologyEditor.rows(of: form.record, in: state.topology) != nil
        else { return }
        state.mode = .form(form)
    }
    switch key {
    case .backspace where input.text.isEmpty, .escape, .ctrl("c"):
        state.mode = .normal
        leave()
        return []
    case .character:
        _ = input.field.edit(key)
        input.historyIndex = nil
    case .enter:
        state.mode = .normal
        let line = input.text
        if !line.isEmpty, state.commandHistory.last != line { state.commandHistory.append(line) }
        let effects = reduce(into: &state, .command(line))
        leave()
        return effects
    case .up:
        guard !state.commandHistory.isEmpty else { return [] }
        let index = max(0, (input.historyIndex ?? state.commandHistory.count) - 1)
        input = CommandLineInput(text: state.commandHistory[index], historyIndex: index, form: input.form)
    case .down:
        guard let index = input.historyIndex else { return [] }
        input = index + 1 < state.commandHistory.count
            ? CommandLineInput(text: state.commandHistory[index + 1], historyIndex: index + 1, form: input.form)
            : CommandLineInput(form: input.form)
    default:
        guard input.field.edit(key) else { return [] }
    }
    state.mode = .command(input)
    return []
}

/// The names of the autosaves still waiting to be offered, after `lead` (nothing when none wait), which are kept on
/// disk and no longer wait: the next opening of the file offers them.
private func keptWaiting(_ state: inout AppState, as lead: String) -> String {
    defer { state.autosavesWaiting = [] }
    guard !state.autosavesWaiting.isEmpty else { return "" }
    return lead + state.autosavesWaiting.map(\.name).joined(separator: ", ")
}
