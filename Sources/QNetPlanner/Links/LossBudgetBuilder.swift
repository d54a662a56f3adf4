import Foundation
import QNetModel
import QNetPhysics

/// A link's channel losses, line by line (the receiver's detection efficiency
/// is in the detector budget, not here).
struct LossBudget {
    var lines: [BudgetLine] = []
    var assumptions: [Assumption] = []
    var diagnostics: [Diagnostic] = []
    /// Length of the optical path, m (fiber or free-space length, or the satellite slant range).
    var pathLength: Double = 0
    /// A satellite link at one geometry and no pass whose satellite is not geostationary (`FixedElevationLink`):
    /// its key holds only while the satellite is there.
    var keyOnlyWhileInView = false
}

/// Builds the loss budget of a fiber, free-space or satellite link from its
/// resolved figures; the formulas are QNetPhysics'.
enum LossBudgetBuilder {
    /// The loss budget of `link`; a satellite link is seen at `elevation` (rad) when given, else at its own geometry.
    static func build(_ link: ResolvedLink, elevation: Sourced<Double>? = nil) -> LossBudget {
        var budget = LossBudget()
        switch link.medium {
        case .fiber: fiber(link, into: &budget)
        case .freeSpace: freeSpace(link, into: &budget)
        case .satellite: satellite(link, elevation: elevation, into: &budget)
        }
        budget.diagnostics += LinkLengthBounds.errors(link)
        for loss in link.inputs.link.extraLosses {
            budget.lines.append(BudgetLine(item: loss.name, db: Sanitise.lossDB(max(0, loss.loss.si)),
                                           basis: "\(link.path).extra_losses.\(loss.name)"))
        }
        return budget
    }

    /// One line from a transmittance: its loss in dB, never NaN (an opaque channel shows 1000 dB, see `Sanitise.lossDB`).
    static func line(_ item: String, transmittance: Double, basis: String) -> BudgetLine {
        BudgetLine(item: item, db: Sanitise.lossDB(max(0, Decibel.loss(transmittance: transmittance))), basis: basis)
    }

    // MARK: Fiber

    private static func fiber(_ link: ResolvedLink, into budget: inout LossBudget) {
        let attenuation = link.attenuation
        let length = max(0, link.length.value)
        let dbPerKm = attenuation.value * 1000
        let db = Fiber.lossDB(length: length, attenuationDBPerKm: dbPerKm)
        budget.lines.append(BudgetLine(item: "fiber \(Format.km(length)) x \(Format.number(dbPerKm)) dB/km",
                                       db: Sanitise.lossDB(db), basis: "\(link.length.basis); \(attenuation.basis)"))
        budget.pathLength = length
    }

    // MARK: Free space

    private static func freeSpace(_ link: ResolvedLink, into budget: inout LossBudget) {
        let raw = link.inputs.link
        let apertures = PlanningDefaults.apertures(of: raw)
        let tx = Sourced.quantity([(raw.txAperture, "\(link.path).tx_aperture")], else: apertures.transmitting)
        let rx = Sourced.quantity([(raw.rxAperture, "\(link.path).rx_aperture")], else: apertures.receiving)
        let length = max(0, link.length.value)
        budget.pathLength = length
        var beam = beamLines(link, distance: length, distanceBasis: link.length.basis, tx: tx, rx: rx, into: &budget)
        if let cn2 = raw.turbulenceCn2?.si, cn2 > 0 {
            let rho0 = Turbulence.coherenceRadius(cn2: cn2, wavelength: link.wavelength.value, distance: length)
            beam = broaden(beam, coherenceRadius: rho0, link: link, distance: length, rx: rx,
                           item: "turbulence broadening (Cn2 \(Format.number(cn2, digits: 3)) m^-2/3",
                           basis: "\(link.path).turbulence_cn2; long-term spread, Andrews & Phillips 2005", into: &budget)
        }
        pointing(link, distance: length, beamRadius: beam, into: &budget)
        if let attenuation = raw.atmosphericAttenuation?.si {
            let dbPerKm = attenuation * 1000
            let eta = Atmosphere.transmittance(attenuationDBPerKm: dbPerKm, distance: length)
            budget.lines.append(line("atmosphere \(Format.km(length)) x \(Format.number(dbPerKm)) dB/km", transmittance: eta,
                                     basis: "\(link.path).atmospheric_attenuation"))
        } else {
            budget.assumptions.append(Assumption(name: "atmosphere", value: "0 dB/km",
                                                 basis: "no atmospheric_attenuation given: clear air neglected"))
        }
    }

