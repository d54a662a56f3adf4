/// The detection efficiency of a chain's heralding stations: each link's detector efficiency times the fraction of the
/// signal inside its window, the η_d in each arrival η_A = η_mem·√η_link·η_d of two-photon heralding (Barrett, Kok,
/// PRA 71, 060310(R) (2005)).
enum StationDetection {
    /// The assumption line of `links`: one group per distinct efficiency, with the keys the figures came from.
    static func assumption(_ links: [ElementaryLink]) -> Assumption {
        var groups = LinkGroups()
        for link in links {
            groups.add("eta_d = efficiency x signal inside the window = \(Format.percent(Sanitise.fraction(link.detectionEfficiency)))",
                       basis: link.detectionBasis)
        }
        return Assumption(name: "station detection", value: groups.value,
                          basis: (groups.bases + ["each link's detector; eta_d in eta_A = eta_mem sqrt(eta_link) eta_d"]).joined(separator: "; "))
    }
}
