import Foundation
import Testing

import QNetPhysics

@Suite("Key rates: entropy, PLOB, decoy BB84")
struct KeyRateTests {
    /// The GYS set of Gobby, Yuan, Shields, APL 84, 3762 (2004), as used by Ma, Qi, Zhao, Lo (2005).
    static func gys(transmittance: Double, decoy: DecoyMethod = .infinite) -> DecoyBB84Parameters {
        DecoyBB84Parameters(
            transmittance: transmittance, darkYield: 1.7e-6, misalignment: 0.033,
            ecEfficiency: 1.22, siftingFactor: 0.5, decoy: decoy)
    }

    @Test("Binary entropy: h(1/2) = 1, h(0.11) = 0.5, accurate for tiny p, 0 outside (0, 1)")
    func entropy() {
        #expect(binaryEntropy(0.5) == 1)
        #expect(abs(binaryEntropy(0.110028) - 0.5) < 1e-5)  // the 11 % BB84 threshold of Shor-Preskill
        let p = 1e-12
        let series = p * (-log2(p) + 1 / M_LN2)  // h(p) ~ p log2(e/p) for small p
        #expect(abs(binaryEntropy(p) - series) / series < 1e-9)
        #expect(binaryEntropy(0) == 0 && binaryEntropy(1) == 0 && binaryEntropy(-1) == 0 && binaryEntropy(.nan) == 0)
    }

    @Test("PLOB: 1.44 eta in deep loss, where the naive log form gives 0; limits")
    func plob() {
        // Pirandola et al., Nat. Commun. 8, 15043 (2017): -log2(1 - eta) ~ 1.44 eta at high loss.
        for eta in [1e-8, 1e-16, 1e-20, 1e-30] {
            #expect(abs(PLOBBound.bitsPerUse(transmittance: eta) / eta - 1 / M_LN2) < 1e-6)
        }
        #expect(-log2(1 - 1e-17) == 0)  // why the bound uses log1p
        #expect(PLOBBound.bitsPerUse(transmittance: 0) == 0)
        #expect(PLOBBound.bitsPerUse(transmittance: 1) == .infinity)
        #expect(abs(PLOBBound.bitsPerUse(transmittance: 0.5) - 1) < 1e-15)
    }

    @Test("Decoy BB84 key is never NaN or negative", arguments: [DecoyMethod.infinite, .vacuumWeak(decoyIntensity: 0.1)])
    func keyNeverNegative(_ decoy: DecoyMethod) {
        for eta in [0, 1e-30, 1e-12, 1e-6, 1e-3, 0.1, 1, 2] {
            for mu in [1e-6, 0.05, 0.1, 0.5, 1, 5] {
                for (y0, ed) in [(0.0, 0.0), (1.7e-6, 0.033), (1e-2, 0.3), (1, 0.5)] {
                    var p = Self.gys(transmittance: eta, decoy: decoy)
                    p.darkYield = y0
                    p.misalignment = ed
                    let r = DecoyBB84.evaluate(p, signalIntensity: mu)
                    #expect(r.keyPerPulse >= 0 && !r.keyPerPulse.isNaN, "eta \(eta) mu \(mu) Y0 \(y0) ed \(ed)")
                    #expect(!r.qber.isNaN && !r.singlePhotonError.isNaN && !r.singlePhotonYield.isNaN)
                }
            }
            let best = DecoyBB84.optimise(Self.gys(transmittance: eta, decoy: decoy))
            #expect(best.keyPerPulse >= 0 && !best.keyPerPulse.isNaN)
        }
    }

    @Test("Decoy BB84 in deep loss: no dark counts, the key is linear in eta (expm1, not 1 - exp)")
    func deepLoss() {
        // Y0 = 0: Q = eta mu, E = e1 = e_d, Y1 = eta, so R = q eta mu [e^-mu (1 - h(e_d)) - f h(e_d)].
        var p = Self.gys(transmittance: 1e-20)
        p.darkYield = 0
        p.misalignment = 0.01
        let mu = 0.5
        let expected = 0.5 * 1e-20 * mu * (exp(-mu) * (1 - binaryEntropy(0.01)) - 1.22 * binaryEntropy(0.01))
        let r = DecoyBB84.evaluate(p, signalIntensity: mu)
        #expect(abs(r.keyPerPulse - expected) / expected < 1e-9)
        #expect(DecoyBB84.thresholdTransmittance(p, signalIntensity: nil) == 0)
    }

    @Test("Vacuum + weak bounds never beat infinite decoys, and are void for mu <= nu")
    func vacuumWeakBounds() {
        for eta in [0.045, 4.5e-3, 4.5e-4, 1e-5] {
            let infinite = DecoyBB84.evaluate(Self.gys(transmittance: eta), signalIntensity: 0.5)
            let weak = DecoyBB84.evaluate(Self.gys(transmittance: eta, decoy: .vacuumWeak(decoyIntensity: 0.1)), signalIntensity: 0.5)
            #expect(weak.singlePhotonYield <= infinite.singlePhotonYield * (1 + 1e-12))
            #expect(weak.singlePhotonError >= infinite.singlePhotonError * (1 - 1e-12))
            #expect(weak.keyPerPulse <= infinite.keyPerPulse)
        }
        let void = DecoyBB84.evaluate(Self.gys(transmittance: 0.045, decoy: .vacuumWeak(decoyIntensity: 0.5)), signalIntensity: 0.4)
        #expect(void.keyPerPulse == 0 && void.singlePhotonYield == 0 && void.singlePhotonError == 0.5)
        let best = DecoyBB84.optimise(Self.gys(transmittance: 0.01, decoy: .vacuumWeak(decoyIntensity: 0.1)))
        #expect(best.signalIntensity > 0.1)
    }

    @Test("Threshold transmittance: key just inside, none just outside; nil when there is no key at all")
    func threshold() throws {
        let p = Self.gys(transmittance: 1)
        let eta = try #require(DecoyBB84.thresholdTransmittance(p, signalIntensity: nil))
        var inside = p
        inside.transmittance = eta
        var outside = p
        outside.transmittance = eta * 0.999
        #expect(DecoyBB84.optimise(inside).keyPerPulse > 0)
        #expect(DecoyBB84.optimise(outside).keyPerPulse == 0)
        // Fixed mu can only do worse than optimal mu.
        let fixed = try #require(DecoyBB84.thresholdTransmittance(p, signalIntensity: 0.1))
        #expect(fixed >= eta)
        var noisy = p
        noisy.misalignment = 0.2
        #expect(DecoyBB84.thresholdTransmittance(noisy, signalIntensity: nil) == nil)
        #expect(DecoyBB84.maxDistance(noisy, attenuationDBPerKm: 0.2, receiverEfficiency: 0.1, signalIntensity: nil) == 0)
        #expect(DecoyBB84.maxDistance(p, attenuationDBPerKm: 0, receiverEfficiency: 0.1, signalIntensity: nil) == .infinity)
    }

    @Test("Optimal mu stays near 0.5 along the GYS curve and the key falls with distance")
    func optimalMuAlongCurve() {
        var previous = Double.infinity
        for km in stride(from: 0.0, through: 130.0, by: 10.0) {
            let r = DecoyBB84.optimise(Self.gys(transmittance: Decibel.transmittance(loss: 0.21 * km) * 0.045))
            #expect(r.keyPerPulse < previous)
            #expect(r.signalIntensity > 0.3 && r.signalIntensity < 0.6, "optimal mu \(r.signalIntensity) at \(km) km")
            previous = r.keyPerPulse
        }
    }
}
