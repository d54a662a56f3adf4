import QNetModel

/// Where a protocol's stations sit on a segment (topology-format.md, "A node's kind"
/// and "Segments"), which decides which protocols a segment's shape can run.
enum StationLayout: Sendable, Hashable {
    /// Sender and receiver at the two ends of one link.
    case direct
    /// An untrusted relay measures in the middle (MDI-QKD, twin-field QKD).
    case middleRelay
    /// An untrusted entangled-pair source in the middle (BBM92).
    case middleSource
    /// Repeaters with memories in the middle (an entanglement segment).
    case middleRepeater

    /// The layout of a segment through `inner` nodes (none: one link); nil for a mix of kinds.
    init?(inner: [NodeKind]) {
        guard let first = inner.first else { self = .direct; return }
        guard inner.allSatisfy({ $0 == first }) else { return nil }
        switch first {
        case .relay: self = .middleRelay
        case .source: self = .middleSource
        case .repeater: self = .middleRepeater
        case .endpoint, .trusted, .satellite: return nil
        }
    }

    /// The kind of the node in the middle; nil for `direct`.
    var middleKind: NodeKind? {
        switch self {
        case .direct: return nil
        case .middleRelay: return .relay
        case .middleSource: return .source
        case .middleRepeater: return .repeater
        }
    }
}

extension ProtocolKind {
    /// The layouts the protocol runs in (BBM92's source sits at one end or in the middle: Ma, Fung, Lo, PRA 76, 012307, 2007).
    var layouts: [StationLayout] {
        switch self {
        case .bb84Decoy, .cvGG02: return [.direct]
        case .bbm92: return [.direct, .middleSource]
        case .mdi, .twinField: return [.middleRelay]
        case .entanglement: return [.middleRepeater]
        }
    }

    /// The source kinds the protocol sends with; empty when it takes any.
    var sourceKinds: Set<SourceKind> {
        switch self {
        case .bb84Decoy, .mdi, .twinField: return [.weakCoherent]
        case .bbm92: return [.spdc]
        case .cvGG02: return [.coherentGaussian]
        case .entanglement: return []
        }
    }

    /// The detector kinds the protocol measures with.
    var detectorKinds: Set<DetectorKind> {
        switch self {
        case .cvGG02: return [.homodyne, .heterodyne]
        case .bb84Decoy, .bbm92, .mdi, .twinField, .entanglement: return [.snspd, .ingaasAPD, .siAPD]
        }
    }
}
