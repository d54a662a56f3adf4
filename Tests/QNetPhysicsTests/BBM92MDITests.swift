import Foundation
import Testing

@testable import QNetPhysics

/// Properties of the BBM92 and MDI-QKD models beyond the validation cases: optimisers, limits, extreme inputs.
@Suite("BBM92 and MDI-QKD models")
struct BBM92MDITests {
    /// The 144 km parameter set of Ma, Fung, Lo (see Tests/validation/bbm92-mdi.yaml) at `lossDB` per arm.
    static func bbm92(lossDB: Double) -> BBM92Parameters {
        let arm = 0.145 * Decibel.transmittance(loss: lossDB)
        return BBM92Parameters(transmittanceA: arm, transmittanceB: arm, darkYieldA: 6.02e-6, darkYieldB: 6.02e-6,
                               misalignment: 0.015, ecEfficiency: 1.22, siftingFactor: 0.5)
    }

    /// Lo, Curty, Qi's parameter set (Ma, Razavi, Table I) with arm transmittances η_a, η_b.
    static func mdi(_ etaA: Double, _ etaB: Double) -> MDIParameters {
        MDIParameters(transmittanceA: etaA, transmittanceB: etaB, darkCountProbability: 3e-6, misalignment: 0.015,
                      ecEfficiency: 1.16, siftingFactor: 1)
    }

    /// The largest value of `f` over a log-spaced grid of `count` points on [lower, upper].
    static func gridMaximum(lower: Double, upper: Double, count: Int, _ f: (Double) -> Double) -> Double {
        (0..<count).map { f(lower * pow(upper / lower, Double($0) / Double(count - 1))) }.max() ?? 0
    }

    @Test(arguments: [0.0, 15.0, 25.0, 30.0])
    func bbm92OptimumBeatsADenseGrid(lossDB: Double) {
        let p = Self.bbm92(lossDB: lossDB)
        let found = BBM92.optimise(p).keyPerPulse
        let grid = Self.gridMaximum(lower: 1e-5, upper: 2, count: 4000) { BBM92.evaluate(p, meanPairNumber: $0).keyPerPulse }
        #expect(found >= grid * (1 - 1e-6), "optimised \(found), grid \(grid)")
    }

    @Test func bbm92MultiPairErrorsRiseWithThePairNumber() {
        let p = Self.bbm92(lossDB: 10)
        let qbers = [0.01, 0.1, 0.5, 1.0].map { BBM92.evaluate(p, meanPairNumber: $0).qber }
        #expect(zip(qbers, qbers.dropFirst()).allSatisfy { $0 < $1 }, "\(qbers)")
    }

    @Test func bbm92WithoutPairsSeesOnlyNoiseCoincidences() {
        let result = BBM92.evaluate(Self.bbm92(lossDB: 0), meanPairNumber: 0)
        #expect(abs(result.gain - 6.02e-6 * 6.02e-6) < 1e-20)
        #expect(result.qber == 0.5 && result.keyPerPulse == 0)
    }

    @Test func bbm92ArmsAreInterchangeable() {
        var p = Self.bbm92(lossDB: 0)
        p.transmittanceB = 1e-4
        var swapped = p
        (swapped.transmittanceA, swapped.transmittanceB) = (p.transmittanceB, p.transmittanceA)
        let a = BBM92.evaluate(p, meanPairNumber: 0.1)
        let b = BBM92.evaluate(swapped, meanPairNumber: 0.1)
        #expect(abs(a.gain - b.gain) <= 1e-15 * a.gain && abs(a.qber - b.qber) <= 1e-12)
    }

