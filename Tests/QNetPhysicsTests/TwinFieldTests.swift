import Foundation
import Testing

@testable import QNetPhysics

@Suite("Twin-field QKD: SNS and PM")
struct TwinFieldTests {
    /// The PM-QKD simulation set of Ma, Zeng, Zhou, PRX 8, 031043 (2018), Fig. 3 (p_d 8e-8, eta_d 14.5 %, e_d 1.5 %).
    static func parameters(km: Double, variantSlices: Int = 16) -> TwinFieldParameters {
        let arm = 0.145 * Decibel.transmittance(loss: 0.2 * km / 2)
        return TwinFieldParameters(transmittanceA: arm, transmittanceB: arm, darkCountProbability: 8e-8,
                                   misalignment: 0.015, phaseSlices: variantSlices, ecEfficiency: 1.15)
    }

    @Test("the key scales as sqrt(eta): 100 km more fiber (20 dB) costs about 10 dB of key")
    func squareRootScaling() {
        // Ma, Zeng, Zhou (2018) and Wang, Yu, Hu (2018): R = O(sqrt(eta)) far from the dark-count floor.
        for rate in [{ PhaseMatching.optimise($0).keyPerPulse }, { SendingOrNotSending.optimise($0).keyPerPulse }]
            as [(TwinFieldParameters) -> Double] {
            let slope = log10(rate(Self.parameters(km: 100)) / rate(Self.parameters(km: 200))) / 2
            #expect(abs(slope - 0.5) < 0.06, "log-log slope \(slope)")
        }
    }

    @Test("past ~250 km the key beats PLOB, the bound of any repeaterless link (Pirandola et al. 2017)")
    func beatsPLOB() {
        for km in [300.0, 350] {
            let eta = 0.145 * Decibel.transmittance(loss: 0.2 * km)
            #expect(PhaseMatching.optimise(Self.parameters(km: km)).keyPerPulse > PLOBBound.bitsPerUse(transmittance: eta))
        }
        let eta100 = 0.145 * Decibel.transmittance(loss: 20)
        #expect(PhaseMatching.optimise(Self.parameters(km: 100)).keyPerPulse < PLOBBound.bitsPerUse(transmittance: eta100))
    }

    @Test("unequal arms lose visibility: the same total loss keys less when split 30/70 dB-wise")
    func asymmetry() {
        var uneven = Self.parameters(km: 0)
        uneven.transmittanceA = 0.145 * Decibel.transmittance(loss: 12)
        uneven.transmittanceB = 0.145 * Decibel.transmittance(loss: 28)
        let even = Self.parameters(km: 200)
        #expect(PhaseMatching.optimise(uneven).keyPerPulse < PhaseMatching.optimise(even).keyPerPulse)
        #expect(SendingOrNotSending.optimise(uneven).keyPerPulse < SendingOrNotSending.optimise(even).keyPerPulse)
    }

    @Test("PM phase slices: M = 16 leaves (1 - (M/pi)^2 sin^2(pi/M))/2 = 0.64 % of mismatch error")
    func sliceError() {
        var p = Self.parameters(km: 0)
        p.misalignment = 0
        let result = PhaseMatching.evaluate(p, signalIntensity: 0.05)
        #expect(abs(result.opticalError - 0.006393) < 1e-5)
    }

    @Test("never NaN or negative, at any loss, dark count or misalignment")
    func neverNaN() {
        for arm in [0, 1e-30, 1e-12, 1e-4, 0.5, 1, 2] {
            for (pd, ed) in [(0.0, 0.0), (1e-8, 0.03), (0.5, 0.5), (Double.nan, Double.nan)] {
                let p = TwinFieldParameters(transmittanceA: arm, transmittanceB: arm / 3, darkCountProbability: pd,
                                            misalignment: ed, phaseSlices: 16, ecEfficiency: 1.1)
                for result in [SendingOrNotSending.optimise(p), PhaseMatching.optimise(p),
                               SendingOrNotSending.evaluate(p, signalIntensity: 0.3, sendingProbability: 0.05),
                               PhaseMatching.evaluate(p, signalIntensity: 0)] {
                    #expect(result.keyPerPulse >= 0 && !result.keyPerPulse.isNaN, "arm \(arm) p_d \(pd) e_d \(ed)")
                    #expect(!result.bitErrorRate.isNaN && !result.phaseErrorRate.isNaN)
                }
            }
        }
    }

    @Test("I0(x) - 1 by series and asymptotics (values: Abramowitz and Stegun Table 9.8, mpmath)")
    func bessel() {
        #expect(abs(Bessel.i0Minus1(1e-8) - 2.5e-17) / 2.5e-17 < 1e-12)   // x^2/4
        #expect(abs(Bessel.i0Minus1(1) - 0.2660658777520084) < 1e-15)      // I0(1) = 1.2660658777520084
        #expect(abs(Bessel.i0Minus1(10) - 2814.7166284662544) / 2815 < 1e-14) // I0(10) = 2815.7166284662544
        #expect(abs(Bessel.i0Minus1(60) / 5.894077055609801e24 - 1) < 1e-4)   // I0(60) = 5.894077055609801e24
    }
}

@Suite("CV-QKD GG02 with reverse reconciliation")
struct GaussianModulatedCVTests {
    static func parameters(km: Double, xi: Double) -> GaussianModulatedCVParameters {
        GaussianModulatedCVParameters(modulationVariance: 4, transmittance: Decibel.transmittance(loss: 0.2 * km),
                                      excessNoise: xi, detectorEfficiency: 0.6, electronicNoise: 0.05,
                                      reconciliationEfficiency: 0.95, detection: .homodyne)
    }

    @Test("xi at Bob instead of the channel input: the reach falls from hundreds of km to tens (physics.md)")
    func excessNoiseReference() {
        func hasKey(km: Double, atReceiver: Bool) -> Bool {
            var p = Self.parameters(km: km, xi: 0.01)
            if atReceiver {
                p.excessNoise = GaussianModulatedCV.excessNoiseAtInput(receiverReferred: 0.01, transmittance: p.transmittance)
            }
            return GaussianModulatedCV.evaluate(p).keyPerSymbol > 0
        }
        #expect(hasKey(km: 200, atReceiver: false))
        #expect(hasKey(km: 30, atReceiver: true))
        #expect(!hasKey(km: 100, atReceiver: true))
    }

    @Test("heterodyne doubles I_AB's prefactor; trusted detector noise and excess noise lower the key")
    func orderings() {
        let base = Self.parameters(km: 20, xi: 0.01)
        let key = GaussianModulatedCV.evaluate(base).keyPerSymbol
        var noisier = base
        noisier.excessNoise = 0.05
        #expect(GaussianModulatedCV.evaluate(noisier).keyPerSymbol < key)
        var het = base
        het.detection = .heterodyne
        let result = GaussianModulatedCV.evaluate(het)
        #expect(result.keyPerSymbol > 0 && result.mutualInformation > GaussianModulatedCV.evaluate(base).mutualInformation)
    }

    @Test("invalid inputs give 0, never NaN")
    func invalid() {
        for t in [0, -1, 2, Double.nan] {
            var p = Self.parameters(km: 0, xi: 0)
            p.transmittance = t
            let r = GaussianModulatedCV.evaluate(p)
            #expect(r.keyPerSymbol == 0 && !r.holevoBound.isNaN)
        }
        #expect(GaussianModulatedCV.evaluate(Self.parameters(km: 2000, xi: 0.01)).keyPerSymbol == 0)
    }
}
