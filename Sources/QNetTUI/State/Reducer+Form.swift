import QNetModel

/// Keys in the edit form: move between keys, type a value (refused in place
/// with the schema's reason), pick equipment, open an equipment entry, close.
func reduceFormKey(into state: inout AppState, _ form: EditForm, _ key: Key) -> [Effect] {
    var form = form
    guard let rows = TopologyEditor.rows(of: form.record, in: state.topology), !rows.isEmpty else {
        state.mode = .normal  // the record is gone (undone or deleted)
        return []
    }
    form.cursor = min(form.cursor, rows.count - 1)
    let row = rows[form.cursor]
    var effects: [Effect] = []

    if var pick = form.pick {
        switch key {
        case .down, .character("j"): pick.index = min(pick.names.count - 1, pick.index + 1)
        case .up, .character("k"): pick.index = max(0, pick.index - 1)
        case .escape, .character("q"): form.pick = nil
        case .enter:
            form.pick = nil
            let name = pick.index == 0 ? nil : pick.names[pick.index]
            effects = applyFormEdit(&state, &form, key: row.key, text: name)
        default: break
        }
        if form.pick != nil { form.pick = pick }
        state.mode = .form(form)
        return effects
    }

    if var text = form.input {
        switch key {
        case .character(let character): text.append(character)
        case .backspace: if !text.isEmpty { text.removeLast() }
        case .ctrl("u"): text = ""
        case .escape, .ctrl("c"):
            form.input = nil
            form.error = nil
            state.mode = .form(form)
            return []
        case .enter:
            let typed = text.trimmingCharacters(in: .whitespaces)
            effects = applyFormEdit(&state, &form, key: row.key, text: typed.isEmpty ? nil : typed)
            state.mode = .form(form)
            return effects
        default: break
        }
        form.input = text
        form.error = nil
        state.mode = .form(form)
        return []
    }

    switch key {
    case .down, .character("j"): form.cursor = min(rows.count - 1, form.cursor + 1)
    case .up, .character("k"): form.cursor = max(0, form.cursor - 1)
    case .pageDown: form.cursor = min(rows.count - 1, form.cursor + 10)
    case .pageUp: form.cursor = max(0, form.cursor - 10)
    case .enter, .character("e"):
        if let kind = row.picks {
            let names = ["(none)"] + kind.names(in: state.topology)
            form.pick = EditForm.Pick(names: names, index: row.value.flatMap { names.firstIndex(of: $0) } ?? 0)
        } else {
            form.input = row.value ?? ""
        }
        form.error = nil
    case .delete, .character("d"):
        effects = applyFormEdit(&state, &form, key: row.key, text: nil)
    case .character("o"):
        guard let kind = row.picks, let name = row.value, kind.names(in: state.topology).contains(name) else {
            form.error = "o opens the equipment a source, detector or memory key names"
            break
        }
        var child = EditForm(record: .equipment(kind, name), parent: form.record)
        child.cursor = 0
        state.mode = .form(child)
        return []
    case .escape, .character("q"):
        if let parent = form.parent {
            state.mode = .form(EditForm(record: parent))
        } else {
            state.mode = .normal
        }
        return []
    default: break
    }
    state.mode = .form(form)
    return effects
}

/// Applies a form's edit: on success one undo step and a re-plan; refused, the
/// form keeps the text and shows why.
private func applyFormEdit(_ state: inout AppState, _ form: inout EditForm, key: String, text: String?) -> [Effect] {
    do throws(CommandError) {
        let outcome = try TopologyEditor.set(form.record, key: key, to: text, in: state.topology)
        let selection = state.selection
        let effects = applyEdit(&state, outcome)
        state.selection = selection
        keepSelectionValid(&state)
        form.input = nil
        form.error = nil
        if case .node(let id) = form.record, key == "id" { form.record = .node(Identifier(text ?? id.rawValue)) }
        if case .link(let id) = form.record, key == "id" { form.record = .link(Identifier(text ?? id.rawValue)) }
        return effects
    } catch {
        form.error = error.message
        return []
    }
}
