import Foundation
import Testing

@testable import QNetPhysics

/// QA: a 25 km cv-gg02 link showed `margin 144.63 dB` and a 700 km one 1.91e-7 bit/s, both round-off: the key at
/// 140-160 dB is ~1e-15 bit per symbol, where the double-precision difference β·I_AB − χ_BE is noise.
///
/// The expected values are derived, not published: the same formulas as `GaussianModulatedCV` (Lodewyck et al.,
/// PRA 76, 042305, 2007, Eqs. 4-8; Laudenbach et al., Adv. Quantum Technol. 1, 1800011, 2018, Eqs. 58-70) evaluated
/// in 80-digit arithmetic (mpmath 1.3) at V_A = 4, ξ = 0.01 at the channel input, η = 0.6, v_el = 0.05, β = 0.95,
/// homodyne (the planner's defaults).
@Suite("CV-QKD GG02 at small transmittance")
struct GaussianModulatedCVContinuationTests {
    static func parameters(lossDB: Double, xi: Double = 0.01) -> GaussianModulatedCVParameters {
        GaussianModulatedCVParameters(modulationVariance: 4, transmittance: pow(10, -lossDB / 10), excessNoise: xi,
                                      detectorEfficiency: 0.6, electronicNoise: 0.05, reconciliationEfficiency: 0.95,
                                      detection: .homodyne)
    }

    @Test("the key follows the 80-digit evaluation to 1e-4 from 60 dB (direct) to 200 dB (continued)", arguments: [
        (60.0, 1.49008163773e-7), (100.0, 1.11043077437e-11), (140.0, 7.3078184908e-16), (200.0, 1.61308461385e-22),
    ])
    func keyAgainstHighPrecision(lossDB: Double, expected: Double) {
        let result = GaussianModulatedCV.evaluate(Self.parameters(lossDB: lossDB))
        #expect(abs(result.keyPerSymbol / expected - 1) < 1e-4)
        // The two figures the key is the difference of stay consistent with it.
        #expect(abs(0.95 * result.mutualInformation - result.holevoBound - result.keyPerSymbol) <= 1e-12 * result.mutualInformation)
    }

    /// With ξ > 0 the key has a zero at finite loss even with β = 1: the excess noise's T·ln(1/T) term in χ_BE overtakes
    /// the key's T. 80 digits put it at 216.99554 dB here; the search finds it through the continued key.
    @Test("the loss at which the key ends: 216.996 dB, not round-off")
    func zeroOfTheKey() throws {
        let extra = try #require(GaussianModulatedCV.toleratedExtraLoss(Self.parameters(lossDB: 0), receiverReferredNoise: nil,
                                                                         removableLossDB: 0))
        #expect(abs(extra - 216.99554) < 0.01)
    }

    /// Without excess noise the key is T times a constant (0.229297 bit at any small T): no loss removes it, and the
    /// search says so by reaching its end.
    @Test("without excess noise the key stays proportional to T: at 300 dB 2.29297e-31 bit, and no margin ends it")
    func noExcessNoise() {
        let result = GaussianModulatedCV.evaluate(Self.parameters(lossDB: 300, xi: 0))
        #expect(abs(result.keyPerSymbol / 2.29297471317e-31 - 1) < 1e-4)
        let extra = GaussianModulatedCV.toleratedExtraLoss(Self.parameters(lossDB: 0, xi: 0), receiverReferredNoise: nil,
                                                           removableLossDB: 0)
        #expect(extra == LossThreshold.maxLossDB)
    }
}
