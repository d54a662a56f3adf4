import Foundation
import Testing

@testable import QNetPhysics

@Suite("Finite-key decoy BB84 (Lim, Curty, Walenta, Xu, Zbinden 2014)")
struct FiniteKeyDecoyBB84Tests {
    /// Lim et al.'s Sec. IV receiver (η_Bob 10 %, p_dc 6e-7 per detector, e_mis 0.5 %, f_EC 1.16) behind `km` of 0.2 dB/km fibre.
    static func limSystem(km: Double, blockSize: Double, afterpulse: Double = 0.04,
                          secrecy: SecrecyParameter = .fixed(1e-10)) -> FiniteKeyDecoyBB84Parameters {
        FiniteKeyDecoyBB84Parameters(
            transmittance: Decibel.transmittance(loss: 0.2 * km) * 0.1, darkYield: 1.2e-6, afterpulseProbability: afterpulse,
            misalignment: 0.005, ecEfficiency: 1.16, blockSize: blockSize, secrecy: secrecy, correctness: 1e-15)
    }

    /// Every setting optimised but μ3 = 2e-4, as in their Fig. 1.
    static let optimised = FiniteKeyDecoyChoices(signalIntensity: nil, decoyIntensity: nil, secondDecoyIntensity: 2e-4,
                                                 basisBias: nil)

