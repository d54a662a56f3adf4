import QNetModel

/// A warning for a fiber or free-space link between two ground nodes written `0 km` long (QA: such a link was planned
/// as a lossless channel without a word, its PLOB bound unlimited — Pirandola et al., Nat. Commun. 8, 15043 (2017)).
/// A link whose ends' positions are farther apart than its length already has `LinkLengthCheck`'s warning, and gets
/// no second one; a satellite link's length is a slant range, checked against the satellite's altitude instead.
enum ZeroLengthCheck {
    /// The warning for the link of `inputs`, at its length; empty unless it is 0 m long with no other warning on it.
    /// - Complexity: O(1).
    static func warnings(_ inputs: LinkInputs) -> [Diagnostic] {
        let link = inputs.link
        let medium = link.resolvedMedium
        guard medium != .satellite, let length = link.length, length.si == 0,
              inputs.fromNode.resolvedKind != .satellite, inputs.toNode.resolvedKind != .satellite,
              LinkLengthCheck.warning(inputs) == nil
        else { return [] }
        let what = medium == .fiber ? "fiber" : "free-space path"
        // Lossless only for a fiber without extra losses (second readers: "no limit" beside a 2.28 Gbit/s bound, and a
        // free-space link's optics lose some at 0 km too).
        let channel = medium != .fiber ? "a channel of its optics alone"
            : link.extraLosses.allSatisfy { $0.loss.si == 0 } ? "a lossless channel (its PLOB bound has no limit)"
            : "a channel of its extra losses alone"
        let remedy = medium == .fiber ? "if the ends share a room, give the patch cord's length (e.g. 2 m)"
            : "give the path's length between the telescopes"
        return [Diagnostic(.warning, "link \(link.id) is \(length.text) long: no \(what) at all between \(link.from) and "
            + "\(link.to), \(channel); \(remedy)", keyPath: "links[\(inputs.index)].length")]
    }
}
