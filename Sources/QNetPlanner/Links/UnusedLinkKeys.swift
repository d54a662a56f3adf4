import QNetModel

/// The keys of a link that its medium or protocol does not use, which the planner would otherwise ignore without a word.
enum UnusedLinkKeys {
    /// Warnings for the keys written on `link` (at `path`, running `protocolKind`) that the schema's scopes
    /// (`Field.scope`) say its medium, protocol or direction does not read, and for a satellite link's length beside its
    /// elevation or pass (the range follows from those and the altitude).
    /// - Complexity: O(K) in the keys out of the link's scope; every re-plan of every link passes here.
    static func warnings(_ link: Link, protocolKind: ProtocolKind, path: String) -> [Diagnostic] {
        let (medium, direction) = (link.resolvedMedium, link.resolvedDirection)
        var unused: [(key: String, warning: String)] = []
        if let keys = outOfScope[medium]?[protocolKind]?[direction] {
            unused = keys.presence.held(by: link).map { (keys.names[$0], keys.warnings[$0]) }
        }
        if medium == .satellite, link.length != nil, link.elevation != nil || link.pass != nil {
            let from = link.pass != nil ? "its pass" : "its elevation"
            unused.insert(("length", "length is not used on a satellite link (the range comes from \(from) and the satellite's "
                + "altitude): remove it, or change the medium"), at: 0)
        }
        return unused.map { key, warning in Diagnostic(.warning, warning, keyPath: "\(path).\(key)") }
    }

    /// The keys that the links of one medium, protocol and direction do not read, with the warning for each.
    private struct OutOfScope: Sendable {
        var presence: KeyPresence<Link>
        var names: [String]
        var warnings: [String]

        init(medium: Medium, protocolKind: ProtocolKind, direction: LinkDirection) {
            let fields = Link.fields.filter { !$0.scope.applies(to: medium, protocolKind, direction: direction) }
            presence = KeyPresence(fields)
            names = fields.map(\.key)
            warnings = fields.map { $0.unused(on: medium, running: protocolKind, direction: direction) ?? "" }
        }
    }

    /// For each medium, protocol and direction, the keys such a link does not read: worked out once, so that a link's
    /// check looks only at those keys.
    private static let outOfScope: [Medium: [ProtocolKind: [LinkDirection: OutOfScope]]] =
        Dictionary(uniqueKeysWithValues: Medium.allCases.map { medium in
            (medium, Dictionary(uniqueKeysWithValues: ProtocolKind.allCases.map { kind in
                (kind, Dictionary(uniqueKeysWithValues: LinkDirection.allCases.map { direction in
                    (direction, OutOfScope(medium: medium, protocolKind: kind, direction: direction))
                }))
            }))
        })
}
