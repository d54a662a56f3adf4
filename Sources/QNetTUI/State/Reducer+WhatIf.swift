import QNetModel
import QNetPlanner

/// The workbench's one state transition: applies `action` to `state` and
/// returns the side effects to run. Pure: no input, output or clock.
///
/// After every action, a selected demand whose what-ifs are not known for
/// the current topology asks for them (`Effect.analyseDemand`), so they are
/// computed for the selected demand only, once per edit.
public func reduce(into state: inout AppState, _ action: Action) -> [Effect] {
    let effects = reduceAction(into: &state, action)
    guard case .demand(let id)? = state.selection, state.plan != nil,
          state.whatIf?.answers(id, in: state.topology) != true else { return effects }
    return effects + [.analyseDemand(state.topology, demand: id)]
}

/// Keeps the what-ifs of `demand` in `topology` when they answer the current selection.
func storeWhatIf(_ state: inout AppState, _ result: DemandWhatIf?, demand: Identifier, topology: Topology) {
    guard topology == state.topology, state.selection == .demand(demand) else { return }
    state.whatIf = SelectedWhatIf(demand: demand, topology: topology, result: result)
}
