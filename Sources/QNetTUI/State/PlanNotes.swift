import QNetFormats
import QNetModel
import QNetPlanner

/// What the planner says of a plan, as the status line compares it across an edit: the plan's diagnostics and
/// `check`'s notes of its results (`PlanOutcomeNotes`: a link without key, a demand not met). Each is known by its
/// severity, its message (for a note of the results, what happened without why) and the record it is about by id,
/// so that deleting a record does not make the notes of the records after it (whose indices move) look new.
struct PlanNotes: Sendable, Hashable {
    /// One note: what is compared across an edit, and the diagnostic it came from.
    struct Note: Sendable, Hashable {
        struct Key: Sendable, Hashable {
            var severity: Diagnostic.Severity
            /// The message with its figures left out (`Note.wording`): a note whose numbers moved is not new.
            var message: String
            /// The key path with the record named by id (`links[L7].length` for `links[3].length`).
            var place: String?
        }

        var key: Key
        var diagnostic: Diagnostic
        /// Whether it is one of `check`'s notes of the results (a link without key, a demand not met).
        var isOutcome: Bool

        /// `message` with every figure (digits, and a point, `e` or sign between digits: `80.2`, `1e-5`) as one `#`,
        /// so that "loss 80.2 dB" and "loss 80.4 dB" read alike (second reader: every edit of a keyless link told its
        /// note again); an id such as `S1-S2` keeps its hyphen. The SI prefix of the unit after a figure goes too, so
        /// that "1.06 kbit/s" and "698 bit/s" read alike (QA: a demand already not met was told as new).
        static func wording(_ message: String) -> String {
            let characters = Array(message)
            var result = ""
            result.reserveCapacity(message.utf8.count)
            var inFigure = false
            func isDigit(_ index: Int) -> Bool { index < characters.count && characters[index].isNumber }
            func isPrefix(_ index: Int) -> Bool {
                index >= 2 && characters[index - 1] == " " && result.hasSuffix("# ") && "kMGTmµunp".contains(characters[index])
                    && index + 1 < characters.count && characters[index + 1].isLetter
            }
            for (index, character) in characters.enumerated() {
                if isPrefix(index) { continue }
                // A point, `e` or sign inside a figure belongs to it when a digit follows (after `e`, a sign and a digit).
                let joins = inFigure && (character == "." || character == "e" || character == "-")
                    && (isDigit(index + 1) || character == "e" && index + 1 < characters.count && characters[index + 1] == "-"
                        && isDigit(index + 2))
                if character.isNumber || joins {
                    if !inFigure { result.append("#") }
                    inFigure = true
                } else {
                    inFigure = false
                    result.append(character)
                }
            }
            return result
        }

        /// Where the status line puts it: errors, then what the edit broke (a demand not met, a link without key, a
        /// node left without links, a segment overdrawn), then the other warnings and notes (QA: five unused-key
        /// warnings hid that a link had lost its key).
        var rank: Int {
            let severity = diagnostic.severity == .error ? 0 : diagnostic.severity == .warning ? 1 : 2
            return severity == 0 ? 0 : (isOutcome ? 0 : 2) + severity
        }
    }

    /// In the planner's order.
    private let notes: [Note]

    /// The notes of `plan`, planned from `topology` (without the overdrawn segments' suggested changes, a what-if
    /// analysis too costly for every edit; the planner's warning of such a segment is compared).
    init(_ plan: Plan, of topology: Topology) {
        let outcomes = PlanOutcomeNotes.diagnostics(plan, of: topology, remedies: false)
        notes = (plan.diagnostics.map { ($0, false) } + outcomes.map { ($0, true) }).map { diagnostic, isOutcome in
            // A note at a key is known by its words alone; one at none ("2 more demands are not met") by its figures too.
            Note(key: Note.Key(severity: diagnostic.severity,
                               message: diagnostic.keyPath == nil ? diagnostic.message
                                   : Note.wording(isOutcome ? Self.headline(diagnostic.message) : diagnostic.message),
                               place: diagnostic.keyPath.map { Self.place($0, in: topology) }),
                 diagnostic: diagnostic, isOutcome: isOutcome)
        }
    }

