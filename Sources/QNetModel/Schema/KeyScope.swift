/// Which records read a key: for a link key, the media, the protocols and the satellite link directions whose links use
/// it; for a node key, the node kinds that read it, whether a node that holds the key does, and the protocols of the
/// segments whose inner nodes read it (nil: every one).
///
/// Declared beside each field (`Field.only(on:)`, `Field.only(for:)`, `Field.only(in:)`, `Field.only(kinds:)`,
/// `Field.onlyInside(_:)`), so that one table says where a key applies: the workbench's form lists the keys that
/// apply to a link or node, and the planner warns of one written where it does not.
public struct KeyScope: Sendable, Hashable {
    /// The media whose links use the key, in the order messages name them; nil for every medium.
    public var media: [Medium]?
    /// The protocols whose links read the key (a link key), or whose segments read it at their inner nodes (a node
    /// key: the repeater chain's keys, read only inside entanglement segments), in the order messages name them; nil
    /// for every protocol.
    public var protocols: [ProtocolKind]?
    /// The directions of the satellite links that read the key (`turbulence`: uplinks, the only ones that cross the
    /// turbulence near the ground at the start of their path); nil for both. Links of other media have no direction.
    public var directions: [LinkDirection]?

    /// The node kinds that read the key, in the order messages name them; nil for every kind.
    public var kinds: [NodeKind]?
    /// Whether a node that holds the key reads it (`Node.holdsKey`): false for the keys of a repeater chain's inner
    /// nodes (memory, swap, cutoff, purification), which a key-holding end, measuring at once, does not use.
    public var keyHolders = true

    /// The detector kinds that read the key (a detector key), in the order messages name them; nil for every kind.
    public var detectorKinds: [DetectorKind]?

    public init(media: [Medium]? = nil, protocols: [ProtocolKind]? = nil, directions: [LinkDirection]? = nil) {
        self.media = media
        self.protocols = protocols
        self.directions = directions
    }

    /// A key every link reads.
    public static let everywhere = KeyScope()

    /// Whether a link of `medium` running `protocolKind` reads the key, in `direction` when it is a satellite link
    /// (`Link.resolvedDirection`).
    public func applies(to medium: Medium, _ protocolKind: ProtocolKind, direction: LinkDirection) -> Bool {
        (media?.contains(medium) ?? true) && (protocols?.contains(protocolKind) ?? true)
            && (medium != .satellite || (directions?.contains(direction) ?? true))
    }

    /// Why a link of `medium` running `protocolKind` (in `direction`, a satellite link) does not read the key, and what
    /// would make it: `not used on a fiber link (only free-space and satellite links use it): remove it, or change the
    /// medium`; nil when it does.
    public func misfit(medium: Medium, protocolKind: ProtocolKind, direction: LinkDirection) -> String? {
        guard !applies(to: medium, protocolKind, direction: direction) else { return nil }
        if let media, !media.contains(medium) {
            return "not used on a \(medium.rawValue) link (only \(Self.names(media.map(\.rawValue))) links use it): "
                + "remove it, or change the medium"
        }
        if let protocols, !protocols.contains(protocolKind) {
            return "not used on a \(protocolKind.rawValue) link (only \(Self.names(protocols.map(\.rawValue))) links read it): "
                + "remove it, or change the protocol"
        }
        if let directions, !directions.contains(direction) {
            return "not used on a satellite \(direction.rawValue) (only \(Self.names(directions.map { $0.rawValue + "s" })) "
                + "read it): remove it, or change the direction"
        }
        return nil
    }

    /// `a`, `a and b`, `a, b and c`.
    static func names(_ names: [String]) -> String {
        guard let last = names.last, names.count > 1 else { return names.first ?? "" }
        return names.dropLast().joined(separator: ", ") + " and " + last
    }
}

extension Field {
    /// The warning for this key written on a link of `medium` running `protocolKind` (in `direction`, a satellite link)
    /// that does not read it (`tx_aperture is not used on a fiber link (…): remove it, or change the medium`); nil when
    /// the link reads it.
    public func unused(on medium: Medium, running protocolKind: ProtocolKind, direction: LinkDirection) -> String? {
        scope.misfit(medium: medium, protocolKind: protocolKind, direction: direction).map { "\(key) is \($0)" }
    }

    /// This field, used only by links of `media` (a link key).
    public func only(on media: [Medium]) -> Field {
        var field = self
        field.scope.media = media
        return field
    }

    /// This field, read only by links running one of `protocols` (a link key).
    public func only(for protocols: [ProtocolKind]) -> Field {
        var field = self
        field.scope.protocols = protocols
        return field
    }

    /// This field, read only by satellite links in one of `directions` (a satellite link key).
    public func only(in directions: [LinkDirection]) -> Field {
        var field = self
        field.scope.directions = directions
        return field
    }
}
