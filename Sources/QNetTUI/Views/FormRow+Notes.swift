import QNetModel

/// What the validation and the plan say of a form's record, gathered once per draw (second reader: every row looked
/// the record up and filtered every diagnostic, about 55 ms a redraw at 30,000 links): the diagnostics at its key path,
/// a link's own too (the plan's list holds ten of some kinds and counts the rest).
struct RecordNotes {
    /// The record's key path (`links[3]`); nil when the topology has no such record.
    private let prefix: String?
    /// The diagnostics at the record or inside it, without repeats.
    private let said: [Diagnostic]

    init(_ record: Selection, in state: AppState) {
        prefix = record.keyPathPrefix(in: state.topology)
        guard let prefix else { said = []; return }
        var own: [Diagnostic] = []
        if case .link(let id) = record, let index = state.topology.linkIndex(id),
           let link = state.plan?.linkPlan(at: index, id: id) {
            own = link.diagnostics
        }
        var seen = Set<Diagnostic>()
        said = (state.errors + own + (state.plan?.diagnostics ?? [])).filter { diagnostic in
            guard let path = diagnostic.keyPath, path == prefix || path.hasPrefix(prefix + ".") else { return false }
            return seen.insert(diagnostic).inserted
        }
    }

    /// What is said of `row`'s key, worst first: the validation's errors and the plan's warnings and notes at the key
    /// (or at one of its inner keys), and, for a key the record sets but does not read, the warning that says so
    /// (once, though the plan says it too).
    func notes(of row: FormRow) -> [Diagnostic] {
        guard let prefix else { return row.unused.map { [Diagnostic(.warning, $0)] } ?? [] }
        let path = "\(prefix).\(row.key)"
        var notes = said.filter { diagnostic in diagnostic.keyPath.map { $0 == path || $0.hasPrefix(path + ".") } ?? false }
        if let unused = row.unused, !notes.contains(where: { $0.message == unused }) { notes.append(Diagnostic(.warning, unused)) }
        return notes.worstFirst
    }
}

extension Selection {
    /// The key path of the record in the file, as diagnostics name it (`links[3]`, `equipment.detectors.snspd`,
    /// `defaults`); nil when `topology` has no such record.
    func keyPathPrefix(in topology: Topology) -> String? {
        switch self {
        case .node(let id): return topology.nodeIndex(id).map { "nodes[\($0)]" }
        case .link(let id): return topology.linkIndex(id).map { "links[\($0)]" }
        case .demand(let id): return topology.demandIndex(id).map { "demands[\($0)]" }
        case .equipment(let kind, let name): return "equipment.\(kind.section).\(name)"
        case .defaults: return "defaults"
        }
    }
}
