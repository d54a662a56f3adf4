import Foundation
import QNetModel

/// The answers of effects: plans, loads, saves, exports and failures.
func reduceResult(into state: inout AppState, _ action: Action) -> [Effect] {
    switch action {
    case .planned(let plan, let topology, let seconds):
        guard topology == state.topology else { return [] }  // an older topology's plan
        state.plan = plan
        state.planSeconds = seconds
        let notes = PlanNotes(plan, of: topology)
        // Told while the status line still shows what the edit did, after it.
        if let edit = state.editNotes, state.status == edit.status, let news = edit.status(adding: notes.added(since: edit.before)) {
            state.status = news
        }
        state.planNotes = notes
        state.editNotes = nil
        return []
    case .loaded(let document, let path, let fingerprint):
        let topology = document.topology
        let dropped = droppedAutosave(state)
        state = state.reopened(topology, filePath: path)
        state.diskFingerprint = fingerprint
        state.comments = document.comments
        state.status = StatusMessage("opened \(path): \(topology.summary)")
        let effects = state.replan() + dropped + [.checkReadOnly(path: path), .checkAutosave(path: path)]
        if !state.errors.isEmpty {
            let count = state.errors.count
            state.status = StatusMessage("opened \(path): \(topology.summary); \(count) error\(count == 1 ? "" : "s") keep\(count == 1 ? "s" : "") "
                                         + "it from being planned (see the inspector)", .warning)
        }
        return effects
    case .newFile(let path):
        let dropped = droppedAutosave(state)
        state = state.reopened(Topology(name: AppState.topologyName(forFile: path)), filePath: path)
        state.status = StatusMessage("new file \(path): :add node ID KIND X Y to begin (? shows how)")
        return state.replan() + dropped + [.checkAutosave(path: path)]
    case .emptyFile(let path, let comments, let fingerprint):
        let dropped = droppedAutosave(state)
        state = state.reopened(Topology(name: AppState.topologyName(forFile: path)), filePath: path)
        state.comments = comments
        state.diskFingerprint = fingerprint
        state.status = StatusMessage("\(path) was empty: a new network; :add node ID KIND X Y to begin (? shows how)")
        return state.replan() + dropped + [.checkReadOnly(path: path), .checkAutosave(path: path)]
    case .autosaveFound(let found):
        guard found.topology != state.topology else { return [.removeAutosave(path: found.path)] }
        // Several found: one question at a time, the others waiting for it to be answered.
        if case .confirmRestore = state.mode {
            state.autosavesWaiting.append(found)
        } else {
            state.mode = .confirmRestore(found)
        }
        return []
    case .autosaveUnreadable(let path, let own, let reason):
        state.ownAutosave = own
        state.keptAutosave = path
        // What the workbench does first, the reason last: a narrow status line cuts the reason.
        state.status = StatusMessage("edits autosave to \((own as NSString).lastPathComponent); kept "
                                     + "\((path as NSString).lastPathComponent), which does not read: \(reason)", .error)
        return []
    case .autosaveHeldElsewhere(_, let own):
        state.ownAutosave = own
        // Before what the opening or the save said (the errors that keep the file from being planned, say), and short:
        // an 80-column status line shows the autosave's whole name (the title bar names the file).
        state.status = StatusMessage("open in another workbench: autosaving to " + (own as NSString).lastPathComponent
                                     + (state.status.map { "; " + $0.text } ?? ""), .warning)
        return []
    case .openedReadOnly(let path):
        // Before what the opening said (the errors that keep the file from being planned, say), and short, as a
        // narrow status line cuts the end; the title bar names the file.
        guard path == state.filePath else { return [] }
        state.status = StatusMessage("read-only: :w! writes it anyway" + (state.status.map { "; " + $0.text } ?? ""),
                                     .warning)
        return []
    case .saved(let topology, let path, let fingerprint):
        state.savedTopology = topology
        state.diskFingerprint = fingerprint
        state.comments = state.comments.keepingItems(of: topology)  // the file no longer has those of deleted items
        // The edits are in the file now: the autosaves that held them go; not one kept undecided, nor the usual
        // autosave of a file saved under a new name, which is looked for and offered as on opening.
        var effects: [Effect] = state.editAutosaves.map { .removeAutosave(path: $0) }
        // `./v.yaml` for `v.yaml` is no new name (second reader: it dropped the autosaves the workbench holds).
        let renamed = !(state.filePath.map { samePath(path, $0) } ?? false)
        // Short enough for a narrow status line to show the autosave still kept.
        state.status = StatusMessage(state.keptAutosave.map {
            "wrote \((path as NSString).lastPathComponent); still kept for later: \(($0 as NSString).lastPathComponent)"
        } ?? "wrote \(path): \(topology.summary)")
        if renamed { state.filePath = path }
        state.autosavedTopology = nil
        (state.wroteAutosave, state.restoredAutosave) = (false, false)
        state.recoveredAutosave = nil
        if renamed {
            state.ownAutosave = nil
            state.keptAutosave = nil
            effects.append(.checkAutosave(path: path))
        }
        if state.quitAfterSave {
            state.quitAfterSave = false
            return effects + [.quit]
        }
        return effects
    case .wroteCopy(let topology, let path):
        // Where the workbench stays comes before the copy's summary, which a narrow status line cuts first.
        let file = state.filePath.map { ($0 as NSString).lastPathComponent } ?? "its network"
        state.status = StatusMessage("wrote a copy to \(path), still editing \(file)"
                                     + (state.isDirty ? " (\(state.unsavedEditsText))" : "")
                                     + "; the copy: \(topology.summary)")
        return []
    case .changedOnDisk(let path, let readOnly):
        state.quitAfterSave = false
        // The ways out first, so that a narrow status line still shows them; :w! also writes over a read-only file.
        state.status = .error(":w! overwrites, :e! reloads (your edits are lost): \((path as NSString).lastPathComponent) "
                              + "changed on disk since it was opened or saved" + (readOnly ? ", and is read-only" : ""))
        return []
    case .exported(let path):
        state.exportedPaths.insert(path)
        state.status = StatusMessage("exported \(path)")
        return []
    case .fileExists(let path, let retry):
        state.quitAfterSave = false
        state.status = .error("\(retry) replaces it: \((path as NSString).lastPathComponent) is there already, not overwritten")
        return []
    case .readOnly(let path, let retry):
        state.quitAfterSave = false
        state.status = .error("\((path as NSString).lastPathComponent) is read-only: \(retry) to write it anyway")
        return []
    case .droppedTypedAhead(let keys):
        // Before what the answer did, and short: the keys that did nothing are what the user looks for first.
        let dropped = "dropped \(keys) key\(keys == 1 ? "" : "s") typed after the answer"
        state.status = StatusMessage(dropped + (state.status.map { "; " + $0.text } ?? ""), state.status?.kind ?? .info)
        return []
    case .failed(let message):
        state.quitAfterSave = false
        state.autosavesToDropOnOpen = []   // an :e! that failed keeps the edits, and so their autosaves
        state.status = .error(message)
        return []
    default:
        return []
    }
}

/// The removal of the autosaves that an `:e!` dropped, once the file it asked for has opened (before the new
/// file's own autosave is looked for: reloading the same file must not find the dropped edits).
private func droppedAutosave(_ state: AppState) -> [Effect] {
    state.autosavesToDropOnOpen.map { .removeAutosave(path: $0) }
}

extension AppState {
    /// A fresh state for `topology` in the file at `filePath` (`:e`), keeping what belongs to the workbench rather than
    /// the file: the screen size, the command history (↑ recalls commands typed before `:e`, as in vim) and the
    /// reports it exported.
    func reopened(_ topology: Topology, filePath: String) -> AppState {
        var next = AppState(topology: topology, filePath: filePath, screenSize: screenSize)
        next.commandHistory = commandHistory
        next.exportedPaths = exportedPaths
        return next
    }
}
