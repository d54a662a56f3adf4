import QNetModel

/// The keys that a node's kind reads but that none of its segments does: a repeater chain's `memory`, `swap_success`,
/// `cutoff_time`, `purification` and `purification_rounds` are read only at the inner nodes of entanglement segments
/// (`ChainInputs.nodes`), so on the relay of an MDI-QKD or twin-field segment, or the source of a BBM92 one, they
/// change nothing (as the schema's scopes say: `KeyScope.protocols` of a node key).
extension UnusedNodeKeys {
    /// The nodes that hold no key and set a key that only the inner nodes of some protocols' segments read: the only
    /// ones `segmentWarnings` looks at.
    /// - Complexity: O(N · K) for N nodes and K such keys; the session runs it when the nodes change.
    static func segmentScoped(_ nodes: [Node]) -> [Int] {
        nodes.indices.filter { index in
            let node = nodes[index]   // not `enumerated()`, which copies each record
            return !node.holdsKey && !segmentScopedKeys.held(by: node).isEmpty
        }
    }

    /// Warnings, at `nodes[i].key`, for the keys that the nodes at `candidates` (from `segmentScoped`) set and that no
    /// segment through them reads: each is an inner node of `segments`, none of whose links runs a protocol that reads
    /// the key (`linkProtocol`, by link index). A segment whose links name different protocols counts each (it is an
    /// error already; the fix decides which one it runs). No warning for a node in no segment (the links that put it in
    /// one decide), nor for any node when the segment search stopped at its bound (`truncated`: a segment that reads
    /// the key may be missing), so that a warning is never wrong.
    /// - Complexity: O(1) without candidates; else O(C + S) for C candidates and S nodes and links over the segments.
    static func segmentWarnings(_ nodes: [Node], candidates: [Int], segments: [FoundSegment], truncated: Bool,
                                linkProtocol: (Int) -> ProtocolKind?) -> [Diagnostic] {
        guard !candidates.isEmpty, !truncated else { return [] }
        var running = Dictionary(uniqueKeysWithValues: candidates.map { ($0, Set<ProtocolKind>()) })
        for segment in segments {
            let inner = segment.nodes.dropFirst().dropLast()
            guard inner.contains(where: { running[$0] != nil }) else { continue }
            let protocols = Set(segment.links.compactMap(linkProtocol))
            for node in inner { running[node]?.formUnion(protocols) }
        }
        var tables: [Context: OutOfScopeKeys<Node>] = [:]
        var warnings: [Diagnostic] = []
        for index in candidates {
            let protocols = ProtocolKind.allCases.filter { running[index]?.contains($0) == true }
            guard !protocols.isEmpty else { continue }
            let node = nodes[index]
            let context = Context(kind: node.resolvedKind, protocols: protocols)
            let table = tables[context] ?? OutOfScopeKeys(Node.fields) { $0.unused(on: context.kind, inSegmentsRunning: protocols) }
            tables[context] = table
            for (key, warning) in table.held(by: node) {
                warnings.append(Diagnostic(.warning, warning, keyPath: "nodes[\(index)].\(key)"))
            }
        }
        return warnings
    }

    /// A node's kind and the protocols of its segments, which decide its warnings.
    private struct Context: Hashable {
        var kind: NodeKind
        var protocols: [ProtocolKind]
    }

    /// The node keys that only some protocols' segments read (`KeyScope.protocols`).
    private static let segmentScopedKeys = KeyPresence(Node.fields.filter { $0.scope.protocols != nil })
}
