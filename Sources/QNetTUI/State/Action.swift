import QNetFormats
import QNetModel
import QNetPlanner

/// Everything that can happen to the workbench: input, named requests (what
/// key bindings map to), and the results of effects.
public enum Action: Sendable, Hashable {
    // MARK: Input
    /// A key press, interpreted according to the mode.
    case key(Key)
    /// A mouse action at a cell.
    case mouse(MouseEvent)
    /// The terminal has a new size.
    case resize(Size)

    // MARK: Requests
    /// Quit, asking first when there are unsaved edits.
    case quit
    /// Ctrl-C: Esc in the command line, a form, the help or a question; with none open, a request to quit (`quit`).
    case interrupt
    /// Save to the current file.
    case save
    case undo
    case redo
    case selectNext
    case selectPrevious
    /// Select an item, or clear the selection.
    case select(Selection?)
    case focusNext
    /// Scroll the inspector by this many rows (down positive).
    case scrollInspector(Int)
    /// Scrolls the inspector by this many pages (its visible rows, less one kept for context).
    case pageInspector(Int)
    case focusPrevious
    /// Pan the map by steps of a tenth of the view (east and north positive).
    case pan(dx: Int, dy: Int)
    /// Move the selected node by cells of the map (east and north positive).
    case moveNode(dx: Int, dy: Int)
    case zoomIn
    case zoomOut
    /// Show every node.
    case fit
    /// Start typing a `:` command.
    case openCommandLine
    case showHelp
    /// Open the edit form of the selected node, link or demand.
    case editSelected
    /// Mark the selected demand's next (positive) or previous what-if suggestion.
    case markSuggestion(Int)
    /// Apply the selected demand's marked what-if suggestion as one edit.
    case applySuggestion
    /// Close the help screen or question, cancel the command line, or clear the selection.
    case dismiss
    /// Run a command line (the text after `:`).
    case command(String)

    /// No input for `seconds` (the event loop reports this while waiting).
    case idle(seconds: Double)

    // MARK: Results of effects
    /// An autosave of the file just opened (or saved under a new name) was found and read.
    case autosaveFound(FoundAutosave)
    /// Another workbench has the file at `path` open and keeps its autosave: this one keeps its own, at `own`.
    case autosaveHeldElsewhere(path: String, own: String)
    /// The usual autosave at `path` could not be read (`reason`): it is kept as it is, and this workbench's edits
    /// autosave to `own`, as while an offered one is kept undecided.
    case autosaveUnreadable(path: String, own: String, reason: String)
    /// The file at `path`, just opened, is read-only: a save is refused unless forced (`:w!`).
    case openedReadOnly(path: String)
    /// A plan of `topology` took `seconds`.
    case planned(Plan, of: Topology, seconds: Double)
    /// The what-ifs of `demand` in `topology` (nil: it has no such demand).
    case analysed(DemandWhatIf?, demand: Identifier, of: Topology)
    /// What the failure of `element` in `topology` does to the demands (nil: it has no such node or link).
    case failureAnalysed(ElementFailure?, element: NetworkElement, of: Topology)
    /// The file at `path` was read: its topology and its comments, and the fingerprint of its bytes.
    case loaded(TopologyDocument, path: String, fingerprint: FileFingerprint?)
    /// There is no file at `path`: edit a new, empty topology to be saved there.
    case newFile(path: String)
    /// The file at `path` holds no topology (it is empty, or holds only `comments`), and bytes of `fingerprint`: edit
    /// a new, empty topology to be saved there, as for `newFile`, the comments at its top.
    case emptyFile(path: String, comments: TopologyComments, fingerprint: FileFingerprint?)
    /// `topology` was written to `path`, which now holds bytes of `fingerprint`.
    case saved(Topology, path: String, fingerprint: FileFingerprint?)
    /// A copy of `topology` was written to `path` (`:w FILE`); the workbench stays on its file.
    case wroteCopy(Topology, path: String)
    /// A save to `path` was refused: another program changed the file since the workbench read or wrote it (`readOnly`:
    /// and the file is read-only, which :w! writes over too).
    case changedOnDisk(path: String, readOnly: Bool = false)
    /// A save or an export to `path` was refused: a file is there, and `retry` is the command that replaces it.
    case fileExists(path: String, retry: String)
    /// A save or an export to `path` was refused: its user made the file read-only, and `retry` is the command that
    /// writes it anyway.
    case readOnly(path: String, retry: String)
    /// A report was written to `path`.
    case exported(path: String)
    /// The input typed behind a question's answer was dropped (`Effect.discardTypedAhead`), `keys` keys among it.
    case droppedTypedAhead(keys: Int)
    /// An effect failed; the message says why.
    case failed(String)
}
