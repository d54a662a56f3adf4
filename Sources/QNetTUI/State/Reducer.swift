import Foundation
import QNetModel

/// `reduce(into:_:)` before it asks for what-ifs: the state transition of `action` and its effects.
func reduceAction(into state: inout AppState, _ action: Action) -> [Effect] {
    switch action {
    case .key(let key):
        return finishDrag(&state) + reduceKey(into: &state, key)
    case .mouse(let event):
        return reduceMouse(into: &state, event)
    case .resize(let size):
        state.screenSize = size
        return []
    case .quit:
        guard state.isDirty else { return quitWithoutSaving(state) }
        state.mode = .confirmQuit
        state.status = StatusMessage(state.unsavedEditsText + ": save before quitting? y/n, other key stays", .warning)
        return []
    case .interrupt:
        // Outside the map and lists, Ctrl-C is Esc: it closes the command line, a form or the help, and answers
        // a question as Esc does (stay; decide about the autosave later).
        guard state.mode == .normal else { return reduceKey(into: &state, .escape) }
        return reduceAction(into: &state, .quit)
    case .save:
        return save(&state, to: nil)
    case .undo:
        return undo(&state)
    case .redo:
        return redo(&state)
    case .selectNext:
        moveSelection(&state, by: 1)
        return []
    case .selectPrevious:
        moveSelection(&state, by: -1)
        return []
    case .select(let selection):
        state.selection = selection
        state.inspectorScroll = 0
        return []
    case .scrollInspector(let rows):
        state.inspectorScroll = min(InspectorView.maxScroll(state), max(0, state.inspectorScroll + rows))
        return []
    case .pageInspector(let pages):
        return reduceAction(into: &state, .scrollInspector(pages * max(1, InspectorView.visibleRows(state) - 1)))
    case .focusNext:
        state.focus = state.focus.next
        return []
    case .focusPrevious:
        state.focus = state.focus.previous
        return []
    case .pan(let dx, let dy):
        state.holdMap()
        state.viewport = state.viewport.panned(dx: dx, dy: dy)
        return []
    case .moveNode(let dx, let dy):
        return moveSelectedNode(&state, dx: dx, dy: dy)
    case .zoomIn:
        state.holdMap()
        state.viewport = state.viewport.zoomedIn()
        return []
    case .zoomOut:
        state.holdMap()
        state.viewport = state.viewport.zoomedOut()
        return []
    case .fit:
        state.viewport = .fitted
        return []
    case .openCommandLine:
        state.mode = .command(CommandLineInput())
        return []
    case .editSelected:
        guard let selection = state.selection else {
            state.status = StatusMessage("select a node, link or demand to edit it (j/k, or click it)", .warning)
            return []
        }
        state.mode = .form(EditForm(record: selection))
        return []
    case .markSuggestion(let step):
        markSuggestion(&state, step: step)
        return []
    case .applySuggestion:
        return applySuggestion(&state)
    case .showHelp:
        state.mode = .help(scroll: 0)
        return []
    case .dismiss:
        if state.mode == .normal { state.selection = nil } else { state.mode = .normal }
        return []
    case .command(let line):
        return runCommandLine(into: &state, line)
    case .idle(let seconds):
        guard Autosave.isDue(state, idleSeconds: seconds), let autosave = state.autosavePath else { return [] }
        state.autosavedTopology = state.topology
        state.wroteAutosave = true
        return [.autosave(state.document, path: autosave)]
    case .analysed(let result, let demand, let topology):
        storeWhatIf(&state, result, demand: demand, topology: topology)
        return []
    case .failureAnalysed(let result, let element, let topology):
        guard topology == state.topology, state.selection?.failureElement == element else { return [] }
        state.failure = SelectedFailure(element: element, topology: topology, result: result)
        return []
    case .planned, .loaded, .newFile, .emptyFile, .saved, .wroteCopy, .changedOnDisk, .fileExists, .readOnly, .exported, .droppedTypedAhead, .failed, .autosaveFound,
         .autosaveHeldElsewhere, .autosaveUnreadable, .openedReadOnly:
        return reduceResult(into: &state, action)
    }
}

