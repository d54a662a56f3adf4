import QNetModel

/// The keys of a link that its medium does not use, which the planner would otherwise ignore without a word.
enum MediumKeys {
    /// Warnings for keys the link's medium does not use, which would otherwise be ignored without a word: a
    /// satellite link's length beside its elevation or pass (the range follows from those and the altitude),
    /// a satellite's geometry on a fiber or free-space link, free-space optics on a fiber.
    static func unused(_ link: Link, path: String) -> [Diagnostic] {
        let medium = link.resolvedMedium.rawValue
        var unused: [(key: String, why: String)] = []
        switch link.resolvedMedium {
        case .satellite:
            if link.length != nil, link.elevation != nil || link.pass != nil {
                let from = link.pass != nil ? "its pass" : "its elevation"
                unused.append(("length", "the range comes from \(from) and the satellite's altitude"))
            }
        case .fiber, .freeSpace:
            if link.elevation != nil { unused.append(("elevation", "only a satellite link has one")) }
            if link.pass != nil { unused.append(("pass", "only a satellite link has one")) }
            if link.resolvedMedium == .fiber {
                let optics: [(String, Bool)] = [("tx_aperture", link.txAperture != nil), ("rx_aperture", link.rxAperture != nil),
                                                ("beam_divergence", link.beamDivergence != nil),
                                                ("pointing_jitter", link.pointingJitter != nil),
                                                ("atmospheric_attenuation", link.atmosphericAttenuation != nil),
                                                ("turbulence_cn2", link.turbulenceCn2 != nil)]
                unused += optics.filter(\.1).map { ($0.0, "a fiber link has no free-space optics") }
            }
        }
        return unused.map { key, why in
            Diagnostic(.warning, "\(key) is not used on a \(medium) link (\(why)): remove it, or change the medium", keyPath: "\(path).\(key)")
        }
    }
}
