import QNetModel

/// The keys of a link that its medium does not use, which the planner would otherwise ignore without a word.
enum MediumKeys {
    /// A link key that only some media read, and what a medium that does not read it uses instead.
    struct Entry {
        let key: String
        let usedOn: Set<Medium>
        /// Why the key does nothing on each other medium (absent: only a satellite link has one).
        let why: [Medium: String]
        /// The schema's field of `key`, which reads whether a link sets it.
        let field: Field<Link>?

        init(key: String, usedOn: Set<Medium>, why: [Medium: String]) {
            (self.key, self.usedOn, self.why, field) = (key, usedOn, why, Link.field(named: key))
        }
    }

    private static let noOptics = "a fiber link has no free-space optics"
    private static let satelliteOnly = "only a satellite link has one"

    /// Every link key read on some media only, with the media whose budgets read it (`LossBudgetBuilder`, and
    /// `DetectionBudgetBuilder` for the dispersion): the one table the warnings come from.
    static let table: [Entry] = [
        Entry(key: "attenuation", usedOn: [.fiber],
              why: [.freeSpace: "the air's loss is atmospheric_attenuation",
                    .satellite: "the air's loss is zenith_transmittance over the airmass"]),
        Entry(key: "dispersion", usedOn: [.fiber], why: [.freeSpace: "only a fiber's dispersion is modelled",
                                                           .satellite: "only a fiber's dispersion is modelled"]),
        Entry(key: "tx_aperture", usedOn: [.freeSpace, .satellite], why: [.fiber: noOptics]),
        Entry(key: "rx_aperture", usedOn: [.freeSpace, .satellite], why: [.fiber: noOptics]),
        Entry(key: "beam_divergence", usedOn: [.freeSpace, .satellite], why: [.fiber: noOptics]),
        Entry(key: "pointing_jitter", usedOn: [.freeSpace, .satellite], why: [.fiber: noOptics]),
        Entry(key: "atmospheric_attenuation", usedOn: [.freeSpace],
              why: [.fiber: noOptics, .satellite: "the air's loss is zenith_transmittance over the airmass"]),
        Entry(key: "turbulence_cn2", usedOn: [.freeSpace],
              why: [.fiber: noOptics, .satellite: "an uplink's turbulence is the turbulence profile"]),
        Entry(key: "direction", usedOn: [.satellite], why: [:]),
        Entry(key: "turbulence", usedOn: [.satellite], why: [:]),
        Entry(key: "elevation", usedOn: [.satellite], why: [:]),
        Entry(key: "pass", usedOn: [.satellite], why: [:]),
        Entry(key: "zenith_transmittance", usedOn: [.satellite], why: [:]),
    ]

    /// Warnings for keys the link's medium does not use (`table`), which would otherwise be ignored without a word,
    /// and for a satellite link's length beside its elevation or pass (the range follows from those and the altitude).
    static func unused(_ link: Link, path: String) -> [Diagnostic] {
        let medium = link.resolvedMedium
        var unused: [(key: String, why: String)] = []
        if medium == .satellite, link.length != nil, link.elevation != nil || link.pass != nil {
            let from = link.pass != nil ? "its pass" : "its elevation"
            unused.append(("length", "the range comes from \(from) and the satellite's altitude"))
        }
        for entry in table where !entry.usedOn.contains(medium) && entry.field?.read(link) != nil {
            unused.append((entry.key, entry.why[medium] ?? satelliteOnly))
        }
        return unused.map { key, why in
            Diagnostic(.warning, "\(key) is not used on a \(medium.rawValue) link (\(why)): remove it, or change the medium",
                       keyPath: "\(path).\(key)")
        }
    }
}
