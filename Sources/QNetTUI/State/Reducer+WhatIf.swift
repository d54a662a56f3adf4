import QNetModel
import QNetPlanner

/// The workbench's one state transition: applies `action` to `state` and
/// returns the side effects to run. Pure: no input, output or clock.
///
/// After every action, a selected demand whose what-ifs are not known for
/// the current topology asks for them (`Effect.analyseDemand`), so they are
/// computed for the selected demand only, once per edit; a selected node or
/// link likewise asks what its failure does to the demands
/// (`Effect.analyseFailure`).
public func reduce(into state: inout AppState, _ action: Action) -> [Effect] {
    let effects = reduceAction(into: &state, action)
    guard state.plan != nil, let selection = state.selection else { return effects }
    if case .demand(let id) = selection, state.whatIf?.answers(id, in: state.topology) != true {
        return effects + [.analyseDemand(state.topology, demand: id)]
    }
    if let element = selection.failureElement, state.failure?.answers(element, in: state.topology) != true {
        return effects + [.analyseFailure(state.topology, element: element)]
    }
    return effects
}

/// Keeps the what-ifs of `demand` in `topology` when they answer the current selection.
func storeWhatIf(_ state: inout AppState, _ result: DemandWhatIf?, demand: Identifier, topology: Topology) {
    guard topology == state.topology, state.selection == .demand(demand) else { return }
    state.whatIf = SelectedWhatIf(demand: demand, topology: topology, result: result)
}

/// Marks the selected demand's suggestion `step` places after (before, when negative) the marked one, within the list.
func markSuggestion(_ state: inout AppState, step: Int) {
    guard let whatIf = current(&state), let count = whatIf.result?.suggestions.count, count > 0 else { return }
    let marked = min(max(0, whatIf.marked + step), count - 1)
    state.whatIf?.marked = marked
    state.status = StatusMessage("suggestion \(marked + 1) of \(count) marked: a applies it")
}

/// Applies the selected demand's marked suggestion, its edits (`SuggestedEdit`, those its `changes` say) as one edit:
/// one undo step and a re-plan. Only what-ifs computed for the topology as it is now are applied: those of the
/// topology before an edit are not (the status line says so).
func applySuggestion(_ state: inout AppState) -> [Effect] {
    guard let whatIf = current(&state) else { return [] }
    guard let suggestion = whatIf.markedSuggestion else {
        state.status = StatusMessage("\(whatIf.demand) has no suggestion to apply", .warning)
        return []
    }
    do throws(CommandError) {
        return applyEdit(&state, try TopologyEditor.apply(suggestion, for: whatIf.demand, to: state.topology))
    } catch {
        state.status = .error(error.message)
        return []
    }
}

/// The what-ifs of the selected demand, when they are those of the topology as it is now; else nil, the status line
/// saying why (no demand selected, still computing, or computed before the last edit).
private func current(_ state: inout AppState) -> SelectedWhatIf? {
    guard case .demand(let id)? = state.selection else {
        state.status = StatusMessage("select a demand: its inspector ends with what-if suggestions, a applies one", .warning)
        return nil
    }
    guard let whatIf = state.whatIf, whatIf.demand == id, whatIf.result != nil else {
        state.status = StatusMessage("the what-ifs of \(id) are still being computed: apply once they show", .warning)
        return nil
    }
    guard whatIf.topology == state.topology else {
        state.status = StatusMessage("the suggestions of \(id) were computed before the last edit: wait for those of the "
                                     + "network as it is now (computing…)", .warning)
        return nil
    }
    return whatIf
}
