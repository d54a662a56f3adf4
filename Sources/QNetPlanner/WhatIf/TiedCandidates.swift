import QNetModel

/// The same change on every link that limits a demand equally: where two or more segments of its best path carry
/// the same, smallest key, improving one alone leaves the rate where it is (the rate has a kink), so a change that
/// helps must be made on all of them. Candidates of the tied links are matched by their kind and by their
/// summary with the link's id taken out ("a trusted node at the midpoint of L1" and "… of L2"), and merged;
/// changes that would replace the same link twice are not merged.
enum TiedCandidates {
    /// One merged candidate per change found for every link of `links` (in `each`, one list per link, in order).
    static func combine(_ each: [[SuggestionFinder.Candidate]], links: [Identifier]) -> [SuggestionFinder.Candidate] {
        guard each.count == links.count, each.count > 1 else { return [] }
        func key(_ candidate: SuggestionFinder.Candidate, _ link: Identifier) -> String {
            "\(candidate.kind.rawValue)|" + candidate.summary.replacingOccurrences(of: link.rawValue, with: "{link}")
        }
        let byKey = zip(each, links).map { candidates, link in
            Dictionary(candidates.map { (key($0, link), $0) }, uniquingKeysWith: { first, _ in first })
        }
        let names = links.map(\.rawValue).joined(separator: ", ")
        return each[0].compactMap { first in
            let shared = key(first, links[0])
            let parts = byKey.compactMap { $0[shared] }
            guard parts.count == links.count else { return nil }
            var merged = first
            merged.summary = shared.split(separator: "|", maxSplits: 1).last.map(String.init)?
                .replacingOccurrences(of: "{link}", with: "each of \(names)") ?? first.summary
            for part in parts.dropFirst() {
                // Changes that replace the same link (segments sharing a relay's hub link) cannot be made together.
                guard Set(part.replaced).isDisjoint(with: merged.replaced) else { return nil }
                merged.changes += part.changes
                merged.replaced += part.replaced
                merged.links += part.links
                merged.newNodes += part.newNodes
                merged.editedNodes += part.editedNodes.filter { node in !merged.editedNodes.contains { $0.id == node.id } }
            }
            return merged
        }
    }
}
