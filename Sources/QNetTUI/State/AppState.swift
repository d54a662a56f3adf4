import Foundation
import QNetFormats
import QNetModel
import QNetPlanner

/// Everything the workbench shows and remembers, as one value: the reducer
/// turns one state into the next, and views draw a state.
public struct AppState: Sendable, Hashable {
    /// The network being edited.
    public var topology: Topology
    /// The comments of the file it was loaded from, saved back with it; edits that rename
    /// an item carry its comments along (`replaceTopology(with:)`).
    public var comments = TopologyComments()
    /// The plan of `topology`, once computed; nil before the first plan.
    public var plan: Plan?
    /// How long the latest plan took, in seconds.
    public var planSeconds: Double?
    /// What the planner said of the latest plan, to tell after an edit what the edit's plan adds.
    var planNotes: PlanNotes?
    /// The edit whose plan is still to come, with the notes of the plan before it.
    var editNotes: EditNotes?
    /// The what-ifs of the selected demand, once computed.
    public var whatIf: SelectedWhatIf?
    /// What the failure of the selected node or link does to the demands, once computed.
    public var failure: SelectedFailure?
    /// The selected node, link or demand.
    public var selection: Selection?
    /// The pane that has the focus.
    public var focus: Pane = .map
    /// Rows of the inspector scrolled out of view at the top.
    public var inspectorScroll = 0
    /// The part of the map shown.
    public var viewport: Viewport = .fitted
    /// Earlier states, most recent last; undo pops from here. Unlimited.
    var undoHistory: [HistoryEntry] = []
    /// States undone, most recent last; redo pops from here.
    var redoHistory: [HistoryEntry] = []
    /// The topologies of `undoHistory`, most recent last.
    public var undoStack: [Topology] { undoHistory.map(\.topology) }
    /// The topologies of `redoHistory`, most recent last.
    public var redoStack: [Topology] { redoHistory.map(\.topology) }
    /// The file the topology is saved to; nil until named with `:w FILE` or `:saveas FILE`.
    public var filePath: String?
    /// The topology as last loaded or saved, to tell whether there are unsaved edits.
    public var savedTopology: Topology
    /// What `filePath` held when last loaded or saved (nil: there was no file), so that a save
    /// does not replace what another program wrote there since.
    public var diskFingerprint: FileFingerprint?
    /// The reports this workbench exported: `:export` replaces them without `!`.
    public var exportedPaths: Set<String> = []
    /// The message on the status line.
    public var status: StatusMessage?
    /// What keys do right now.
    public var mode: Mode = .normal
    /// Command lines run, oldest first (Up/Down in the command line).
    public var commandHistory: [String] = []
    /// The terminal's size, for laying out panes and hit-testing the mouse.
    public var screenSize: Size
    /// Quit once the save in progress succeeds (`:wq`, or `y` when asked).
    public var quitAfterSave = false
    /// The autosaves of edits dropped with `:e!`: removed once the file asked for opens, kept if it fails to
    /// (the edits are still there then).
    public var autosavesToDropOnOpen: [String] = []
    /// The node being dragged with the mouse, while the button is held.
    public var drag: NodeDrag?
    /// The topology last written to the autosave file, so that it is written once per state of edits.
    public var autosavedTopology: Topology?
    /// Whether this workbench has written its autosave since it opened or last saved, and restored none: once its
    /// edits are all undone, the autosave holds only edits the user took back, which a quit or `:e` removes (QA: one
    /// was offered back at the next opening). One it restored stays unless dropped on purpose (a second reader:
    /// restore, `u`, `q` lost the recovered edits).
    public var wroteAutosave = false
    /// Whether this workbench restored an autosave since it opened or last saved.
    public var restoredAutosave = false
    /// This workbench's own autosave, when another workbench on the same file keeps the usual one, or the user kept
    /// the usual one undecided (`keptAutosave`).
    public var ownAutosave: String?
    /// The usual autosave, offered on opening and kept undecided ("decide later"): this workbench neither writes nor
    /// removes it, not even when it saves (its own edits go to `ownAutosave`), and the next opening offers it again.
    public var keptAutosave: String?
    /// Autosaves found on opening while another was being offered: offered in turn as each is discarded.
    public var autosavesWaiting: [FoundAutosave] = []
    /// The autosave another workbench left whose edits were restored: removed with this workbench's own when the
    /// edits are saved or dropped.
    public var recoveredAutosave: String?
    /// The last validation of a topology, kept so that each state of edits is validated once (see `errors`).
    public var validation: Validation?

    /// A workbench on `topology`, saved as `filePath`, as last written to disk.
    public init(topology: Topology, filePath: String? = nil, screenSize: Size = Size(width: 80, height: 24)) {
        self.topology = topology
        self.savedTopology = topology
        self.filePath = filePath
        self.screenSize = screenSize
    }

    /// The name a new topology saved as `path` takes: the file's name without `.yaml`/`.yml` and `.qnet`.
    public static func topologyName(forFile path: String) -> String {
        var name = (path as NSString).lastPathComponent
        for suffix in [".yaml", ".yml", ".qnet"] where name.hasSuffix(suffix) && name.count > suffix.count {
            name.removeLast(suffix.count)
        }
        return name
    }

    /// The topology with its file's comments, as it is saved.
    public var document: TopologyDocument { TopologyDocument(topology: topology, comments: comments) }

