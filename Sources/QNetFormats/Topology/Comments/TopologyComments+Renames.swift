import QNetModel

extension TopologyComments {
    /// The comments after an edit from `old` to `new`: comments of an item that the
    /// edit renamed (a node's or link's id, a demand's ends, an equipment entry's
    /// name) move to its new name. A rename is an item whose name changed in place
    /// while the list kept its length, its old name gone and its new one not there
    /// before; comments left under the new name by an item deleted earlier are dropped
    /// first, so the renamed item carries only its own.
    public func following(renamesFrom old: Topology, to new: Topology) -> TopologyComments {
        guard !attached.isEmpty else { return self }
        var renames: [(from: RecordName, to: RecordName)] = []
        for section in RecordName.sections {
            let before = RecordName.names(of: section, in: old), after = RecordName.names(of: section, in: new)
            guard before.count == after.count, before != after else { continue }
            let oldNames = Set(before), newNames = Set(after)
            for (from, to) in zip(before, after) where from != to && !newNames.contains(from) && !oldNames.contains(to) {
                renames.append((RecordName(section: section, name: from), RecordName(section: section, name: to)))
            }
        }
        guard !renames.isEmpty else { return self }
        var comments = self
        let targets = Set(renames.map(\.to))
        comments.attached.removeAll { $0.anchor.record.map(targets.contains) ?? false }
        for index in comments.attached.indices {
            for rename in renames {
                comments.attached[index].anchor = comments.attached[index].anchor.renaming(rename.from, to: rename.to)
            }
        }
        return comments
    }
}
