import QNetModel

/// The keys of a node that its kind does not read (a repeater's `altitude`, an endpoint's `swap_success`), which the
/// planner would otherwise ignore without a word (QA: a repeater marked `trusted: true` was accepted silently).
enum UnusedNodeKeys {
    /// Warnings, at `nodes[i].key`, for the keys written on `nodes` that the schema's scopes (`Field.scope`) say their
    /// kind does not read.
    /// - Complexity: O(N · K) for N nodes and K keys out of a node's scope; every plan passes here.
    static func warnings(_ nodes: [Node]) -> [Diagnostic] {
        var warnings: [Diagnostic] = []
        for index in nodes.indices {
            let node = nodes[index]   // not `enumerated()`, which copies each record
            guard let keys = outOfScope[node.resolvedKind]?[node.holdsKey] else { continue }
            for held in keys.presence.held(by: node) {
                warnings.append(Diagnostic(.warning, keys.warnings[held], keyPath: "nodes[\(index)].\(keys.names[held])"))
            }
        }
        return warnings
    }

    /// The keys that the nodes of one kind, holding the key or not, do not read, with the warning for each.
    private struct OutOfScope: Sendable {
        var presence: KeyPresence<Node>
        var names: [String]
        var warnings: [String]

        init(kind: NodeKind, holdsKey: Bool) {
            let fields = Node.fields.filter { !$0.scope.applies(to: kind, holdsKey: holdsKey) }
            presence = KeyPresence(fields)
            names = fields.map(\.key)
            warnings = fields.map { $0.unused(on: kind, holdsKey: holdsKey) ?? "" }
        }
    }

    /// For each kind, holding the key or not, the keys such a node does not read: worked out once, so that a node's
    /// check looks only at those keys.
    private static let outOfScope: [NodeKind: [Bool: OutOfScope]] =
        Dictionary(uniqueKeysWithValues: NodeKind.allCases.map { kind in
            (kind, [true: OutOfScope(kind: kind, holdsKey: true), false: OutOfScope(kind: kind, holdsKey: false)])
        })
}
