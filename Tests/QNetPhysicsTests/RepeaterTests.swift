import Foundation
import Testing

import QNetPhysics

@Suite("Repeaters: Werner states and waiting times")
struct RepeaterTests {
    @Test("Werner: a chain of two links is one swap; one link is the link; perfect links stay perfect")
    func werner() {
        #expect(abs(Werner.chain(elementaryFidelity: 0.93, links: 2) - Werner.swap(0.93, 0.93)) < 1e-15)
        #expect(abs(Werner.chain(elementaryFidelity: 0.93, links: 1) - 0.93) < 1e-15)
        #expect(Werner.swap(1, 1) == 1)
        #expect(abs(Werner.swap(0.25, 0.9) - 0.25) < 1e-15)  // a maximally mixed input stays mixed
    }

    @Test("Memory: no storage keeps F; long storage tends to 1/4")
    func memory() {
        #expect(Werner.decohere(fidelity: 0.9, storage: 0, coherenceTime: 0) == 0.9)
        #expect(Werner.decohere(fidelity: 0.9, storage: 1, coherenceTime: 0) == 0.25)
        #expect(abs(Werner.decohere(fidelity: 0.9, storage: 100, coherenceTime: 1) - 0.25) < 1e-40 + 1e-15)
    }

    @Test("BBM92 on Werner states: key vanishes at e = 11 % (F = 0.835)")
    func secretFraction() {
        // Shor, Preskill, PRL 85, 441 (2000): 1 - 2 h(e) > 0 for e < 11.0 %.
        #expect(Werner.bbm92SecretFraction(fidelity: 1) == 1)
        #expect(Werner.bbm92SecretFraction(fidelity: 1 - 1.5 * 0.1095) > 0)
        #expect(Werner.bbm92SecretFraction(fidelity: 1 - 1.5 * 0.1105) == 0)
        #expect(Werner.bbm92SecretFraction(fidelity: 0.5) == 0)
        #expect(abs(Werner.qber(fidelity: 0.25) - 0.5) < 1e-15)
    }

    @Test("Waiting time: one link 1/p; two unequal links by inclusion-exclusion; series agrees with the closed form")
    func waiting() {
        #expect(abs(RepeaterWaiting.expectedRounds(successProbabilities: [0.2]) - 5) < 1e-12)
        #expect(RepeaterWaiting.expectedRounds(successProbabilities: []) == 0)
        #expect(RepeaterWaiting.expectedRounds(successProbabilities: [0.1, 0]) == .infinity)
        #expect(RepeaterWaiting.expectedRounds(successProbabilities: [1, 1, 1]) == 1)
        let (a, b) = (0.1, 0.3)
        let exact = 1 / a + 1 / b - 1 / (1 - (1 - a) * (1 - b))
        #expect(abs(RepeaterWaiting.expectedRounds(successProbabilities: [a, b]) - exact) / exact < 1e-12)
        // Nearly equal probabilities take the series path and must land next to the closed form.
        let closed = RepeaterWaiting.expectedRounds(successProbabilities: Array(repeating: 0.05, count: 8))
        let series = RepeaterWaiting.expectedRounds(successProbabilities: Array(repeating: 0.05, count: 7) + [0.05 * (1 + 1e-12)])
        #expect(abs(closed - series) / closed < 1e-9)
    }

    @Test("Waiting time: the (3/2)^n / p0 rule overestimates the exact mean (22.5 against 20.27 for 4 links at p = 0.1)")
    func threeHalvesRule() {
        // Sangouard, Simon, de Riedmatten, Gisin, RMP 83, 33 (2011): (3/2)^n / p0 for small p0.
        let exact = RepeaterWaiting.expectedRounds(successProbabilities: Array(repeating: 0.1, count: 4))
        #expect(abs(exact - 20.27) < 0.01)
        #expect(exact < pow(1.5, 2) / 0.1)
        // For small p the rule becomes accurate to a few per cent (harmonic-number limit H_4 = 25/12 vs 9/4).
        let small = RepeaterWaiting.expectedRounds(successProbabilities: Array(repeating: 1e-3, count: 4))
        #expect(abs(small * 1e-3 - 25.0 / 12.0) < 2e-3)
    }
}
