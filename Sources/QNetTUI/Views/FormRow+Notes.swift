import QNetModel

extension FormRow {
    /// What is said of this key of `record`, worst first: the validation's errors and the plan's warnings and notes
    /// at the key (or at one of its inner keys), and, for a key the record sets but does not read, the warning that
    /// says so (once, though the plan says it too).
    func notes(of record: Selection, in state: AppState) -> [Diagnostic] {
        var notes: [Diagnostic] = []
        if let prefix = record.keyPathPrefix(in: state.topology) {
            let path = "\(prefix).\(key)"
            notes = (state.errors + (state.plan?.diagnostics ?? [])).filter { diagnostic in
                diagnostic.keyPath.map { $0 == path || $0.hasPrefix(path + ".") } ?? false
            }
        }
        if let unused, !notes.contains(where: { $0.message == unused }) { notes.append(Diagnostic(.warning, unused)) }
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
