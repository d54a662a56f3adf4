import QNetModel

/// Moves the selected node by `dx` columns east and `dy` rows north of the map
/// as drawn now (one cell per press, to the cell's centre, rounded to the map's
/// `moveResolutionKm`): one re-plan per press, and one undo step per run of presses on the same node.
func moveSelectedNode(_ state: inout AppState, dx: Int, dy: Int) -> [Effect] {
    guard case .node(let id)? = state.selection else {
        state.status = StatusMessage("select a node to move it (j/k, or click it)", .warning)
        return []
    }
    guard let position = state.topology.node(id)?.position else {
        state.status = .error("\(id) has no position to move: :set \(id).position {x: 0 km, y: 0 km}")
        return []
    }
    state.holdMap()
    let area = state.mapArea.isEmpty ? Rect(state.screenSize) : state.mapArea
    let projection = state.mapProjection(in: area)
    // To the centre of the cell dx columns and dy rows away, along the axis moved only.
    let here = MapPoint(position, referenceLatitude: projection.referenceLatitude)
    let cell = projection.cell(of: here)
    let centre = projection.point(atX: cell.x + dx, y: cell.y - dy)
    let target = MapPoint(x: dx == 0 ? here.x : centre.x, y: dy == 0 ? here.y : centre.y)
    do throws(CommandError) {
        let steps = state.undoHistory.count
        let notes = state.editNotes?.before ?? state.planNotes   // what `applyEdit` tells the plan's news against
        let effects = applyEdit(&state, try TopologyEditor.move(id, to: target, referenceLatitude: projection.referenceLatitude,
                                                                 resolutionKm: projection.moveResolutionKm, in: state.topology))
        if state.undoHistory.count > steps, let before = state.joinMove(of: id, notes: notes), let status = state.status {
            state.editNotes = EditNotes(before: before, status: status)
        }
        return effects
    } catch {
        state.status = .error(error.message)
        return []
    }
}

/// A drag step: the dragged node moves by as much as the mouse has from where the
/// button went down (the map is held still from the press on).
func dragNode(_ state: inout AppState, toX x: Int, y: Int) {
    guard let drag = state.drag, let position = drag.origin.node(drag.node)?.position else { return }
    let projection = state.mapProjection(in: state.mapArea)
    let start = MapPoint(position, referenceLatitude: projection.referenceLatitude)
    let target = MapPoint(x: start.x + Double(x - drag.startX) * projection.kmPerColumn,
                          y: start.y - Double(y - drag.startY) * 2 * projection.kmPerColumn)
    guard let outcome = try? TopologyEditor.move(drag.node, to: target, referenceLatitude: projection.referenceLatitude,
                                                 resolutionKm: projection.moveResolutionKm, in: drag.origin)
    else { return }
    state.topology = outcome.topology
    state.status = StatusMessage(outcome.message)
}

/// Ends a drag: a node that moved is one edit (undo puts it back where the drag began) and is re-planned.
func finishDrag(_ state: inout AppState) -> [Effect] {
    guard let drag = state.drag else { return [] }
    state.drag = nil
    guard state.topology != drag.origin else { return [] }
    // The drag moved the node in place: the edit is the topology as it stands, undone to where the drag began.
    state.replaceTopology(withEdit: state.topology, origin: drag.origin, label: state.status?.text ?? "moved \(drag.node)")
    return state.replan()
}
