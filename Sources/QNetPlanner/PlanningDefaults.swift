import QNetModel

/// A built-in default value with the reference it comes from.
public struct BuiltInDefault<Value: Sendable & Hashable>: Sendable, Hashable {
    /// The value, in SI units where it is a number.
    public let value: Value
    /// Where the figure comes from, as shown in budgets (`built-in default (ITU-T G.652 at 1550 nm)`).
    public let basis: String

    /// A default and its reference text (`reference` is wrapped as `built-in default (reference)`).
    public init(_ value: Value, _ reference: String) {
        self.value = value
        self.basis = "built-in default (\(reference))"
    }
}

/// The values the planner uses when neither the link, nor `topology.defaults`,
/// nor the equipment sets one. Every figure carries its reference, which the
/// budgets and assumptions quote.
///
/// Lookup order for a link value: the link's own key, then the equipment it
/// uses (source, detector), then `defaults:`, then these.
public enum PlanningDefaults {
    // MARK: Channel

    /// Wavelength, m.
    public static let wavelength = BuiltInDefault(1550e-9, "1550 nm, telecom C band")
    /// Fiber attenuation, dB/m (0.2 dB/km).
    public static let fiberAttenuation = BuiltInDefault(0.2e-3, "ITU-T G.652 at 1550 nm")
    /// Chromatic dispersion, s/m² (17 ps/(nm km)).
    public static let fiberDispersion = BuiltInDefault(17e-6, "ITU-T G.652 at 1550 nm")
    /// Clock synchronisation jitter between sender and receiver, FWHM, s.
    public static let clockSyncJitter = BuiltInDefault(10e-12, "10 ps FWHM, typical of White Rabbit-class sync")
    /// Transmit aperture diameter of a terrestrial free-space link, m.
    public static let freeSpaceTxAperture = BuiltInDefault(0.10, "10 cm transmit telescope")
    /// Receive aperture diameter of a terrestrial free-space link, m.
    public static let freeSpaceRxAperture = BuiltInDefault(0.20, "20 cm receive telescope")
    /// Aperture diameter of the satellite's telescope (sends on a downlink, receives on an uplink), m.
    public static let satelliteAperture = BuiltInDefault(0.30, "30 cm, Micius-class satellite telescope, Liao et al. 2017")
    /// Aperture diameter of the ground station's telescope, m.
    public static let groundStationAperture = BuiltInDefault(1.0, "1 m optical ground station, Liao et al. 2017")
    /// Pointing jitter of a satellite link, rms per axis, rad, when the link gives none.
    public static let satellitePointingJitter = BuiltInDefault(
        1.2e-6, "1.2 urad, the tracking accuracy of Micius (Liao et al., Nature 549, 43 (2017)) taken as the rms "
            + "pointing jitter per axis, as the micius-downlink sample reads it")
    /// Transmittance of a ground station's receiving optics, fibre coupling included, on a satellite downlink that
    /// itemises no `extra_losses`.
    public static let groundReceiverOptics = BuiltInDefault(
        0.16, "16 % (7.96 dB), the Micius ground station's 1 m telescope optics with fibre coupling (Liao et al., "
            + "Nature 549, 43 (2017)), as the micius-downlink sample reads it")
    /// Atmospheric transmittance at zenith.
    public static let zenithTransmittance = BuiltInDefault(0.8, "80 % clear-sky zenith transmittance")
    /// Elevation of a satellite pass's highest point, rad, when a pass names none.
    public static let passMaxElevation = BuiltInDefault(Double.pi / 2, "pass through zenith, 90 deg")
    /// Lowest elevation at which a satellite pass is used, rad, when a pass names none.
    public static let passMinElevation = BuiltInDefault(10 * Double.pi / 180,
                                                        "10 deg, the minimum elevation of SatQuMA, Sidhu et al. 2022")
    /// Usable passes a day, when a pass names none.
    public static let passesPerDay = BuiltInDefault(1.0, "one usable pass a day")
    /// Altitude of a satellite that names none, m (validation requires one).
    public static let satelliteAltitude = BuiltInDefault(500e3, "500 km low Earth orbit")
    /// The lowest altitude at which a satellite orbits, m: below it atmospheric drag brings it down within about a
    /// revolution. A satellite node below it gets a warning.
    public static let lowestOrbit = BuiltInDefault(
        160e3, "low Earth orbit starts at about 160 km: no satellite orbits lower, because of atmospheric drag; the lowest, "
            + "JAXA's Tsubame, flew at 167.4 km (Encyclopaedia Britannica, \"low Earth orbit\")")
    /// How much shorter than the distance between its ends' positions a fiber or free-space link may be before it gets a
    /// warning (`LinkLengthCheck`), as a fraction of that distance; `lengthBelowDistanceFloor` when that is larger.
    /// The great circle on a sphere of the mean radius (6371.0 km) overstates the WGS-84 ellipsoid's shortest path
    /// most north-south at the equator, whose radius of curvature there is a(1 - e²) = 6335.4 km: by 0.56 %.
    public static let lengthBelowDistance = BuiltInDefault(
        0.01, "1 %, above the 0.56 % by which a great circle on the mean sphere can overstate the WGS-84 ellipsoid's "
            + "shortest path, NIMA TR8350.2, 2000")
    /// The least shortfall of a fiber or free-space link's length against its ends' distance that gets a warning, m.
    public static let lengthBelowDistanceFloor = BuiltInDefault(
        500.0, "0.5 km, as a position marks a site, not where the fiber or the beam ends")
    /// Stray-light count rate at the receiver, Hz.
    public static let backgroundRate = BuiltInDefault(0.0, "no stray light")

