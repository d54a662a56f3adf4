import Testing
import QNetModel
import QNetPlanner
@testable import QNetTUI

/// A link's form lists the keys its medium and protocol read, as the schema's scopes say, and every key it sets:
/// one it does not read says so, as the planner warns.
@Suite("Edit form: a link's keys follow its medium and protocol")
struct LinkFormKeysTests {
    private func keys(_ link: Identifier, in topology: Topology) -> [String] {
        (TopologyEditor.rows(of: .link(link), in: topology) ?? []).map(\.key)
    }

    private func screen(_ session: Session) -> String {
        Screen.render(session.state, size: Size(width: 120, height: 50)).lines.joined(separator: "\n")
    }

    private func form(_ session: Session) -> EditForm? {
        guard case .form(let form) = session.state.mode else { return nil }
        return form
    }

    @Test("a fiber bb84-decoy link lists its keys and finite_key, and none of free-space, satellite, CV, TF or heralding")
    func fiberLink() {
        let listed = keys("L1", in: Fixtures.metro)
        #expect(listed == ["id", "between", "medium", "length", "attenuation", "extra_losses", "misalignment", "protocol",
                           "ec_efficiency", "sifting", "source", "detector", "wavelength", "dispersion", "clock_sync_jitter",
                           "background_rate", "finite_key"])
    }

    @Test("a satellite link lists its optics and geometry, not the fiber's attenuation and dispersion; turbulence on uplinks only")
    func satelliteLink() {
        var topology = Fixtures.metro
        topology.links[0].medium = .satellite
        let listed = keys("L1", in: topology)
        for key in ["tx_aperture", "rx_aperture", "pointing_jitter", "beam_divergence", "direction", "elevation",
                    "pass", "zenith_transmittance"] { #expect(listed.contains(key), "\(key)") }
        for key in ["attenuation", "dispersion", "atmospheric_attenuation", "turbulence_cn2", "turbulence"] {
            #expect(!listed.contains(key), "\(key)")   // a downlink, as a satellite link is by default, reads no turbulence
        }
        topology.links[0].direction = .uplink
        #expect(keys("L1", in: topology).contains("turbulence"))
    }

    @Test("turbulence set on a satellite downlink is listed, marked with the planner's warning")
    func turbulenceOnADownlink() {
        var topology = Fixtures.metro
        topology.links[0].medium = .satellite
        topology.links[0].turbulence = .hv57
        let row = (TopologyEditor.rows(of: .link("L1"), in: topology) ?? []).first { $0.key == "turbulence" }
        #expect(row?.value == "hv57")
        #expect(row?.unused == "turbulence is not used on a satellite downlink (only uplinks read it): remove it, or change the direction")
        topology.links[0].direction = .uplink
        #expect((TopologyEditor.rows(of: .link("L1"), in: topology) ?? []).first { $0.key == "turbulence" }?.unused == nil)
    }

    @Test("the protocol comes from defaults.protocol when the link names none: cv-gg02 lists the CV keys, not finite_key")
    func protocolFromDefaults() {
        var topology = Fixtures.metro
        topology.defaults.protocolKind = .cvGG02
        let listed = keys("L1", in: topology)
        #expect(listed.suffix(3) == ["excess_noise", "excess_noise_reference", "reconciliation_efficiency"])
        #expect(!listed.contains("finite_key"))
    }

    @Test("on protocol, type cv-gg02: the CV keys appear, finite_key goes, and the cursor stays on protocol")
    func protocolEdit() {
        var session = Session()
        session.command("select L1")
        session.press(.enter)
        let protocolRow = keys("L1", in: session.state.topology).firstIndex(of: "protocol") ?? 0
        for _ in 0..<protocolRow { session.press(.character("j")) }
        session.press(.enter)
        session.type("cv-gg02")
        session.press(.enter)
        #expect(session.state.topology.link("L1")?.protocolKind == .cvGG02)
        let rows = TopologyEditor.rows(of: .link("L1"), in: session.state.topology) ?? []
        #expect(rows.map(\.key).contains("reconciliation_efficiency") && !rows.map(\.key).contains("finite_key"))
        #expect(form(session).map { rows[$0.cursor].key } == "protocol")
        #expect(screen(session).contains("excess_noise_reference"))
    }

    @Test("a key the link sets but does not read is listed, marked with the planner's warning; removed, it goes")
    func unusedKeyShown() {
        var topology = Fixtures.metro
        topology.links[0].txAperture = Quantity(10, .centimetre)
        topology.links[0].excessNoise = Quantity(0.01, .one)
        var session = Session(topology)
        let rows = TopologyEditor.rows(of: .link("L1"), in: topology) ?? []
        let aperture = rows.first { $0.key == "tx_aperture" }
        #expect(aperture?.value == "10 cm")
        #expect(aperture?.unused == "tx_aperture is not used on a fiber link (only free-space and satellite links use it): "
                + "remove it, or change the medium")
        #expect(rows.first { $0.key == "excess_noise" }?.unused?.hasPrefix("excess_noise is not used on a bb84-decoy link") == true)
        #expect(rows.first { $0.key == "length" }?.unused == nil)

        // The plan says it too (shown once).
        session.send(.planned(Planner().plan(topology), of: topology, seconds: 0.001))
        session.command("select L1")
        session.press(.enter)
        let index = rows.firstIndex { $0.key == "tx_aperture" } ?? 0
        for _ in 0..<index { session.press(.character("j")) }
        let text = screen(session)
        #expect(text.contains("10 cm  ! tx_aperture is not used on a fiber link"))
        // On the key, the form's last lines give the whole warning, word-wrapped.
        #expect(text.contains("│warning: tx_aperture is not used on a fiber link (only free-space and satellite links   │"))
        #expect(text.contains("│  use it): remove it, or change the medium "))
        #expect(!text.contains("more in the inspector"))
        session.press(.character("d"))
        #expect(session.state.topology.link("L1")?.txAperture == nil)
        #expect(!keys("L1", in: session.state.topology).contains("tx_aperture"))
    }

    @Test("the planner's warning at a key that the link reads is shown there: a satellite link's length beside its elevation")
    func plannerWarningAtKey() {
        var topology = Fixtures.metro
        topology.nodes[1].kind = .satellite
        topology.nodes[1].altitude = Quantity(500, .kilometre)
        topology.links[0].medium = .satellite
        topology.links[0].length = Quantity(900, .kilometre)
        topology.links[0].elevation = Quantity(40, .degree)
        var session = Session(topology)
        session.send(.planned(Planner().plan(topology), of: topology, seconds: 0.001))
        session.command("select L1")
        session.press(.enter)
        #expect(screen(session).contains("900 km  ! length is not used on a satellite link (the range co"))
    }

    /// Second reader: the form read the plan's list, which holds ten length warnings and counts the rest, so the
    /// eleventh such link's form said nothing at its length.
    @Test("a link's own warning is shown at its key though the plan's list counts it among the rest")
    func ownWarningBeyondTheListedTen() {
        var topology = Fixtures.metro
        for index in 0..<12 {
            topology.nodes.append(Fixtures.node(Identifier("F\(index)"), .trusted, x: 100, y: Double(100 + 10 * index)))
            topology.links.append(Link(id: Identifier("S\(index)"), from: "A", to: Identifier("F\(index)"), medium: .fiber,
                                       length: Quantity(1, .kilometre)))
        }
        let plan = Planner().plan(topology)
        #expect(!plan.diagnostics.contains { $0.keyPath == "links[13].length" })   // the 12th short link: counted, not listed
        var state = AppState(topology: topology)
        state.plan = plan
        let row = try? #require(TopologyEditor.rows(of: .link("S11"), in: topology)?.first { $0.key == "length" })
        let notes = row.map { RecordNotes(.link("S11"), in: state).notes(of: $0) } ?? []
        #expect(notes.first?.message.hasPrefix("link S11 is 1 km long, shorter than") == true)
    }
}