/// Replaces the topology by an edited one, keeping the old one for undo, and re-plans.
func applyEdit(_ state: inout AppState, _ outcome: TopologyEditor.Outcome) -> [Effect] {
    // An edit that changes nothing (a value set to what it was) leaves no undo step and plans nothing again.
    guard outcome.topology != state.topology else {
        state.selection = outcome.selection
        state.status = StatusMessage(outcome.message.hasSuffix("unchanged") ? outcome.message : outcome.message + " (unchanged)")
        return []
    }
    state.replaceTopology(withEdit: outcome.topology, label: outcome.message)
    state.selection = outcome.selection
    state.inspectorScroll = 0
    state.status = StatusMessage(outcome.message)
    // The edit's plan, when it arrives, tells what it adds to the notes of the plan before the edit (before the first
    // of several edits made before a plan arrived).
    if let before = state.editNotes?.before ?? state.planNotes, let status = state.status {
        state.editNotes = EditNotes(before: before, status: status)
    }
    if let errors = outcome.errors { state.validation = Validation(topology: outcome.topology, errors: errors) }
    return state.replan()
}

/// Whether two paths name the same file as written (`./v.yaml` and `v.yaml`, relative or absolute).
func samePath(_ a: String, _ b: String) -> Bool {
    a == b || URL(fileURLWithPath: a).standardizedFileURL.path == URL(fileURLWithPath: b).standardizedFileURL.path
}

/// Saves to `path`, or to the workbench's file when nil. A path naming another file than the workbench's is a save of
/// `other` kind: a copy (`:w FILE`) or a new name (`:saveas FILE`); a workbench with no file yet takes the one it saves to.
/// Whether such a path is a link to the workbench's file is the effect's to find out (`OwnFile`).
/// Unless `force`, the effect refuses to save to the workbench's file if another program changed it since it was
/// loaded or saved, and to another file that exists.
func save(_ state: inout AppState, to path: String?, force: Bool = false, other: SaveKind = .copy) -> [Effect] {
    guard let target = path ?? state.filePath else {
        state.quitAfterSave = false
        state.status = .error("no file name: use :w FILE")
        return []
    }
    let own = state.filePath.map { samePath(target, $0) }
    let check: SaveCheck = force ? .overwrite : own == true ? .unchangedSince(state.diskFingerprint) : .absent
    let kind: SaveKind = switch own {
    case true?: .file
    case false?: other
    case nil: other == .copy ? .file : other
    }
    let ownFile = own == false ? state.filePath.map { OwnFile(path: $0, fingerprint: state.diskFingerprint) } : nil
    return [.save(state.document, path: target, check: check, kind: kind, own: ownFile)]
}

private func undo(_ state: inout AppState) -> [Effect] {
    guard let label = state.stepBack() else {
        state.status = StatusMessage("nothing to undo", .warning)
        return []
    }
    keepSelectionValid(&state)
    state.status = StatusMessage("undone: \(label) (\(state.undoHistory.count) more to undo)")
    return state.replan()
}

private func redo(_ state: inout AppState) -> [Effect] {
    guard let label = state.stepForward() else {
        state.status = StatusMessage("nothing to redo", .warning)
        return []
    }
    keepSelectionValid(&state)
    state.status = StatusMessage("redone: \(label) (\(state.redoHistory.count) more to redo)")
    return state.replan()
}

/// Clears the selection when the selected item no longer exists.
func keepSelectionValid(_ state: inout AppState) {
    if let selection = state.selection, !selection.exists(in: state.topology) { state.selection = nil }
}

private func moveSelection(_ state: inout AppState, by step: Int) {
    let items = Selection.all(in: state.topology)
    guard !items.isEmpty else { return }
    state.inspectorScroll = 0
    guard let current = state.selection, let index = items.firstIndex(of: current) else {
        state.selection = step > 0 ? items.first : items.last
        return
    }
    state.selection = items[min(max(index + step, 0), items.count - 1)]
}

/// Quits, dropping the edits on purpose: their autosaves go too, and so does one of edits since undone
/// (`AppState.autosavesDroppedOnLeaving`).
func quitWithoutSaving(_ state: AppState) -> [Effect] {
    state.autosavesDroppedOnLeaving.map { .removeAutosave(path: $0) } + [.quit]
}