    // MARK: Protocol

    /// Protocol of a link.
    public static let protocolKind = BuiltInDefault("bb84-decoy", "decoy-state BB84, Lo, Ma, Chen 2005")
    /// Optical misalignment error e_d.
    public static let misalignment = BuiltInDefault(0.01, "1 % optical error")
    /// Error-correction inefficiency f.
    public static let ecEfficiency = BuiltInDefault(1.16, "f = 1.16, typical LDPC/cascade")
    /// Sifting: standard keeps 1/2 of detections.
    public static let sifting = BuiltInDefault("standard", "q = 1/2; efficient BB84: q = 1, Lo, Chau, Ardehali 2005, asymptotic")

    // MARK: Source

    /// Source kind.
    public static let sourceKind = BuiltInDefault("weak-coherent", "weak-coherent decoy source")
    /// Pulse repetition rate, Hz.
    public static let repetitionRate = BuiltInDefault(1e9, "1 GHz weak-coherent source")
    /// Signal intensity: optimised.
    public static let signalIntensity = BuiltInDefault("auto", "optimised by the planner")
    /// Decoy method.
    public static let decoy = BuiltInDefault("vacuum+weak", "vacuum + weak decoy, Ma, Qi, Zhao, Lo 2005")
    /// Weak decoy intensity ν.
    public static let decoyIntensity = BuiltInDefault(0.1, "nu = 0.1, Ma, Qi, Zhao, Lo 2005")
    /// Source timing jitter, FWHM, s.
    public static let sourceJitter = BuiltInDefault(0.0, "no source jitter")
    /// Source spectral linewidth, m.
    public static let linewidth = BuiltInDefault(0.1e-9, "0.1 nm linewidth")

    // MARK: Detection window

    /// Longest detection window when no gate width is given, s (the window is min(1 ns, 1/f_rep)).
    public static let maxWindow = BuiltInDefault(1e-9, "window min(1 ns, 1/f_rep)")

    // MARK: Repeaters

    /// Memory write-read efficiency.
    public static let memoryEfficiency = BuiltInDefault(
        0.5, "50 % write-read efficiency, below the 58 % (storage and retrieval) of the cavity-enhanced rare-earth memory of "
            + "Sabooni et al., PRL 110, 133604 (2013)")
    /// Memory coherence time, s.
    public static let memoryCoherenceTime = BuiltInDefault(
        1.0, "1 s coherence time, between a cold-atom memory's 0.22 s 1/e lifetime (Yang et al., Nat. Photon. 10, 381 (2016)) "
            + "and the over 40 s (images: 1 min) of light stored by EIT in a doped crystal (Heinze, Hubrich, Halfmann, "
            + "PRL 111, 033601 (2013))")
    /// Memory modes.
    public static let memoryModes = BuiltInDefault(1, "1 mode, no multiplexing")
    /// Bell-state measurement success probability.
    public static let swapSuccess = BuiltInDefault(0.5, "50 %, linear-optics Bell measurement")
    /// Heralding of an entanglement link.
    public static let heralding = BuiltInDefault(Heralding.twoClick, "two-photon heralding, Barrett, Kok, PRA 71, 060310(R) (2005)")
    /// Detectors of a heralding station, over which its detector's dark and stray-light counts are shared.
    public static let heraldingStationDetectors = BuiltInDefault(
        2, "two detectors behind the station's beam splitter, Dhara, Englund, Guha, Phys. Rev. Research 5, 033149 (2023), App. C")
    /// Single-click bright-state population: optimised.
    public static let brightStatePopulation = BuiltInDefault(Tunable.auto, "optimised by the planner for the chain's key rate")
    /// Memory cutoff, s: none.
    public static let cutoffTime = BuiltInDefault(Double.infinity, "no cutoff: a stored pair is kept until it is used")
    /// DEJMPS rounds on each elementary pair when a repeater names `purification: dejmps` but no rounds.
    public static let purificationRounds = BuiltInDefault(1, "one DEJMPS round when purification is named without purification_rounds")
    /// Total chain lengths of the rate-against-distance table, m (the chain's own length is added).
    public static let repeaterSweepLengths = BuiltInDefault([100e3, 200e3, 400e3, 600e3, 800e3, 1000e3],
                                                            "100-1000 km, the range of Sangouard et al., RMP 83, 33 (2011)")
    /// Speed of light in fiber, m/s.
    public static let fiberLightSpeed = BuiltInDefault(2e8, "c/n with n ≈ 1.5 in silica fiber")
}