    /// Puts the edited `next` in place of the topology, keeping the old one (`origin` when given: where a drag
    /// began) for undo with what the edit did (`label`), and moving the comments of items the edit renamed to their new names.
    mutating func replaceTopology(withEdit next: Topology, origin: Topology? = nil, label: String) {
        undoHistory.append(HistoryEntry(topology: origin ?? topology, comments: comments, label: label))
        redoHistory.removeAll()
        comments = comments.following(renamesFrom: topology, to: next)
        topology = next
    }

    /// Makes the edit just made, a Shift+arrow move of node `id` made with the plan notes `notes` before it, one undo
    /// step with the moves of `id` right before it (QA: 21 presses were 21 steps), and marks it as such; returns the
    /// notes before the first move of the run, against which its plan's news are told (QA: a warning the run brought
    /// at its fifth press was told then, and not at the sixth, whose plan before it had it already). A move right
    /// after a save or an undo, or after another edit, starts a step of its own: the saved state stays among the undo
    /// steps.
    mutating func joinMove(of id: Identifier, notes: PlanNotes?) -> PlanNotes? {
        let count = undoHistory.count
        guard count >= 1 else { return notes }
        if count >= 2, undoHistory[count - 2].movedNode == id, undoHistory[count - 1].topology != savedTopology {
            let label = undoHistory.removeLast().label
            undoHistory[count - 2].label = label
            return undoHistory[count - 2].notesBeforeMove ?? notes
        }
        undoHistory[count - 1].movedNode = id
        undoHistory[count - 1].notesBeforeMove = notes
        return notes
    }

    /// Steps back to the topology before the last edit, with the comments it had; what that edit did, nil when
    /// there is none.
    mutating func stepBack() -> String? {
        Self.step(&self, from: \.undoHistory, to: \.redoHistory)
    }

    /// Steps forward to the topology the last undo left, with its comments; what the edit redone did, nil when
    /// there is none.
    mutating func stepForward() -> String? {
        Self.step(&self, from: \.redoHistory, to: \.undoHistory)
    }

    /// Pops a state from one history and pushes the current one, with the same edit's label, on the other.
    private static func step(_ state: inout AppState, from: WritableKeyPath<AppState, [HistoryEntry]>,
                             to: WritableKeyPath<AppState, [HistoryEntry]>) -> String? {
        guard let entry = state[keyPath: from].popLast() else { return nil }
        state[keyPath: to].append(HistoryEntry(topology: state.topology, comments: state.comments, label: entry.label))
        state.topology = entry.topology
        state.comments = entry.comments
        // Something came between the moves before and any after: they are separate steps.
        if !state.undoHistory.isEmpty { state.undoHistory[state.undoHistory.count - 1].movedNode = nil }
        return entry.label
    }

    /// Whether the topology differs from the one last loaded or saved.
    public var isDirty: Bool { topology != savedTopology }

    /// How many edits lie between the topology last loaded or saved and this one, counted in undo steps; nil when it is
    /// not among the earlier states (undone past it, it is among those redo steps to). - Complexity: O(undo steps)
    public var unsavedEditCount: Int? {
        undoHistory.lastIndex { $0.topology == savedTopology }.map { undoHistory.count - $0 }
    }

    /// The unsaved edits, counted when they can be ("2 unsaved edits", else "unsaved edits").
    var unsavedEditsText: String {
        unsavedEditCount.map { "\($0) unsaved edit\($0 == 1 ? "" : "s")" } ?? "unsaved edits"
    }

    /// Where this workbench keeps unsaved edits: beside the file (`Autosave.path(for:)`), or its own autosave
    /// when another workbench has the file open; nil without a file.
    public var autosavePath: String? { ownAutosave ?? filePath.map(Autosave.path(for:)) }

    /// Every autosave holding this workbench's unsaved edits: its own, and one it restored from another workbench's.
    public var editAutosaves: [String] { [autosavePath, recoveredAutosave].compactMap { $0 } }

    /// The autosaves a quit or `:e` drops: with unsaved edits, every one of `editAutosaves` (dropped on purpose);
    /// without, only one this workbench wrote of edits since undone, never one it restored.
    var autosavesDroppedOnLeaving: [String] {
        if isDirty { return editAutosaves }
        return wroteAutosave && !restoredAutosave ? [autosavePath].compactMap { $0 } : []
    }

    /// The plan of the selected link, if a link is selected and planned.
    public var selectedLinkPlan: LinkPlan? {
        guard case .link(let id)? = selection else { return nil }
        return plan?.links.first { $0.id == id }
    }

    /// The plan of the selected demand, if a demand is selected and planned.
    public var selectedDemandPlan: DemandPlan? {
        guard case .demand(let id)? = selection else { return nil }
        return plan?.demands.first { $0.id == id }
    }
}

/// A state undo or redo steps to: the topology with its comments, and what the edit between it and the next did
/// (`L1.length = 30 km`), for the status line.
struct HistoryEntry: Sendable, Hashable {
    var topology: Topology
    var comments: TopologyComments
    var label: String
    /// The node the edit moved with Shift+arrows, whose next move joins this step (`joinMove(of:notes:)`).
    var movedNode: Identifier?
    /// For such a move, the notes of the plan before it, which the run's later moves are told against.
    var notesBeforeMove: PlanNotes?
}
