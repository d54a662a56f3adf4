import QNetPhysics

/// The dark counts of a chain's heralding stations: each link's detector figure (dark plus stray-light counts per
/// window, the receiver's total) shared by the station's two detectors, as the per-detector p_d of
/// `EntanglementHeralding` (Dhara, Englund, Guha, Phys. Rev. Research 5, 033149 (2023), App. C).
enum HeraldingStationNoise {
    /// Dark-count probability per detector per window at `link`'s heralding station.
    static func perDetector(_ link: ElementaryLink) -> Double {
        Sanitise.fraction(Sanitise.fraction(link.noiseProbability) / Double(PlanningDefaults.heraldingStationDetectors.value))
    }

    /// The assumption line of `links`: one group per distinct figure, with the keys the figures came from.
    static func assumption(_ links: [ElementaryLink]) -> Assumption {
        let detectors = PlanningDefaults.heraldingStationDetectors
        var groups = LinkGroups()
        for link in links {
            let text = "p_d = \(Format.number(perDetector(link), digits: 3)) per detector per window: the station detector's "
                + "\(Format.number(Sanitise.fraction(link.noiseProbability), digits: 3)) dark and stray-light counts per window "
                + "over its \(detectors.value) detectors"
            groups.add(text, basis: link.noiseBasis)
        }
        return Assumption(name: "detector dark counts", value: groups.value,
                          basis: (groups.bases + [detectors.basis]).joined(separator: "; ")
                            + "; a dark count spoils a true herald or makes a false one, whose pair is noise")
    }
}
