/// Where a comment belongs: the key path of a key or list item, with nodes,
/// links and demands named by id and equipment entries by name, so that a
/// comment stays with its item when items before it are added or deleted.
///
/// `links[L3].extra_losses.connectors` is `[.key("links"), .item("L3"),
/// .key("extra_losses"), .key("connectors")]`; `sources[2]` is
/// `[.key("sources"), .index(2)]`.
struct CommentAnchor: Hashable, Sendable {
    /// One step of a key path.
    enum Step: Hashable, Sendable {
        /// A mapping key (`links`, `length`, an equipment entry's name).
        case key(String)
        /// A node, link or demand, by its (resolved) id.
        case item(String)
        /// An item of another list, by position.
        case index(Int)
    }

    var steps: [Step]

    init(_ steps: [Step]) {
        self.steps = steps
    }

    /// The anchor one step deeper.
    func appending(_ step: Step) -> CommentAnchor {
        CommentAnchor(steps + [step])
    }

    /// The record the anchor lies in, as a section and a name: (`nodes`, `A`) for
    /// `nodes[A].position`, (`equipment.detectors`, `snspd`) for
    /// `equipment.detectors.snspd.efficiency`; nil outside records (`defaults`, `sources[0]`).
    var record: RecordName? {
        switch steps.count >= 2 ? (steps[0], steps[1]) : nil {
        case (.key(let section), .item(let id))?: return RecordName(section: section, name: id)
        case (.key("equipment"), .key(let section))? where steps.count >= 3:
            guard case .key(let name) = steps[2] else { return nil }
            return RecordName(section: "equipment." + section, name: name)
        default: return nil
        }
    }

    /// The same anchor in record `to`, when it lies in record `from`.
    func renaming(_ from: RecordName, to: RecordName) -> CommentAnchor {
        guard record == from else { return self }
        var renamed = steps
        if from.section.hasPrefix("equipment.") { renamed[2] = .key(to.name) } else { renamed[1] = .item(to.name) }
        return CommentAnchor(renamed)
    }
}