    // MARK: Satellite

    /// The altitude of the link's satellite (the end of kind satellite), with a warning when the node gives none or
    /// one below `PlanningDefaults.lowestOrbit`.
    static func satelliteAltitude(_ link: ResolvedLink) -> (Sourced<Double>, Diagnostic?) {
        let inputs = link.inputs
        let satelliteIsFrom = inputs.fromNode.resolvedKind == .satellite || inputs.toNode.resolvedKind != .satellite
        let (satellite, satelliteIndex) = satelliteIsFrom ? (inputs.fromNode, inputs.fromIndex) : (inputs.toNode, inputs.toIndex)
        let altitude = Sourced.quantity([(satellite.altitude, "nodes[\(satelliteIndex)].altitude")],
                                        else: PlanningDefaults.satelliteAltitude)
        let path = "nodes[\(satelliteIndex)].altitude"
        let lowest = PlanningDefaults.lowestOrbit
        if satellite.altitude == nil {
            return (altitude, Diagnostic(.warning, "satellite \(satellite.id) has no altitude: 500 km assumed", keyPath: path))
        }
        guard altitude.value < lowest.value else { return (altitude, nil) }
        return (altitude, Diagnostic(.warning, "satellite \(satellite.id) at \(Format.km(altitude.value)) is below the lowest orbit, "
            + "about \(Format.km(lowest.value)) (\(lowest.basis)): no satellite stays there; the budgets use the altitude as given",
                                     keyPath: path))
    }

    private static func satellite(_ link: ResolvedLink, elevation seen: Sourced<Double>?, into budget: inout LossBudget) {
        let raw = link.inputs.link
        let (altitude, warning) = satelliteAltitude(link)
        if let warning { budget.diagnostics.append(warning) }
        let h = altitude.value
        let (elevation, range) = seen.map {
            ($0, Sourced(SatelliteGeometry.slantRange(altitude: h, elevation: $0.value), "slant range from \($0.basis)"))
        } ?? geometry(link, altitude: altitude, into: &budget)
        budget.pathLength = range.value
        budget.assumptions.append(Assumption(
            name: "geometry", value: "altitude \(Format.km(h)), elevation \(Format.number(elevation.value * 180 / .pi)) deg, slant range \(Format.km(range.value))",
            basis: "\(altitude.basis); \(elevation.basis); spherical Earth R = 6371 km"))

        let zenith = Sourced.quantity([(raw.zenithTransmittance, "\(link.path).zenith_transmittance")],
                                      else: PlanningDefaults.zenithTransmittance)
        let airmass = Atmosphere.airmass(elevation: elevation.value)
        let eta = Atmosphere.slantTransmittance(zenithTransmittance: zenith.value, elevation: elevation.value)
        budget.lines.append(line("atmosphere (zenith \(Format.percent(zenith.value)), airmass \(Format.number(Sanitise.finite(airmass), digits: 3)))",
                                 transmittance: eta, basis: "\(zenith.basis); Kasten-Young airmass 1989"))

        let downlink = raw.resolvedDirection == .downlink
        let apertures = PlanningDefaults.apertures(of: raw)
        let tx = Sourced.quantity([(raw.txAperture, "\(link.path).tx_aperture")], else: apertures.transmitting)
        let rx = Sourced.quantity([(raw.rxAperture, "\(link.path).rx_aperture")], else: apertures.receiving)
        var beam = beamLines(link, distance: range.value, distanceBasis: range.basis, tx: tx, rx: rx, into: &budget)

        let profile = raw.turbulence ?? .hv57
        if downlink {
            budget.assumptions.append(Assumption(
                name: "turbulence", value: "none on the downlink",
                basis: "a downlink's turbulence lies in the last few km of its path, near the ground receiver, and barely broadens a beam from orbit (Andrews & Phillips, Laser Beam Propagation through Random Media, 2nd ed., SPIE (2005))"))
        } else if profile == .none {
            budget.assumptions.append(Assumption(name: "turbulence", value: "none", basis: "\(link.path).turbulence"))
        } else {
            let rho0 = Turbulence.uplinkCoherenceRadius(wavelength: link.wavelength.value, zenithAngle: .pi / 2 - elevation.value,
                                                        satelliteAltitude: h)
            beam = broaden(beam, coherenceRadius: rho0, link: link, distance: range.value, rx: rx,
                           item: "uplink turbulence (HV 5/7, rho0 \(Format.number(Sanitise.finite(rho0) * 100, digits: 3)) cm",
                           basis: "\(raw.turbulence == nil ? "built-in default (hv57)" : "\(link.path).turbulence"); Hufnagel-Valley 5/7, Andrews & Phillips 2005",
                           into: &budget)
        }
        pointing(link, distance: range.value, beamRadius: beam, fallback: PlanningDefaults.satellitePointingJitter, into: &budget)
        receiverOptics(link, downlink: downlink, into: &budget)
    }

