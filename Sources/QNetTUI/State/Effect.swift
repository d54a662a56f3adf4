import QNetFormats
import QNetModel
import QNetPlanner

/// A side effect the reducer asks for; `EffectRunner` performs it and answers
/// with actions (`.saved`, `.loaded`, `.planned`, `.failed`…).
public enum Effect: Sendable, Hashable {
    /// Write `document` to `path`; its comments go back in their places. `check` says whether a file changed by
    /// another program may be replaced; `kind`, whether the path becomes the workbench's file or holds a copy. `own` is
    /// the workbench's file when `path` names another as written: should it be the same file (a link to it), the save
    /// is an ordinary save of that file.
    case save(TopologyDocument, path: String, check: SaveCheck, kind: SaveKind = .file, own: OwnFile? = nil)
    /// Read the topology at `path` and edit it; without a file there, start a new one.
    case open(path: String)
    /// Plan `topology` and write its report to `path` in `format` (the one the path's extension names); `check` is
    /// `.overwrite`, `.replace` or `.absent`.
    case export(Topology, path: String, format: ReportFormat, check: SaveCheck)
    /// Plan `topology` again. The reducer asks only for valid topologies (`AppState.replan()`):
    /// the planner needs one.
    case replan(Topology)
    /// Compute the what-ifs of `demand` in `topology` (the selected demand's, for the inspector); the reducer
    /// asks only for a topology that has a plan, so a valid one.
    case analyseDemand(Topology, demand: Identifier)
    /// Compute what the failure of `element` does to every demand of `topology` (the selected node's or link's, for
    /// the inspector); asked, as `analyseDemand` is, only for a topology that has a plan.
    case analyseFailure(Topology, element: NetworkElement)
    /// Write `document` to the autosave file `path` (atomically).
    case autosave(TopologyDocument, path: String)
    /// Claim the autosaves of the file at `path` and offer back those that wait: its usual one (unless another
    /// workbench holds it), whether or not the file is newer, and those of workbenches that ended.
    case checkAutosave(path: String)
    /// Look whether the file at `path`, just opened, is read-only (`ReadOnlyFile`), to say so on the status line.
    case checkReadOnly(path: String)
    /// Remove the autosave file `path`, if there is one.
    case removeAutosave(path: String)
    /// Forget the input typed ahead and not read yet (`Terminal.discardTypedAhead()`): the event loop's business,
    /// as `.quit` is; it answers with `.droppedTypedAhead` when keys were among it.
    case discardTypedAhead
    /// Leave the workbench.
    case quit
}
