import QNetModel

/// The keys of a link that its medium or protocol does not use, which the planner would otherwise ignore without a word.
enum UnusedLinkKeys {
    /// Warnings for the keys written on `link` (at `path`, running `protocolKind`) that the schema's scopes
    /// (`Field.scope`) say its medium or protocol does not read, and for a satellite link's length beside its
    /// elevation or pass (the range follows from those and the altitude).
    static func warnings(_ link: Link, protocolKind: ProtocolKind, path: String) -> [Diagnostic] {
        var unused: [(key: String, warning: String)] = Link.fields.compactMap { field in
            // The scope first, then whether the link sets the key, then the words: reading a key formats its value,
            // and every re-plan of every link passes here.
            guard !field.scope.applies(to: link.resolvedMedium, protocolKind), field.read(link) != nil,
                  let warning = field.unused(on: link.resolvedMedium, running: protocolKind) else { return nil }
            return (field.key, warning)
        }
        if link.resolvedMedium == .satellite, link.length != nil, link.elevation != nil || link.pass != nil {
            let from = link.pass != nil ? "its pass" : "its elevation"
            unused.insert(("length", "length is not used on a satellite link (the range comes from \(from) and the satellite's "
                + "altitude): remove it, or change the medium"), at: 0)
        }
        return unused.map { key, warning in Diagnostic(.warning, warning, keyPath: "\(path).\(key)") }
    }
}
