import Foundation
import Testing
import QNetModel
import QNetPhysics
@testable import QNetPlanner

/// A satellite link that gives no pointing jitter or extra losses is planned with Micius's figures (Liao et al.,
/// Nature 549, 43 (2017), as the micius-downlink sample reads them), not with ideal optics: 1.2 urad rms pointing
/// jitter and, on a downlink, 16 % (7.96 dB) for the ground station's receiving optics with fibre coupling.
@Suite struct SatelliteOpticsDefaultsTests {
    let planner = Planner()

    /// The QA case: a 500 km satellite's downlink to A, its pass culminating at 60 deg, everything else built in.
    private func downlink(_ edit: (inout Link) -> Void = { _ in }) -> LinkPlan? {
        var satellite = Fixtures.node("S", .satellite)
        satellite.altitude = Quantity(500, .kilometre)
        var link = Link(id: "S1", from: "S", to: "A", medium: .satellite)
        var pass = SatellitePass()
        pass.maxElevation = Quantity(60, .degree)
        link.pass = pass
        edit(&link)
        return planner.plan(Fixtures.topology(nodes: [satellite, Fixtures.node("A")], links: [link])).links.first
    }

    private func line(_ plan: LinkPlan?, _ prefix: String) -> BudgetLine? {
        plan?.lossBudget.first { $0.item.hasPrefix(prefix) }
    }

    @Test("the built-in downlink has a pointing loss and the ground station's receiving optics, each with its basis")
    func builtInDownlink() throws {
        let plan = try #require(downlink())
        let optics = try #require(line(plan, "receiver optics"))
        #expect(abs(optics.db - 7.959) < 1e-3 && optics.basis.contains("Liao et al."))
        let pointing = try #require(line(plan, "pointing jitter 1.2 urad"))
        #expect(pointing.basis.contains("Liao et al."))
        // The pointing line is the Rayleigh-averaged loss of physics.md §1 over the slant range at 60 deg.
        let range = SatelliteGeometry.slantRange(altitude: 500e3, elevation: 60 * .pi / 180)
        let beam = GaussianBeam.radius(waist: 0.15, wavelength: 1550e-9, distance: range)
        let expected = -10 * log10(1 / (1 + 4 * pow(1.2e-6 * range, 2) / (beam * beam)))
        #expect(abs(pointing.db - expected) < 1e-9)
        // QA: the ideal-optics budget was 9.93 dB (geometric 8.81, atmosphere 1.12).
        #expect(abs(plan.lossDB - (9.93 + expected + 7.959)) < 0.01)
    }

    @Test("a link's own pointing jitter, and an extra_losses entry named receiver_optics…, replace the built-in figures")
    func ownFiguresWin() throws {
        let plan = try #require(downlink { link in
            link.pointingJitter = Quantity(0.5, .microradian)
            link.extraLosses = [NamedLoss(name: "receiver_optics_and_fibre_coupling", loss: Quantity(3, .decibel))]
        })
        #expect(line(plan, "receiver optics and fibre coupling (") == nil)
        #expect(line(plan, "pointing jitter 0.5 urad")?.basis.hasPrefix("links[0].pointing_jitter") == true)
    }

    @Test("other extra losses (connectors) come on top of the built-in receiving optics, so adding one never raises the key")
    func otherLossesAddUp() throws {
        let bare = try #require(downlink())
        let withConnectors = try #require(downlink { link in
            link.extraLosses = [NamedLoss(name: "connectors", loss: Quantity(1, .decibel))]
        })
        #expect(line(withConnectors, "receiver optics and fibre coupling (") != nil)
        #expect(abs(withConnectors.lossDB - (bare.lossDB + 1)) < 1e-9)
        #expect(withConnectors.keyRateBps < bare.keyRateBps)
    }

    @Test("an uplink gets the pointing default but no receiving-optics line: the satellite's receiver has no built-in figure")
    func uplinkHasNoReceiverOptics() throws {
        let plan = try #require(downlink { $0.direction = .uplink })
        #expect(line(plan, "receiver optics") == nil)
        #expect(line(plan, "pointing jitter 1.2 urad") != nil)
        #expect(plan.assumptions.contains { $0.name == "receiver optics" && $0.value == "no loss" })
    }
}
