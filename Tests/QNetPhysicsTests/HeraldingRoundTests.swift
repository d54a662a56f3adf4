import Foundation
import Testing

import QNetPhysics

/// `HeraldingRound`: round = max(L0/c, M′·Δ), M′ ≤ M the modes with the shortest mean time per pair. The values are
/// derived from that formula (Collins, Jenkins, Kuzmich, Kennedy, PRL 98, 060502 (2007); Simon et al., PRL 98, 190503
/// (2007): success 1 − (1 − p)^M per round of M modes), not printed in a paper.
@Suite("Repeaters: a heralding round lasts the communication time or the source's pulses")
struct HeraldingRoundTests {
    @Test("25 km at 1 MHz: the 125 us communication time holds all 100 modes' pulses (100 us)")
    func communicationLimited() {
        let round = HeraldingRound.best(attemptSuccess: 0.01, communicationSeconds: 125e-6, modes: 100, pulseSpacing: 1e-6)
        #expect(round.modes == 100 && round.limit == .communication)
        #expect(abs(round.seconds - 125e-6) < 1e-18)
        #expect(abs(round.success - (1 - pow(0.99, 100))) < 1e-15)
    }

    @Test("0.25 km at 1 MHz: 2 pulses (2 us) beat 1 pulse in a 1.25 us round and all 100 pulses (100 us)")
    func sourceLimited() {
        let p = 0.3243
        let round = HeraldingRound.best(attemptSuccess: p, communicationSeconds: 1.25e-6, modes: 100, pulseSpacing: 1e-6)
        // Mean time per pair: 1.25 us / p = 3.854 us with one mode; 2 us / (1 - (1 - p)^2) = 3.680 us with two;
        // 100 us / (1 - (1 - p)^100) = 100 us with all of them.
        #expect(round.modes == 2 && round.limit == .source)
        #expect(abs(round.seconds - 2e-6) < 1e-18)
        #expect(abs(round.meanSecondsPerPair - 2e-6 / (1 - (1 - p) * (1 - p))) < 1e-18)
        #expect(round.meanSecondsPerPair < 1.25e-6 / p)
    }

    @Test("A link far shorter than one pulse spacing tries one mode per pulse: the rate saturates at f_rep p")
    func saturation() {
        for length in [1e-3, 1e-9] {
            let round = HeraldingRound.best(attemptSuccess: 0.3, communicationSeconds: length / 2e8, modes: 100, pulseSpacing: 1e-6)
            #expect(round.modes == 1 && round.limit == .source && round.seconds == 1e-6 && round.success == 0.3)
        }
    }

    @Test("A dead time longer than 1/f_rep spaces the modes and is named as the limit")
    func deadTime() {
        let round = HeraldingRound.best(attemptSuccess: 0.01, communicationSeconds: 50e-6, modes: 100, pulseSpacing: 10e-6,
                                        spacingLimit: .deadTime)
        #expect(round.modes == 5 && round.limit == .communication && abs(round.seconds - 50e-6) < 1e-18)
        let short = HeraldingRound.best(attemptSuccess: 0.3, communicationSeconds: 1e-6, modes: 100, pulseSpacing: 10e-6,
                                        spacingLimit: .deadTime)
        #expect(short.modes == 1 && short.limit == .deadTime && short.seconds == 10e-6)
    }

    @Test("No pulses (rate 0) never end a round; p = 0 never succeeds")
    func degenerate() {
        let silent = HeraldingRound.best(attemptSuccess: 0.3, communicationSeconds: 1e-6, modes: 10, pulseSpacing: .infinity)
        #expect(silent.seconds == .infinity && silent.meanSecondsPerPair == .infinity)
        let dark = HeraldingRound.best(attemptSuccess: 0, communicationSeconds: 1e-6, modes: 10, pulseSpacing: 1e-6)
        #expect(dark.success == 0 && dark.meanSecondsPerPair == .infinity)
    }
}
