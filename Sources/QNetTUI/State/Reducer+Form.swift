import QNetModel

/// Keys in the edit form: move between keys, type a value (refused in place
/// with the schema's reason), pick equipment (or make a new entry), open an
/// equipment entry, close.
func reduceFormKey(into state: inout AppState, _ form: EditForm, _ key: Key) -> [Effect] {
    var form = form
    guard let rows = TopologyEditor.rows(of: form.record, in: state.topology), !rows.isEmpty else {
        state.mode = .normal  // the record is gone (undone or deleted)
        return []
    }
    form.cursor = min(form.cursor, rows.count - 1)
    let row = rows[form.cursor]

    if let pick = form.pick {
        return reducePickKey(into: &state, form, pick, row: row, key)
    }
    if let field = form.input {
        return reduceInputKey(into: &state, form, field, row: row, key)
    }

    var effects: [Effect] = []
    switch key {
    case .down, .character("j"): form.cursor = min(rows.count - 1, form.cursor + 1)
    case .up, .character("k"): form.cursor = max(0, form.cursor - 1)
    case .pageDown: form.cursor = min(rows.count - 1, form.cursor + 10)
    case .pageUp: form.cursor = max(0, form.cursor - 10)
    case .enter, .character("e"):
        if let kind = row.picks {
            form.pick = EditForm.Pick(kind, library: kind.names(in: state.topology), current: row.value)
        } else {
            form.input = TextField(row.value ?? "")
        }
        form.error = nil
    case .delete, .character("d"):
        effects = applyFormEdit(&state, &form, key: row.key, text: nil)
    case .character("o"):
        guard let kind = row.picks, let name = row.effectiveName, kind.names(in: state.topology).contains(name) else {
            form.error = "o opens the equipment a source, detector or memory key names"
            break
        }
        state.mode = .form(EditForm(record: .equipment(kind, name), parent: EditForm.Parent(record: form.record, cursor: form.cursor)))
        return []
    case .character(":"):
        // A command typed on a form (QA: `:set L2.length 44 km` landed in the length field, `s` and `e` as form keys).
        state.mode = .command(CommandLineInput(form: form))
        return []
    case .escape, .character("q"):
        if let parent = form.parent {
            var back = EditForm(record: parent.record)
            back.cursor = parent.cursor
            state.mode = .form(back)
        } else {
            state.mode = .normal
        }
        return []
    default: break
    }
    state.mode = .form(form)
    return effects
}

/// Keys while a pick list is open: move, choose (an entry, none, or a new entry), cancel.
private func reducePickKey(into state: inout AppState, _ form: EditForm, _ pick: EditForm.Pick, row: FormRow,
                           _ key: Key) -> [Effect] {
    var form = form, pick = pick
    var effects: [Effect] = []
    switch key {
    case .down, .character("j"): pick.index = min(pick.names.count - 1, pick.index + 1)
    case .up, .character("k"): pick.index = max(0, pick.index - 1)
    case .escape, .character("q"):
        state.mode = .form(withPick(form, nil))
        return []
    case .enter:
        form.pick = nil
        guard pick.isNew, let kind = row.picks else {
            let name = pick.index == 0 ? nil : pick.names[pick.index]
            effects = applyFormEdit(&state, &form, key: row.key, text: name)
            state.mode = .form(form)
            return effects
        }
        return addPickedEquipment(into: &state, form, kind, key: row.key)
    default: break
    }
    state.mode = .form(withPick(form, pick))
    return effects
}

private func withPick(_ form: EditForm, _ pick: EditForm.Pick?) -> EditForm {
    var form = form
    form.pick = pick
    return form
}

/// "new …" in a pick list: a new entry with a fresh name, named by the key, its form
/// opened on its name, ready to be renamed (Enter keeps the name, Esc too).
private func addPickedEquipment(into state: inout AppState, _ form: EditForm, _ kind: EquipmentKind, key: String)
    -> [Effect]
{
    do throws(CommandError) {
        let (outcome, name) = try TopologyEditor.addEquipment(kind, pickedFor: form.record, key: key, in: state.topology)
        let selection = state.selection
        let effects = applyEdit(&state, outcome)
        state.selection = selection
        var child = EditForm(record: .equipment(kind, name), parent: EditForm.Parent(record: form.record, cursor: form.cursor))
        child.input = TextField(name)
        state.mode = .form(child)
        return effects
    } catch {
        state.mode = .form(withError(form, error.message))
        return []
    }
}

private func withError(_ form: EditForm, _ message: String) -> EditForm {
    var form = form
    form.error = message
    return form
}

/// Keys while a value is typed: edit the text, apply it (Enter), cancel (Esc).
private func reduceInputKey(into state: inout AppState, _ form: EditForm, _ field: TextField, row: FormRow,
                            _ key: Key) -> [Effect] {
    var form = form, field = field
    switch key {
    case .escape, .ctrl("c"):
        form.input = nil
        form.error = nil
        state.mode = .form(form)
        return []
    case .enter:
        let typed = field.text.trimmingCharacters(in: .whitespaces)
        let effects = applyFormEdit(&state, &form, key: row.key, text: typed.isEmpty ? nil : typed)
        state.mode = .form(form)
        return effects
    default:
        guard field.edit(key) else { return [] }
    }
    form.input = field
    form.error = nil
    state.mode = .form(form)
    return []
}

/// Applies a form's edit: on success one undo step and a re-plan, the cursor on
/// the key edited; refused, the form keeps the text and shows why. Renaming the record (a node's, link's or
/// demand's id, an entry's name) keeps the form, and the selection, on it.
private func applyFormEdit(_ state: inout AppState, _ form: inout EditForm, key: String, text: String?) -> [Effect] {
    do throws(CommandError) {
        let outcome = try TopologyEditor.set(form.record, key: key, to: text, in: state.topology)
        if outcome.topology == state.topology {  // e.g. a name typed unchanged
            form.input = nil
            form.error = nil
            return []
        }
        let selection = state.selection
        let effects = applyEdit(&state, outcome)
        let renamed = outcome.selection == form.record ? nil : outcome.selection  // the record under its new id or name
        state.selection = selection == form.record ? renamed ?? selection : selection
        if let renamed { form.record = renamed }
        // The keys listed follow the link's medium and protocol: the cursor stays on the key edited.
        if let row = TopologyEditor.rows(of: form.record, in: state.topology)?.firstIndex(where: { $0.key == key }) {
            form.cursor = row
        }
        keepSelectionValid(&state)
        form.input = nil
        form.error = nil
        return effects
    } catch {
        form.error = error.message
        return []
    }
}
