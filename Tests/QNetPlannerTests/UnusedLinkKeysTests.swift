import Testing
import QNetModel
@testable import QNetPlanner

/// Keys a link's medium or protocol does not use (as the schema's `Field.scope` says) are warned about at their key,
/// and a satellite link's length that cannot be a slant range is an error: both were ignored without a word.
@Suite struct UnusedLinkKeysTests {
    private func plan(_ links: [Link]) -> Plan {
        var satellite = Fixtures.node("S", .satellite)
        satellite.altitude = Quantity(500, .kilometre)
        return Planner().plan(Fixtures.topology(nodes: [Fixtures.node("A"), Fixtures.node("B"), satellite], links: links))
    }

    private func satelliteLink(_ id: String, to ground: String) -> Link {
        var link = Link(id: Identifier(id), from: "S", to: Identifier(ground), medium: .satellite)
        link.wavelength = Quantity(850, .nanometre)
        return link
    }

    @Test func unusedKeysAreWarnedAboutWhereTheyAreWritten() {
        var fiber = Fixtures.fiber("F", "A", "B", km: 20)
        fiber.pass = SatellitePass()
        fiber.txAperture = Quantity(10, .centimetre)
        var satellite = satelliteLink("SA", to: "A")
        satellite.elevation = Quantity(40, .degree)
        satellite.length = Quantity(900, .kilometre)
        let warnings = plan([fiber, satellite]).diagnostics.filter { $0.message.contains("is not used on a") }
        #expect(warnings.map(\.keyPath) == ["links[0].tx_aperture", "links[0].pass", "links[1].length"])
        #expect(warnings.allSatisfy { $0.severity == .warning })
        #expect(warnings.first?.message == "tx_aperture is not used on a fiber link (only free-space and satellite links use it): "
                + "remove it, or change the medium")
        #expect(warnings.last?.message == "length is not used on a satellite link (the range comes from its elevation and the "
                + "satellite's altitude): remove it, or change the medium")
    }

    @Test func keysOfAnotherProtocolAreWarnedAboutWhereTheyAreWritten() {
        var bb84 = Fixtures.fiber("F", "A", "B", km: 20)
        bb84.excessNoise = Quantity(0.01, .one)
        bb84.heralding = .singleClick
        bb84.finiteKey = FiniteKeySettings()   // read by bb84-decoy: no warning
        var cv = Fixtures.fiber("V", "A", "B", km: 20)
        cv.protocolKind = .cvGG02
        cv.excessNoise = Quantity(0.01, .one)   // read by cv-gg02: no warning
        cv.finiteKey = FiniteKeySettings()
        let warnings = plan([bb84, cv]).diagnostics.filter { $0.message.contains("is not used on a") }
        #expect(warnings.map(\.keyPath) == ["links[0].excess_noise", "links[0].heralding", "links[1].finite_key"])
        #expect(warnings.last?.message == "finite_key is not used on a cv-gg02 link (only bb84-decoy links read it): "
                + "remove it, or change the protocol")
    }

    /// QA: a cv-gg02 link's misalignment, stray light, clock jitter and dispersion changed nothing and were not warned
    /// about (GG02's noise is its excess noise; no photon is counted, no detection window timed).
    @Test func photonCountingKeysOnACVLinkAreWarnedAbout() {
        var cv = Fixtures.fiber("V", "A", "B", km: 20, protocol: .cvGG02)
        cv.misalignment = Quantity(40, .percent)
        cv.backgroundRate = Quantity(1, .gigahertz)
        cv.clockSyncJitter = Quantity(10, .nanosecond)
        cv.dispersion = Quantity(1000, .picosecondPerNanometreKilometre)
        let warnings = plan([cv]).diagnostics.filter { $0.message.contains("is not used on a cv-gg02 link") }
        #expect(Set(warnings.map(\.keyPath)) == ["links[0].misalignment", "links[0].background_rate",
                                                 "links[0].clock_sync_jitter", "links[0].dispersion"])
    }

    @Test func theSchemaSaysWhichLinksReadAKey() {
        let scope = { (key: String) in Link.field(named: key)?.scope }
        #expect(scope("length") == .everywhere && scope("protocol") == .everywhere)
        #expect(scope("attenuation")?.applies(to: .fiber, .bb84Decoy, direction: .downlink) == true)
        #expect(scope("attenuation")?.applies(to: .freeSpace, .bb84Decoy, direction: .downlink) == false)
        #expect(scope("pass")?.applies(to: .satellite, .bbm92, direction: .downlink) == true)
        #expect(scope("pass")?.applies(to: .satellite, .bbm92, direction: .uplink) == true)
        #expect(scope("reconciliation_efficiency")?.applies(to: .fiber, .cvGG02, direction: .downlink) == true)
        #expect(scope("reconciliation_efficiency")?.applies(to: .fiber, .bb84Decoy, direction: .downlink) == false)
        #expect(scope("bright_state_population")?.protocols == [.entanglement])
        // Only an uplink crosses the turbulence near the ground at the start of its path (LossBudgetBuilder).
        #expect(scope("turbulence")?.directions == [.uplink])
        #expect(scope("turbulence")?.applies(to: .satellite, .bb84Decoy, direction: .uplink) == true)
        #expect(scope("turbulence")?.applies(to: .satellite, .bb84Decoy, direction: .downlink) == false)
        #expect(scope("turbulence")?.applies(to: .freeSpace, .bb84Decoy, direction: .uplink) == false)
    }

    /// QA: `turbulence` on a satellite downlink changed nothing (a downlink's budget has no turbulence) and was not
    /// warned about, as the schema could not say that only uplinks read it.
    @Test func turbulenceOnADownlinkIsWarnedAboutAndOnAnUplinkIsNot() {
        var downlink = satelliteLink("SD", to: "A")
        downlink.elevation = Quantity(40, .degree)
        downlink.turbulence = TurbulenceProfile.none
        var uplink = satelliteLink("SU", to: "B")
        (uplink.elevation, uplink.direction, uplink.turbulence) = (Quantity(40, .degree), .uplink, TurbulenceProfile.none)
        var named = downlink
        (named.id, named.direction) = ("SN", .downlink)   // a downlink by name, as by default
        let warnings = plan([downlink, uplink, named]).diagnostics.filter { $0.message.contains("is not used on a") }
        #expect(warnings.map(\.keyPath) == ["links[0].turbulence", "links[2].turbulence"])
        #expect(warnings.first?.message == "turbulence is not used on a satellite downlink (only uplinks read it): "
                + "remove it, or change the direction")
        #expect(Link.field(named: "turbulence")?.unused(on: .fiber, running: .bb84Decoy, direction: .downlink)
                == "turbulence is not used on a fiber link (only satellite links use it): remove it, or change the medium")
    }

    /// QA: a free-space link's fiber attenuation, and a satellite link's attenuation and atmospheric attenuation, were
    /// dropped without a word (the free-space link planned 0.0005 dB from 2 km at 5 dB/km).
    @Test func lossKeysOfAnotherMediumAreWarnedAboutOnFreeSpaceAndSatelliteLinks() {
        var freeSpace = Link(id: "F1", from: "A", to: "B", medium: .freeSpace, length: Quantity(2, .kilometre))
        freeSpace.attenuation = Quantity(5, .decibelPerKilometre)
        freeSpace.zenithTransmittance = Quantity(80, .percent)
        var satellite = satelliteLink("S1", to: "A")
        satellite.pass = SatellitePass()
        satellite.attenuation = Quantity(5, .decibelPerKilometre)
        satellite.atmosphericAttenuation = Quantity(3, .decibelPerKilometre)
        satellite.turbulenceCn2 = Quantity(1e-15, .perMetreTwoThirds)
        var fiber = Fixtures.fiber("L", "A", "B", km: 5)
        fiber.direction = .uplink
        let warnings = plan([freeSpace, satellite, fiber]).diagnostics.filter { $0.message.contains("is not used on a") }
        #expect(warnings.map(\.keyPath) == ["links[0].attenuation", "links[0].zenith_transmittance", "links[1].attenuation",
                                            "links[1].atmospheric_attenuation", "links[1].turbulence_cn2", "links[2].direction"])
        #expect(warnings.first?.message == "attenuation is not used on a free-space link (only fiber links use it): "
                + "remove it, or change the medium")
        #expect(warnings[3].message == "atmospheric_attenuation is not used on a satellite link (only free-space links use "
                + "it): remove it, or change the medium")
    }

    /// The scope says a free-space link reads atmospheric_attenuation: its budget does, 5 dB/km over 2 km.
    @Test func atmosphericAttenuationIsReadOnAFreeSpaceLink() {
        var freeSpace = Link(id: "F1", from: "A", to: "B", medium: .freeSpace, length: Quantity(2, .kilometre))
        let before = plan([freeSpace]).links[0].lossDB
        freeSpace.atmosphericAttenuation = Quantity(5, .decibelPerKilometre)
        #expect(abs(plan([freeSpace]).links[0].lossDB - before - 10) < 1e-9)
    }

    @Test func aSatelliteLinksLengthBelowTheAltitudeIsAnError() {
        var short = satelliteLink("SA", to: "A")
        short.length = Quantity(50, .kilometre)
        var slant = satelliteLink("SB", to: "B")
        slant.length = Quantity(900, .kilometre)
        let planned = plan([short, slant])
        let errors = planned.diagnostics.filter { $0.severity == .error }
        #expect(errors.map(\.keyPath) == ["links[0].length"])
        // No key from a budget the figures cannot make, and the reason says why; the other link keys.
        #expect(planned.links[0].keyRateBps == 0 && planned.links[0].noKeyReason == errors.first?.message)
        #expect(planned.links[1].keyRateBps > 0)
        #expect(errors.first?.message.hasPrefix("length 50 km is shorter than the satellite's altitude 500 km") == true)
    }
}

