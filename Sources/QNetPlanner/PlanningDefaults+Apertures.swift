import QNetModel

extension PlanningDefaults {
    /// The built-in diameters of `link`'s transmitting and receiving telescopes, for a link that gives no
    /// `tx_aperture` or `rx_aperture`: on a satellite link the satellite's telescope sends on a downlink and
    /// receives on an uplink, the ground station's the other way; a terrestrial free-space link has its own.
    static func apertures(of link: Link) -> (transmitting: BuiltInDefault<Double>, receiving: BuiltInDefault<Double>) {
        guard link.resolvedMedium == .satellite else { return (freeSpaceTxAperture, freeSpaceRxAperture) }
        return link.resolvedDirection == .downlink ? (satelliteAperture, groundStationAperture)
            : (groundStationAperture, satelliteAperture)
    }
}