    /// The notes that `before` did not have (as many times as it had each fewer): errors first, then what the edit
    /// broke, then warnings and notes (`Note.rank`), else in the planner's order.
    func added(since before: PlanNotes) -> [Diagnostic] {
        var known: [Note.Key: Int] = [:]
        for note in before.notes { known[note.key, default: 0] += 1 }
        var added: [Note] = []
        for note in notes {
            if let count = known[note.key], count > 0 {
                known[note.key] = count - 1
            } else {
                added.append(note)
            }
        }
        return added.enumerated().sorted { ($0.element.rank, $0.offset) < ($1.element.rank, $1.offset) }.map(\.element.diagnostic)
    }

    /// What one of `check`'s notes of the results says happened, without why: "demand A-B is not met" of "demand A-B is
    /// not met: its max flow is … (its best path is limited by segment HQ~POP)". A demand still not met after an edit
    /// that moved its bottleneck, or a link still without key for another reason, is not what the edit broke (QA: after
    /// a suggestion split the limiting link, the demand still short was told as "1 new warning").
    private static func headline(_ message: String) -> String {
        message.range(of: ": ").map { String(message[..<$0.lowerBound]) } ?? message
    }

    /// `path` with its leading record index replaced by the record's id (`nodes[2].altitude` → `nodes[SAT].altitude`).
    private static func place(_ path: String, in topology: Topology) -> String {
        guard let open = path.firstIndex(of: "["), let close = path.firstIndex(of: "]"), open < close,
              let index = Int(path[path.index(after: open)..<close]) else { return path }
        let id: Identifier? = switch path[..<open] {
        case "nodes": topology.nodes.indices.contains(index) ? topology.nodes[index].id : nil
        case "links": topology.links.indices.contains(index) ? topology.links[index].id : nil
        case "demands": topology.demands.indices.contains(index) ? topology.demands[index].resolvedID : nil
        default: nil
        }
        guard let id else { return path }
        return "\(path[..<open])[\(id)]\(path[path.index(after: close)...])"
    }
}

/// What the status line tells when the plan of an edit arrives: the notes of the plan before the edit, and the
/// status the edit left, which the news is added to while it is still shown.
struct EditNotes: Sendable, Hashable {
    /// The notes of the last plan before the edit (of the first of several edits made before a plan arrived).
    var before: PlanNotes
    /// What the edit said on the status line.
    var status: StatusMessage

    /// The edit's status followed by the notes its plan added: `L1.length = 300 km · 1 new note (see inspector): link
    /// L1 has no key: …`, as a warning (an error when one is); nil when the plan added none. A move's aside
    /// (`; lengths stay as written: …`) comes after the notes, which a status line cut at its width would otherwise
    /// hide (QA: a move never showed its new warning); other statuses are kept whole, whatever `; ` they hold.
    func status(adding added: [Diagnostic]) -> StatusMessage? {
        guard let first = added.first else { return nil }
        let counts = [Diagnostic.Severity.error, .warning, .note].compactMap { severity -> String? in
            let count = added.filter { $0.severity == severity }.count
            return count == 0 ? nil : "\(count) new \(severity.rawValue)\(count == 1 ? "" : "s")"
        }
        let aside = status.text.range(of: TopologyEditor.lengthsAsWrittenMarker)
        let done = aside.map { String(status.text[..<$0.lowerBound]) } ?? status.text
        let after = aside.map { String(status.text[$0.lowerBound...]) } ?? ""
        return StatusMessage("\(done) · \(counts.joined(separator: ", ")) (see inspector): \(first.message)\(after)",
                             first.severity == .error ? .error : .warning)
    }
}
