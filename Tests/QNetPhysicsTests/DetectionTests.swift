import Foundation
import Testing

import QNetPhysics

@Suite("Detection: timing jitter and dead time")
struct DetectionTests {
    @Test("FWHM per sigma is 2 sqrt(2 ln 2) = 2.35482")
    func fwhmPerSigma() {
        #expect(abs(Timing.fwhmPerSigma - 2.354820045) < 1e-9)
        #expect(abs(Timing.totalSigma(fwhms: [30e-12, 40e-12]) * Timing.fwhmPerSigma - 50e-12) < 1e-24)
        #expect(Timing.totalSigma(fwhms: []) == 0)
    }

    @Test("Window fraction: 2 sigma either side holds 95.45 %; limits")
    func windowFraction() {
        // Abramowitz, Stegun (1964), Table 26.1: P(|x| < 2 sigma) = 0.954500.
        #expect(abs(Timing.windowFraction(window: 4e-12, sigma: 1e-12) - 0.954500) < 1e-6)
        #expect(Timing.windowFraction(window: 1e-9, sigma: 0) == 1)
        #expect(Timing.windowFraction(window: 0, sigma: 1e-12) == 0)
    }

    @Test("Inter-symbol fraction: Gaussian tails beyond the slot, clamped, tiny values kept")
    func interSymbol() {
        // slot - window/2 = 3 sigma: erfc(3/sqrt 2) = 0.0026998 (two tails beyond 3 sigma).
        #expect(abs(Timing.interSymbolFraction(slot: 4e-12, window: 2e-12, sigma: 1e-12) - 0.0026998) < 1e-7)
        #expect(Timing.interSymbolFraction(slot: 20e-12, window: 2e-12, sigma: 1e-12) > 0)  // ~1e-80: erfc, not 1 - erf
        #expect(Timing.interSymbolFraction(slot: 1e-10, window: 1e-9, sigma: 1e-12) == 1)
        #expect(Timing.interSymbolFraction(slot: 1e-9, window: 1e-10, sigma: 0) == 0)
    }

    @Test("Maximum repetition rate: the slot holds the window and twice the FWHM")
    func maxRepetitionRate() {
        #expect(abs(Timing.maxRepetitionRate(window: 1e-9, totalFWHM: 100e-12) - 1e9) < 1e-3)
        #expect(abs(Timing.maxRepetitionRate(window: 100e-12, totalFWHM: 100e-12) - 5e9) < 1e-2)
    }

    @Test("Dead time: factor 1 at zero rate; paralysable registers fewer counts", arguments: DeadTimeModel.allCases)
    func deadTime(_ model: DeadTimeModel) {
        #expect(DeadTime.efficiencyFactor(trueRate: 0, deadTime: 50e-9, model: model) == 1)
        let observed = DeadTime.observedRate(trueRate: 1e7, deadTime: 50e-9, model: model)
        #expect(observed < 1e7 && observed > 0)
        #expect(
            DeadTime.observedRate(trueRate: 1e8, deadTime: 50e-9, model: .paralysable)
                < DeadTime.observedRate(trueRate: 1e8, deadTime: 50e-9, model: .nonParalysable))
        #expect(DeadTimeModel.nonParalysable.rawValue == "non-paralysable")
    }
}
