import QNetModel

/// A telescope of a free-space or satellite link as its loss budget reads it (`LossBudgetBuilder`): the sender's
/// (`tx_aperture`), whose diameter is the beam's waist and so sets its diffraction, or the receiver's
/// (`rx_aperture`), which collects the beam; with the next size a what-if offers for it.
struct LinkTelescope {
    /// Whose telescope: the sender's or the receiver's (as a summary names it).
    enum Role: String {
        case transmitting, receiving
    }

    let role: Role
    /// The diameter as the link gives it, in its unit; nil where the link gives none (the built-in default).
    let given: Quantity?
    /// The diameter the budget uses, m.
    let diameter: Double
    /// Where it stands.
    let mount: Mount

    /// Where a telescope stands: on a satellite (it sends on a downlink and receives on an uplink), at the ground
    /// station of a satellite link, or at a site of a terrestrial free-space link.
    enum Mount {
        case satellite, groundStation, terrestrial

        /// Whose telescope it is, for a summary (`the satellite's`); nil on a terrestrial link, where it is plain.
        var owner: String? {
            switch self {
            case .satellite: return "the satellite's"
            case .groundStation: return "the ground station's"
            case .terrestrial: return nil
            }
        }
    }

    /// The largest ground telescope offered, m: half again the 1 m telescopes that received Micius at Xinglong
    /// (Liao et al., Nature 549, 43 (2017)) and the 144 km link at ESA's Optical Ground Station on Tenerife
    /// (Schmitt-Manderbach et al., PRL 98, 010504 (2007)); larger ones are astronomy's, not a QKD station's.
    static let largestOnGround = 1.5
    /// The largest satellite telescope offered, m: Micius's 30 cm (Liao et al. 2017); a larger one is a larger satellite.
    static let largestOnSatellite = 0.30

    /// The key of the link that gives the diameter.
    var key: String { role == .transmitting ? "tx_aperture" : "rx_aperture" }

    /// The telescopes of `link` whose size its budget reads: none on a fiber link; the transmitting one only where
    /// its diffraction sets the beam (a given `beam_divergence` replaces it, and the telescope's size then only adds
    /// its waist, half its diameter, to a beam metres wide: a larger one's divergence is not known).
    static func telescopes(of link: Link) -> [LinkTelescope] {
        let medium = link.resolvedMedium
        guard medium != .fiber else { return [] }
        let defaults = PlanningDefaults.apertures(of: link)
        let downlink = link.resolvedDirection == .downlink
        let (sender, receiver): (Mount, Mount) = medium == .freeSpace ? (.terrestrial, .terrestrial)
            : downlink ? (.satellite, .groundStation) : (.groundStation, .satellite)
        let receiving = LinkTelescope(role: .receiving, given: link.rxAperture,
                                      diameter: link.rxAperture?.si ?? defaults.receiving.value, mount: receiver)
        guard link.beamDivergence == nil else { return [receiving] }
        let transmitting = LinkTelescope(role: .transmitting, given: link.txAperture,
                                         diameter: link.txAperture?.si ?? defaults.transmitting.value, mount: sender)
        return [receiving, transmitting]
    }

    /// The next size: twice the diameter, at most the largest at its end (`largestOnGround`, `largestOnSatellite`),
    /// in the unit the link gives it in (cm where it gives none); nil where it is that large already.
    var larger: Quantity? {
        let next = min(2 * diameter, mount == .satellite ? Self.largestOnSatellite : Self.largestOnGround)
        guard next > diameter * (1 + 1e-9) else { return nil }
        let unit = given?.unit ?? .centimetre
        return Quantity(Self.tidy(next / unit.factor), unit)
    }

    /// `magnitude` to six significant digits, as an edit writes it (`150`, not `150.00000000000003`).
    static func tidy(_ magnitude: Double) -> Double {
        Double(Format.number(magnitude, digits: 6)) ?? magnitude
    }
}
