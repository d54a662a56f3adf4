import Testing
import QNetModel
@testable import QNetPlanner

/// Intensities the decoy bounds cannot use: 0 < ν < μ for vacuum + weak decoys (Ma, Qi, Zhao, Lo, PRA 72, 012326,
/// 2005), μ1 > μ2 + μ3 and μ2 > μ3 ≥ 0 for the finite key (Lim et al., PRA 89, 022307, 2014). The link has no key,
/// its reason names the cause, and the plan has an error at the key to change (the QA finding: μ = ν = 0.1 gave
/// "ok" and a reason about the optical error).
@Suite struct DecoyIntensityTests {
    /// A–B over 30 km whose source `wcp` is edited by `edit`, with `finite_key` when given.
    static func plan(finiteKey: FiniteKeySettings? = nil, _ edit: (inout PhotonSource) -> Void) -> Plan {
        FiniteKeyPlannerTests.plannedLink(km: 30, finiteKey: finiteKey, edit)
    }

    @Test(arguments: [0.1, 0.05])
    func aSignalAtOrBelowTheDecoyIsAnErrorAtTheSignalIntensity(mu: Double) throws {
        let plan = Self.plan { $0.signalIntensity = .fixed(mu) }
        let link = try #require(plan.links.first)
        #expect(link.keyRateBps == 0 && link.marginDB == nil)
        let expected = "the signal intensity mu = \(Format.number(mu)) (equipment.sources.wcp.signal_intensity) must exceed "
            + "the decoy intensity nu = 0.1 (built-in default (nu = 0.1, Ma, Qi, Zhao, Lo 2005)): the vacuum + weak decoy "
            + "bounds need 0 < nu < mu (Ma, Qi, Zhao, Lo, PRA 72, 012326, 2005)"
        #expect(link.noKeyReason == expected)
        let error = try #require(plan.diagnostics.first { $0.severity == .error })
        #expect(error.keyPath == "equipment.sources.wcp.signal_intensity" && error.message == "link L: " + expected)
    }

    @Test func aDecoyWrittenAboveTheSignalNamesItsKey() throws {
        let plan = Self.plan { $0.signalIntensity = .fixed(0.3); $0.decoyIntensity = .fixed(0.4) }
        let error = try #require(plan.diagnostics.first { $0.severity == .error })
        #expect(error.keyPath == "equipment.sources.wcp.signal_intensity")
        #expect(error.message.contains("nu = 0.4 (equipment.sources.wcp.decoy_intensity)"))
    }

    @Test func aZeroDecoyIsAnErrorAtTheDecoyIntensity() throws {
        let plan = Self.plan { $0.decoyIntensity = .fixed(0) }
        let error = try #require(plan.diagnostics.first { $0.severity == .error })
        #expect(error.keyPath == "equipment.sources.wcp.decoy_intensity" && error.message.contains("must be above 0"))
        #expect(plan.links[0].keyRateBps == 0)
    }

    /// With infinitely many decoys ν is unused: a small μ is fine; and an optimised μ is searched above ν.
    @Test func infiniteDecoysAndAnOptimisedSignalAreFine() throws {
        let infinite = Self.plan { $0.signalIntensity = .fixed(0.05); $0.decoy = .infinite }
        #expect(infinite.diagnostics.allSatisfy { $0.severity != .error } && infinite.links[0].keyRateBps > 0)
        let optimised = Self.plan { $0.decoyIntensity = .fixed(0.3) }
        #expect(optimised.diagnostics.allSatisfy { $0.severity != .error } && optimised.links[0].keyRateBps > 0)
        #expect((optimised.links[0].signalIntensity ?? 0) > 0.3)
    }

    /// The finite key's own rule, located at the setting that breaks it, with all three intensities named.
    @Test func finiteKeySettingsThatBreakTheBoundsAreAnError() throws {
        let plan = Self.plan(finiteKey: FiniteKeyPlannerTests.finiteKey(block: 1e9)) {
            $0.signalIntensity = .fixed(0.2)
            $0.decoyIntensity = .fixed(0.2)
        }
        let error = try #require(plan.diagnostics.first { $0.severity == .error })
        #expect(error.keyPath == "equipment.sources.wcp.signal_intensity")
        #expect(error.message.contains("mu1 > mu2 + mu3") && error.message.contains("mu2 = 0.2 (equipment.sources.wcp.decoy_intensity)"))
        #expect(plan.links[0].keyRateBps == 0 && plan.links[0].noKeyReason?.contains("mu3 = 0.0002 (built-in default") == true)
        let decoys = Self.plan(finiteKey: FiniteKeyPlannerTests.finiteKey(block: 1e9)) {
            $0.decoyIntensity = .fixed(1e-4)
            $0.secondDecoyIntensity = .fixed(1e-3)
        }
        #expect(decoys.diagnostics.first { $0.severity == .error }?.keyPath == "equipment.sources.wcp.decoy_intensity")
    }

    /// Numbers in reasons: the digits asked for, not the division's rounding (6.430000000000001e-58 in the QA report).
    @Test func formattedNumbersKeepTheirDigitsAtAnyExponent() {
        #expect(Format.number(6.43e-58) == "6.43e-58")
        #expect(Format.percent(6.430000000000001e-60) == "6.43e-58 %")
        #expect(Format.number(1.2345e30, digits: 3) == "1.23e+30")
        #expect(Format.number(1.234e-05) == "1.234e-05" && Format.number(0.2) == "0.2" && Format.number(25) == "25")
    }
}