    /// The name that an `extra_losses` entry of a satellite link starts with to give the receiving optics' own loss,
    /// in place of the built-in figure (`receiver_optics: 3 dB`, `receiver_optics_and_fibre_coupling: 7.96 dB`).
    static let receiverOpticsEntry = "receiver_optics"

    /// Adds the ground station's receiving optics on a downlink whose `extra_losses` give no entry of their own for them
    /// (`receiverOpticsEntry`): other itemised losses (connectors, say) come on top, not instead. An uplink's receiver
    /// on the satellite has no built-in figure.
    private static func receiverOptics(_ link: ResolvedLink, downlink: Bool, into budget: inout LossBudget) {
        guard !link.inputs.link.extraLosses.contains(where: { $0.name.hasPrefix(receiverOpticsEntry) }) else { return }
        let missing = "no extra_losses entry named \(receiverOpticsEntry)…"
        guard downlink else {
            budget.assumptions.append(Assumption(name: "receiver optics", value: "no loss",
                                                 basis: "\(missing); no built-in figure for a satellite's receiving optics"))
            return
        }
        let optics = PlanningDefaults.groundReceiverOptics
        budget.lines.append(line("receiver optics and fibre coupling (\(Format.percent(optics.value)))", transmittance: optics.value,
                                 basis: "\(optics.basis); \(missing) gives the link's own"))
    }

    /// Elevation and slant range from `elevation`, else the pass's highest point, else `length` as the slant range.
    private static func geometry(_ link: ResolvedLink, altitude: Sourced<Double>,
                                 into budget: inout LossBudget) -> (Sourced<Double>, Sourced<Double>) {
        let raw = link.inputs.link
        let h = altitude.value
        if let elevation = raw.elevation?.si {
            fixedGeometry(link, key: "elevation", altitude: altitude, into: &budget)
            let range = SatelliteGeometry.slantRange(altitude: h, elevation: elevation)
            return (Sourced(elevation, "\(link.path).elevation"), Sourced(range, "slant range from \(link.path).elevation"))
        }
        if let pass = raw.pass {
            let elevation = Sourced.quantity([(pass.maxElevation, "\(link.path).pass.max_elevation")],
                                             else: PlanningDefaults.passMaxElevation)
            let range = SatelliteGeometry.slantRange(altitude: h, elevation: elevation.value)
            return (elevation, Sourced(range, "slant range at the pass's highest elevation"))
        }
        if let length = raw.length?.si {
            // No slant range is shorter than the altitude (the satellite at zenith): the figure is not a range.
            if length < h * (1 - 1e-9) {
                budget.diagnostics.append(Diagnostic(
                    .error, "length \(Format.km(length)) is shorter than the satellite's altitude \(Format.km(h)) (\(altitude.basis)): "
                        + "a satellite link's length is its slant range, at least the altitude; or give an elevation or a pass",
                    keyPath: "\(link.path).length"))
            }
            fixedGeometry(link, key: "length", altitude: altitude, into: &budget)
            let elevation = SatelliteGeometry.elevation(altitude: h, slantRange: length)
            return (Sourced(Sanitise.finite(elevation, or: .pi / 2), "derived from \(link.path).length as the slant range"),
                    Sourced(length, "\(link.path).length (slant range)"))
        }
        budget.diagnostics.append(Diagnostic(.warning, "no elevation, pass or length: the satellite is assumed at zenith",
                                             keyPath: "\(link.path).elevation"))
        return (Sourced(.pi / 2, "built-in default (zenith)"), Sourced(h, "altitude at zenith"))
    }