    @Test(arguments: [(0.1, 0.1), (0.1, 1e-3), (1e-3, 0.2), (1e-2, 1e-3)])
    func mdiOptimumBeatsADenseGrid(etaA: Double, etaB: Double) {
        let p = Self.mdi(etaA, etaB)
        let found = MDIQKD.optimise(p).keyPerPulse
        let count = 200
        var grid = 0.0
        for i in 0..<count {
            let muA = 1e-3 * pow(2e3, Double(i) / Double(count - 1))
            grid = max(grid, Self.gridMaximum(lower: 1e-3, upper: 2, count: count) {
                MDIQKD.evaluate(p, intensityA: muA, intensityB: $0).keyPerPulse
            })
        }
        #expect(grid > 0)
        #expect(found >= grid * (1 - 1e-3), "optimised \(found), grid \(grid)")
    }

    @Test func mdiFixedIntensitiesAreKept() {
        let p = Self.mdi(0.05, 0.01)
        let result = MDIQKD.optimise(p, fixedA: 0.3, fixedB: nil)
        #expect(result.intensityA == 0.3 && result.intensityB > 0)
        let both = MDIQKD.optimise(p, fixedA: 0.3, fixedB: 0.4)
        #expect(both == MDIQKD.evaluate(p, intensityA: 0.3, intensityB: 0.4))
    }

    @Test func mdiRectilinearGainMatchesItsSmallSignalLimit() {
        // Without dark counts Q_rect -> eta_a mu_a eta_b mu_b / 2 for weak arrivals (two photons, half the Bell states).
        var p = Self.mdi(1e-6, 2e-6)
        p.darkCountProbability = 0
        let (gain, qber) = MDIQKD.rectilinear(p, intensityA: 0.5, intensityB: 0.5)
        #expect(abs(gain / (1e-6 * 0.5 * 2e-6 * 0.5 / 2) - 1) < 1e-5)
        #expect(abs(qber - 0.015) < 1e-12)
    }

    @Test func mdiDarkCountsAloneGiveRandomAnnouncements() {
        let p = Self.mdi(0, 0)
        #expect(MDIQKD.singlePhotonError(p) == 0.5)
        let (gain, qber) = MDIQKD.rectilinear(p, intensityA: 0.5, intensityB: 0.5)
        #expect(gain > 0 && abs(qber - 0.5) < 1e-12)
        #expect(MDIQKD.optimise(p).keyPerPulse == 0)
    }

    @Test func extremeInputsGiveFiniteZeroRates() {
        for eta in [0.0, 1e-30, 1.0] {
            let b = BBM92.optimise(BBM92Parameters(transmittanceA: eta, transmittanceB: eta, darkYieldA: 1, darkYieldB: 0,
                                                   misalignment: 0.6, ecEfficiency: 1.2, siftingFactor: 0.5))
            let m = MDIQKD.optimise(MDIParameters(transmittanceA: eta, transmittanceB: 1, darkCountProbability: 1,
                                                  misalignment: 0.6, ecEfficiency: 1.2, siftingFactor: 1))
            for value in [b.gain, b.qber, b.keyPerPulse, b.meanPairNumber, m.gain, m.qber, m.keyPerPulse,
                          m.singlePhotonYield, m.singlePhotonError, m.intensityA, m.intensityB] {
                #expect(value.isFinite && value >= 0)
            }
            #expect(b.keyPerPulse == 0 && m.keyPerPulse == 0)
        }
    }

    @Test func besselMatchesItsTabulatedValues() {
        // Abramowitz and Stegun (1964), Table 9.8: e^-x I0(x) = 0.4657596 at x = 1 and 0.3085083 at x = 2,
        // that is I0(1) = 1.2660659 and I0(2) = 2.2795853; for small x, I0(x) - 1 = x^2/4.
        #expect(abs(exp(-1) * (1 + Bessel.i0Minus1(1)) - 0.4657596) < 1e-7)
        #expect(abs(exp(-2) * (1 + Bessel.i0Minus1(2)) - 0.3085083) < 1e-7)
        #expect(abs(Bessel.i0Minus1(1e-8) - 2.5e-17) < 1e-30)
    }
}
