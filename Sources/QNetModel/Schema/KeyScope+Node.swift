extension KeyScope {
    /// Whether a node of `kind`, holding the key or not (`Node.holdsKey`), reads the key.
    public func applies(to kind: NodeKind, holdsKey: Bool) -> Bool {
        (kinds?.contains(kind) ?? true) && (keyHolders || !holdsKey)
    }

    /// Why a node of `kind` (holding the key or not) does not read the key, and what would make it: `not used on a
    /// repeater (only satellites read it): remove it, or change the kind`; nil when it does.
    public func misfit(kind: NodeKind, holdsKey: Bool) -> String? {
        guard !applies(to: kind, holdsKey: holdsKey) else { return nil }
        if let kinds, !kinds.contains(kind) {
            return "not used on \(kind.withArticle) (only \(Self.names(kinds.map(\.plural))) read it): remove it, or change the kind"
        }
        let change = kind == .satellite ? "set trusted: false" : "change the kind"
        let noun = kind == .satellite ? "a trusted satellite" : kind.withArticle
        return "not used on \(noun) (a node that holds the key measures its pairs at once; only nodes that hold none read it: "
            + "repeaters, relays, sources and satellites with trusted: false): remove it, or \(change)"
    }

    /// Why a node of `kind` that holds no key, an inner node of segments whose links run `segmentProtocols`, does not
    /// read the key, and what would make it; nil when one of those protocols reads it, or when there are none (a node
    /// in no segment yet: the links that put it in one decide).
    public func misfit(kind: NodeKind, segmentProtocols: [ProtocolKind]) -> String? {
        guard let protocols, !segmentProtocols.isEmpty, !segmentProtocols.contains(where: protocols.contains) else { return nil }
        let running = Self.names(segmentProtocols.map(\.rawValue))
        return "not used on \(kind.withArticle) whose segments run \(running) (only the inner nodes of "
            + "\(Self.names(protocols.map(\.rawValue))) segments read it): remove it, or set the links through it to protocol: "
            + protocols.map(\.rawValue).joined(separator: " or ")
    }
}

extension Field {
    /// The warning for this key written on a node of `kind` (holding the key or not) that does not read it
    /// (`altitude is not used on a repeater (only satellites read it): remove it, or change the kind`); nil when the
    /// node reads it.
    public func unused(on kind: NodeKind, holdsKey: Bool) -> String? {
        scope.misfit(kind: kind, holdsKey: holdsKey).map { "\(key) is \($0)" }
    }

    /// This field, read only by nodes of `kinds` (a node key).
    public func only(kinds: [NodeKind]) -> Field {
        var field = self
        field.scope.kinds = kinds
        return field
    }

    /// The warning for this key written on a node of `kind` that holds no key, an inner node of segments whose links
    /// run `protocols` (in `ProtocolKind.allCases` order), none of which reads it (`swap_success is not used on a
    /// relay whose segments run mdi (…): remove it, or set the links through it to protocol: entanglement`); nil when
    /// one of them reads it, or the node is in no segment.
    public func unused(on kind: NodeKind, inSegmentsRunning protocols: [ProtocolKind]) -> String? {
        scope.misfit(kind: kind, segmentProtocols: protocols).map { "\(key) is \($0)" }
    }

    /// This field, read only by nodes that hold no key inside segments running one of `protocols`: the inner nodes of
    /// a repeater chain (a node key).
    public func onlyInside(_ protocols: [ProtocolKind]) -> Field {
        var field = self
        field.scope.keyHolders = false
        field.scope.protocols = protocols
        return field
    }
}

extension NodeKind {
    /// The kind as a message names one node: `an endpoint`, `a trusted node`, `a repeater`.
    public var withArticle: String {
        switch self {
        case .endpoint: return "an endpoint"
        case .trusted: return "a trusted node"
        case .repeater, .relay, .satellite: return "a \(rawValue)"
        case .source: return "a source node"
        }
    }

    /// The kind as a message names several nodes: `endpoints`, `trusted nodes`, `satellites`.
    var plural: String {
        switch self {
        case .trusted: return "trusted nodes"
        case .source: return "source nodes"
        case .endpoint, .repeater, .relay, .satellite: return rawValue + "s"
        }
    }
}
