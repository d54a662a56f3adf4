import QNetModel

/// The keys of a node that its kind does not read (a repeater's `altitude`, an endpoint's `swap_success`), or that no
/// segment through it reads (an MDI relay's `swap_success`, `UnusedNodeKeys+Segments.swift`), which the planner would
/// otherwise ignore without a word (QA: a repeater marked `trusted: true` was accepted silently).
enum UnusedNodeKeys {
    /// Warnings, at `nodes[i].key`, for the keys written on `nodes` that the schema's scopes (`Field.scope`) say their
    /// kind does not read.
    /// - Complexity: O(N · K) for N nodes and K keys out of a node's scope; every plan passes here.
    static func warnings(_ nodes: [Node]) -> [Diagnostic] {
        var warnings: [Diagnostic] = []
        for index in nodes.indices {
            let node = nodes[index]   // not `enumerated()`, which copies each record
            guard let keys = outOfScope[node.resolvedKind]?[node.holdsKey] else { continue }
            let held = keys.held(by: node)
            for (key, warning) in held {
                warnings.append(Diagnostic(.warning, warning, keyPath: "nodes[\(index)].\(key)"))
            }
            if node.purificationRounds != nil, node.purification == nil, !held.contains(where: { $0.key == "purification_rounds" }) {
                warnings.append(roundsAlone(at: index))
            }
        }
        return warnings
    }

    /// `purification_rounds` without `purification`, which purifies nothing (QA: it kept DEJMPS on after `purification`
    /// was removed).
    private static func roundsAlone(at index: Int) -> Diagnostic {
        Diagnostic(.warning, "purification_rounds is read only with purification: set purification: dejmps, or remove it",
                   keyPath: "nodes[\(index)].purification_rounds")
    }

    /// For each kind, holding the key or not, the keys such a node does not read: worked out once, so that a node's
    /// check looks only at those keys.
    private static let outOfScope: [NodeKind: [Bool: OutOfScopeKeys<Node>]] =
        Dictionary(uniqueKeysWithValues: NodeKind.allCases.map { kind in
            (kind, Dictionary(uniqueKeysWithValues: [true, false].map { holdsKey in
                (holdsKey, OutOfScopeKeys(Node.fields) { $0.unused(on: kind, holdsKey: holdsKey) })
            }))
        })
}