/// A link's wavelength that its figures were not given for is warned about.
@Suite struct WavelengthWarningTests {
    @Test func theBuiltInFiberAttenuationOutsideItsBandAndALinkWavelengthNotTheSources() {
        var topology = Fixtures.topology(nodes: [Fixtures.node("A"), Fixtures.node("B"), Fixtures.node("C")],
                                         links: [Fixtures.fiber("L1", "A", "B", km: 5), Fixtures.fiber("L2", "B", "C", km: 5),
                                                 Fixtures.fiber("L3", "A", "C", km: 5)])
        topology.equipment.sources[0].wavelength = Quantity(850, .nanometre)
        topology.links[1].attenuation = Quantity(2.5, .decibelPerKilometre)   // given for its band: no warning
        topology.links[2].wavelength = Quantity(1550, .nanometre)              // in band, but not what the source emits
        let warnings = Planner().plan(topology).diagnostics.filter { $0.message.contains("nm") && $0.severity == .warning }
        #expect(warnings.map(\.keyPath) == ["links[0].attenuation", "links[2].wavelength"])
        #expect(warnings.first?.message == "link L1 carries 850 nm (equipment.sources.wcp.wavelength), but its fiber attenuation "
                + "is the built-in 0.2 dB/km of standard fiber at 1550 nm: set attenuation for that wavelength")
        #expect(warnings.last?.message == "link L3's wavelength 1550 nm is not its source's 850 nm "
                + "(equipment.sources.wcp.wavelength): the budgets use the link's")
    }
}