    @Test("The key is never NaN or negative, at any loss, background, block size, setting or tail bound")
    func keyNeverNegative() {
        let settings = [
            FiniteKeyDecoySettings(signal: 0.5, decoy: 0.1, secondDecoy: 2e-4, signalProbability: 0.7, decoyProbability: 0.2, basisBias: 0.9),
            FiniteKeyDecoySettings(signal: 0.1, decoy: 0.1, secondDecoy: 0, signalProbability: 0.5, decoyProbability: 0.3, basisBias: 0.5),
            FiniteKeyDecoySettings(signal: 0.5, decoy: 0.1, secondDecoy: 0, signalProbability: 1, decoyProbability: 0, basisBias: 0.5),
            FiniteKeyDecoySettings(signal: 0.5, decoy: 0.1, secondDecoy: 0, signalProbability: 0.5, decoyProbability: 0.3, basisBias: 1),
            FiniteKeyDecoySettings(signal: .nan, decoy: 0.1, secondDecoy: 0, signalProbability: 0.5, decoyProbability: 0.3, basisBias: 0.5),
        ]
        for eta in [0, 1e-30, 1e-8, 1e-3, 1, 2] {
            for y0 in [0, 1.2e-6, 0.1, 1] {
                for blockSize in [0, 1, 1e4, 1e9, 1e30] {
                    var p = Self.limSystem(km: 0, blockSize: blockSize)
                    p.transmittance = eta
                    p.darkYield = y0
                    for bound in FiniteKeyTailBound.allCases {
                        p.tailBound = bound
                        for s in settings {
                            let r = FiniteKeyDecoyBB84.evaluate(p, settings: s)
                            #expect(r.keyPerPulse >= 0 && r.keyLength >= 0 && !r.keyPerPulse.isNaN,
                                    "eta \(eta) Y0 \(y0) n_X \(blockSize) \(bound) \(s)")
                            #expect(!r.phaseErrorRate.isNaN && !r.qber.isNaN && !r.pulsesPerBlock.isNaN)
                        }
                    }
                }
            }
        }
        let best = FiniteKeyDecoyBB84.optimise(Self.limSystem(km: 300, blockSize: 1e6), choices: Self.optimised)
        #expect(best.keyPerPulse == 0 && best.keyLength == 0)
    }

    @Test("Settings outside mu1 > mu2 + mu3, mu2 > mu3 >= 0, 0 < q_X < 1 give no key and say why")
    func invalidSettings() {
        let p = Self.limSystem(km: 20, blockSize: 1e9)
        let cases: [(FiniteKeyDecoyChoices, String)] = [
            (FiniteKeyDecoyChoices(signalIntensity: 0.3, decoyIntensity: 0.3, secondDecoyIntensity: 0, basisBias: nil), "mu1 > mu2 + mu3"),
            (FiniteKeyDecoyChoices(signalIntensity: nil, decoyIntensity: 1e-3, secondDecoyIntensity: 1e-3, basisBias: nil), "mu2 > mu3"),
            (FiniteKeyDecoyChoices(signalIntensity: nil, decoyIntensity: nil, secondDecoyIntensity: -1, basisBias: nil), "mu3 >= 0"),
            (FiniteKeyDecoyChoices(signalIntensity: nil, decoyIntensity: nil, secondDecoyIntensity: 0, basisBias: 1), "q_X"),
        ]
        for (choices, words) in cases {
            #expect(choices.violation?.contains(words) == true, "\(choices)")
            #expect(FiniteKeyDecoyBB84.optimise(p, choices: choices).keyPerPulse == 0)
        }
        #expect(Self.optimised.violation == nil)
    }

    @Test("As n_X grows the optimised key rises towards the asymptotic decoy BB84 key of the same system")
    func tendsToAsymptotic() {
        // Lim et al. without afterpulses; DecoyBB84 with infinite decoys and every pulse in the key basis (q = 1):
        // the limit of n_X -> infinity, where q_X -> 1, p_mu1 -> 1 and mu2, mu3 -> 0 cost nothing.
        let asymptotic = DecoyBB84.optimise(DecoyBB84Parameters(
            transmittance: Decibel.transmittance(loss: 10) * 0.1, darkYield: 1.2e-6, misalignment: 0.005,
            ecEfficiency: 1.16, siftingFactor: 1, decoy: .infinite))
        var previous = 0.0
        for blockSize in [1e9, 1e13, 1e20, 1e30] {
            let finite = FiniteKeyDecoyBB84.optimise(Self.limSystem(km: 50, blockSize: blockSize, afterpulse: 0),
                                                     choices: Self.optimised)
            let ratio = finite.keyPerPulse / asymptotic.keyPerPulse
            #expect(ratio > previous && ratio < 1, "n_X = \(blockSize): \(ratio) of the asymptotic key")
            previous = ratio
            if blockSize == 1e30 {
                #expect(ratio > 0.99, "n_X = 1e30 reaches \(ratio) of the asymptotic key")
                #expect(abs(finite.settings.intensities[0] - asymptotic.signalIntensity) < 0.01)
                #expect(finite.settings.basisBias > 0.999)
            }
        }
    }

    @Test("A smaller third intensity always helps (why second_decoy_intensity: auto means vacuum)")
    func vacuumDecoyIsBest() {
        for (km, blockSize) in [(50.0, 1e6), (100, 1e9), (150, 1e7)] {
            let rates = [0, 1e-5, 2e-4, 2e-3, 1e-2].map { mu3 in
                var choices = Self.optimised
                choices.secondDecoyIntensity = mu3
                return FiniteKeyDecoyBB84.optimise(Self.limSystem(km: km, blockSize: blockSize), choices: choices).keyPerPulse
            }
            #expect(rates.first! > 0)
            #expect(zip(rates, rates.dropFirst()).allSatisfy { $0 >= $1 }, "\(km) km, n_X = \(blockSize): \(rates)")
        }
    }

    @Test("The threshold transmittance has key just inside and none 0.1 dB beyond")
    func threshold() throws {
        let p = Self.limSystem(km: 0, blockSize: 1e7)
        let threshold = try #require(FiniteKeyDecoyBB84.thresholdTransmittance(p, choices: Self.optimised))
        func key(extraDB: Double) -> Double {
            var atThreshold = p
            atThreshold.transmittance = threshold * Decibel.transmittance(loss: extraDB)
            return FiniteKeyDecoyBB84.optimise(atThreshold, choices: Self.optimised).keyPerPulse
        }
        #expect(key(extraDB: 0) > 0)
        #expect(key(extraDB: 0.1) == 0)
        // No key at all: a receiver that only sees noise.
        var noise = p
        noise.darkYield = 0.5
        #expect(FiniteKeyDecoyBB84.thresholdTransmittance(noise, choices: Self.optimised) == nil)
    }

    @Test("With eps_sec = kappa * l the key length is a fixed point: l = l(kappa * l)")
    func secrecyProportionalToKey() {
        let kappa = 1e-15
        let settings = FiniteKeyDecoySettings(signal: 0.5, decoy: 0.15, secondDecoy: 2e-4, signalProbability: 0.6,
                                              decoyProbability: 0.25, basisBias: 0.9)
        let proportional = FiniteKeyDecoyBB84.evaluate(Self.limSystem(km: 50, blockSize: 1e9, secrecy: .perKeyBit(kappa)),
                                                       settings: settings)
        #expect(abs(proportional.epsilonSec / (kappa * proportional.keyLength) - 1) < 1e-7)
        let fixed = FiniteKeyDecoyBB84.evaluate(
            Self.limSystem(km: 50, blockSize: 1e9, secrecy: .fixed(proportional.epsilonSec)), settings: settings)
        #expect(abs(fixed.keyLength - proportional.keyLength) <= 1)
    }
}

