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
            unused = keys.held(by: link)
        }
        if medium == .satellite, link.length != nil, link.elevation != nil || link.pass != nil {
            let from = link.pass != nil ? "its pass" : "its elevation"
            unused.insert(("length", "length is not used on a satellite link (the range comes from \(from) and the satellite's "
                + "altitude): remove it, or change the medium"), at: 0)
        }
        return unused.map { key, warning in Diagnostic(.warning, warning, keyPath: "\(path).\(key)") }
    }

    /// `link` without the keys it would not read running `protocolKind` (a twin-field link's `tf_variant` once it runs
    /// mdi), and their names: what a suggested change of protocol removes, so that the edit it makes brings no warnings
    /// of its own (QA: applying "protocol mdi" left two of them).
    static func removingUnread(_ link: Link, protocolKind: ProtocolKind) -> (link: Link, removed: [String]) {
        guard let keys = outOfScope[link.resolvedMedium]?[protocolKind]?[link.resolvedDirection] else { return (link, []) }
        var cleaned = link
        let removed = keys.held(by: link).map(\.key).filter { key in
            (try? Link.field(named: key)?.write(nil, into: &cleaned)) != nil
        }
        return (cleaned, removed)
    }

    /// For each medium, protocol and direction, the keys such a link does not read: worked out once, so that a link's
    /// check looks only at those keys.
    private static let outOfScope: [Medium: [ProtocolKind: [LinkDirection: OutOfScopeKeys<Link>]]] =
        Dictionary(uniqueKeysWithValues: Medium.allCases.map { medium in
            (medium, Dictionary(uniqueKeysWithValues: ProtocolKind.allCases.map { kind in
                (kind, Dictionary(uniqueKeysWithValues: LinkDirection.allCases.map { direction in
                    (direction, OutOfScopeKeys(Link.fields) { $0.unused(on: medium, running: kind, direction: direction) })
                }))
            }))
        })
}