    /// Marks a link whose `key` fixes one geometry, and warns, when it has no pass and its satellite is not geostationary.
    private static func fixedGeometry(_ link: ResolvedLink, key: String, altitude: Sourced<Double>, into budget: inout LossBudget) {
        guard link.inputs.link.pass == nil, let warning = FixedElevationLink.warning(link, key: key, altitude: altitude) else { return }
        budget.diagnostics.append(warning)
        budget.keyOnlyWhileInView = true
    }

    // MARK: Beam

    /// Adds the geometric-collection line of a Gaussian beam over `distance` and returns the beam radius there.
    ///
    /// Waist w0 = tx/2 (apertures are diameters); with `beam_divergence` θ (full
    /// angle) the far-field radius L·θ/2 is combined in quadrature with w0.
    private static func beamLines(_ link: ResolvedLink, distance: Double, distanceBasis: String, tx: Sourced<Double>,
                                  rx: Sourced<Double>, into budget: inout LossBudget) -> Double {
        let waist = tx.value / 2
        let radius: Double
        let beamBasis: String
        if let divergence = link.inputs.link.beamDivergence?.si {
            let farField = distance * divergence / 2
            radius = (waist * waist + farField * farField).squareRoot()
            beamBasis = "\(link.path).beam_divergence (far-field radius L x divergence / 2, in quadrature with the waist)"
        } else {
            radius = GaussianBeam.radius(waist: waist, wavelength: link.wavelength.value, distance: distance)
            beamBasis = "diffraction of a Gaussian beam, waist \(tx.basis) / 2, \(link.wavelength.basis)"
        }
        let eta = GaussianBeam.apertureCollection(apertureRadius: rx.value / 2, beamRadius: radius)
        budget.lines.append(line(
            "geometric (beam radius \(Format.number(radius, digits: 3)) m at \(Format.km(distance)), \(Format.number(rx.value * 100, digits: 3)) cm aperture)",
            transmittance: eta, basis: "\(beamBasis); \(rx.basis); \(distanceBasis)"))
        return radius
    }

    /// Adds the extra collection loss of turbulent long-term broadening and returns the broadened radius.
    private static func broaden(_ radius: Double, coherenceRadius: Double, link: ResolvedLink, distance: Double,
                                rx: Sourced<Double>, item: String, basis: String, into budget: inout LossBudget) -> Double {
        guard coherenceRadius > 0 else { return radius }
        let broadened = Turbulence.longTermRadius(beamRadius: radius, wavelength: link.wavelength.value, distance: distance,
                                                  coherenceRadius: coherenceRadius)
        let before = GaussianBeam.apertureCollection(apertureRadius: rx.value / 2, beamRadius: radius)
        let after = GaussianBeam.apertureCollection(apertureRadius: rx.value / 2, beamRadius: broadened)
        let eta = before > 0 ? after / before : 1
        budget.lines.append(line("\(item), beam radius \(Format.number(broadened, digits: 3)) m)", transmittance: eta, basis: basis))
        return broadened
    }

    /// Adds the pointing-jitter line with the link's pointing jitter, else `fallback`; no line when there is neither.
    private static func pointing(_ link: ResolvedLink, distance: Double, beamRadius: Double, fallback: BuiltInDefault<Double>? = nil,
                                 into budget: inout LossBudget) {
        let given = link.inputs.link.pointingJitter.map { ($0.si, "\(link.path).pointing_jitter") }
        guard let (jitter, basis) = given ?? fallback.map({ ($0.value, $0.basis) }) else {
            budget.assumptions.append(Assumption(name: "pointing", value: "no pointing loss",
                                                 basis: "no pointing_jitter given"))
            return
        }
        let eta = GaussianBeam.pointingTransmittance(jitter: jitter, distance: distance, beamRadius: beamRadius)
        budget.lines.append(line("pointing jitter \(Format.number(jitter * 1e6, digits: 3)) urad rms", transmittance: eta,
                                 basis: "\(basis); Rayleigh-distributed offset, Vasylyev et al. 2012"))
    }
}
