import Foundation
import QNetFormats

/// Runs one `:` command line: parse errors and refused edits go to the status line.
func runCommandLine(into state: inout AppState, _ line: String) -> [Effect] {
    switch CommandParser.parse(line) {
    case .failure(let error):
        state.status = .error(error.message)
        return []
    case .success(let command):
        do throws(CommandError) {
            return try run(command, into: &state)
        } catch {
            state.status = .error(error.message)
            return []
        }
    }
}

private func run(_ command: Command, into state: inout AppState) throws(CommandError) -> [Effect] {
    let topology = state.topology
    switch command {
    case .write(let path, let force):
        return save(&state, to: path, force: force, other: .copy)
    case .saveAs(let path, let force):
        return save(&state, to: path, force: force, other: .saveAs)
    case .writeQuit(let force):
        state.quitAfterSave = true
        return save(&state, to: nil, force: force)
    case .quit(let force):
        if force || !state.isDirty { return quitWithoutSaving(state) }
        throw CommandError.refused("unsaved edits: :w to save, :q! to quit without saving")
    case .edit(let path, let force):
        guard let target = path ?? state.filePath else { throw CommandError("usage: :e FILE") }
        if state.isDirty, !force {
            throw CommandError.refused("unsaved edits: :w first, or \(path.map { ":e! \($0)" } ?? ":e!") to drop them")
        }
        // Edits dropped on purpose (:e!) take their autosave with them, as :q! does, once the file opens; so do
        // edits since undone.
        state.autosavesToDropOnOpen = state.autosavesDroppedOnLeaving
        return [.open(path: target)]
    case .export(let path, let force):
        let ext = (path as NSString).pathExtension
        guard let format = ReportFormat(fileExtension: ext) else {
            // Named by the extension it has, or by its name when it has none (`:export reports`).
            let named = ext.isEmpty ? (path as NSString).lastPathComponent : "." + ext
            throw CommandError("cannot export '\(named)': name a file ending in .md, .json or .csv")
        }
        // A report this workbench exported is replaced without asking (unless made read-only since): exporting again
        // is what one does after edits.
        let check: SaveCheck = force ? .overwrite : state.exportedPaths.contains(path) ? .replace : .absent
        return [.export(topology, path: path, format: format, check: check)]
    case .select(let id):
        let (selection, rest) = try Selection.resolve(id.rawValue.components(separatedBy: "."), in: topology)
        guard rest.isEmpty else { throw CommandError("usage: :select ID (a node, link, demand, equipment entry or defaults)") }
        state.selection = selection
        state.inspectorScroll = 0
        state.status = StatusMessage("selected " + selection.title.prefix(1).lowercased() + selection.title.dropFirst())
        return []
    case .set(let id, let keyPath, let value):
        var outcome = try TopologyEditor.set(id, keyPath: keyPath, to: value, in: topology)
        // A selected demand stays selected: its inspector (rate, what-ifs) shows what the edit did to it (QA: trying
        // `:set R1.cutoff_time …` on a demand's bottleneck took its what-ifs off the screen).
        if case .demand(let demand)? = state.selection, outcome.topology.demands.contains(where: { $0.resolvedID == demand }) {
            outcome.selection = state.selection
        }
        return applyEdit(&state, outcome)
    case .addNode(let id, let kind, let x, let y, let altitude):
        return applyEdit(&state, try TopologyEditor.addNode(id, kind: kind, x: x, y: y, altitude: altitude, to: topology))
    case .addLink(let id, let from, let to, let medium, let length):
        return applyEdit(&state, try TopologyEditor.addLink(id, from: from, to: to, medium: medium, length: length,
                                                            to: topology))
    case .setTopology(let key, let text):
        var outcome = TopologyEditor.set(key, to: text, in: topology)
        outcome.selection = state.selection
        return applyEdit(&state, outcome)
    case .addDemand(let from, let to, let rate, let id):
        return applyEdit(&state, try TopologyEditor.addDemand(from: from, to: to, rate: rate, id: id, to: topology))
    case .addEquipment(let kind, let name, let model):
        return applyEdit(&state, try TopologyEditor.addEquipment(kind, name, model: model, to: topology))
    case .delete(let id):
        return applyEdit(&state, try TopologyEditor.delete(id, from: topology))
    case .undo:
        return reduce(into: &state, .undo)
    case .redo:
        return reduce(into: &state, .redo)
    }
}