/// A pass's block: counts summed over exposures (Sidhu et al. 2022), the same bounds as one block (Lim et al. 2014).
@Suite struct FiniteKeyPassBlockTests {
    let parameters = FiniteKeyDecoyBB84Parameters(
        transmittance: 1e-3, darkYield: 1e-7, afterpulseProbability: 0, misalignment: 0.01, ecEfficiency: 1.16,
        blockSize: 1e6, secrecy: .fixed(1e-10), correctness: 1e-15)
    let settings = FiniteKeyDecoySettings(signal: 0.6, decoy: 0.15, secondDecoy: 2e-4, signalProbability: 0.7,
                                          decoyProbability: 0.2, basisBias: 0.8)

    @Test("one exposure that collects the block is the single-transmittance block")
    func oneExposure() {
        let single = FiniteKeyDecoyBB84.evaluate(parameters, settings: settings)
        let pass = FiniteKeyDecoyBB84.evaluate(parameters, settings: settings,
                                               pass: [FiniteKeyExposure(transmittance: 1e-3, pulses: single.pulsesPerBlock)])
        #expect(abs(pass.keyLength - single.keyLength) <= 1)
        #expect(abs(pass.qber - single.qber) < 1e-12 && abs(pass.pulsesPerBlock / single.pulsesPerBlock - 1) < 1e-12)
    }

    @Test("splitting an exposure in two changes nothing; a lossier second half adds its counts and its errors")
    func exposuresAdd() {
        let whole = FiniteKeyDecoyBB84.evaluate(parameters, settings: settings,
                                                pass: [FiniteKeyExposure(transmittance: 1e-3, pulses: 2e10)])
        let halves = FiniteKeyDecoyBB84.evaluate(parameters, settings: settings, pass: [
            FiniteKeyExposure(transmittance: 1e-3, pulses: 1e10), FiniteKeyExposure(transmittance: 1e-3, pulses: 1e10),
        ])
        #expect(abs(whole.keyLength - halves.keyLength) <= 1)
        let mixed = FiniteKeyDecoyBB84.evaluate(parameters, settings: settings, pass: [
            FiniteKeyExposure(transmittance: 1e-3, pulses: 1e10), FiniteKeyExposure(transmittance: 1e-4, pulses: 1e10),
        ])
        let detections = { (r: FiniteKeyDecoyBB84Result) in r.detectionsPerPulse * r.pulsesPerBlock }
        #expect(detections(mixed) < detections(whole) && detections(mixed) > detections(whole) / 2)
        #expect(mixed.qber > whole.qber && mixed.keyLength < whole.keyLength && mixed.keyLength > 0)
    }

    @Test("an empty pass, or one with no pulses, has no key and no NaN")
    func emptyPass() {
        for pass in [[], [FiniteKeyExposure(transmittance: 1e-3, pulses: 0)]] as [[FiniteKeyExposure]] {
            let result = FiniteKeyDecoyBB84.evaluate(parameters, settings: settings, pass: pass)
            #expect(result.keyLength == 0 && result.keyPerPulse == 0 && !result.qber.isNaN && !result.phaseErrorRate.isNaN)
        }
    }
}
