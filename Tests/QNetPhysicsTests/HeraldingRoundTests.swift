import Foundation
import Testing

import QNetPhysics

/// `HeraldingRound`: one round shared by a chain's links, R ≥ max(longest L0/c, every mode spacing Δ), in which each
/// link tries min(M, ⌊R/Δ⌋) modes. The values are derived from that formula (Collins, Jenkins, Kuzmich, Kennedy, PRL
/// 98, 060502 (2007); Simon et al., PRL 98, 190503 (2007): success 1 − (1 − p)^M per round of M modes), not printed in
/// a paper.
@Suite("Repeaters: the links of a chain share one heralding round and try the modes that fit in it")
struct HeraldingRoundTests {
    @Test("25 km at 1 MHz: the 125 us communication time holds 100 modes' pulses, and 125 of 200")
    func communicationLimited() {
        let round = HeraldingRound.within(125e-6, limit: .communication, attemptSuccess: 0.01, modes: 100, pulseSpacing: 1e-6)
        #expect(round.modes == 100 && round.limit == .communication && round.seconds == 125e-6)
        #expect(abs(round.success - (1 - pow(0.99, 100))) < 1e-15)
        let more = HeraldingRound.within(125e-6, limit: .communication, attemptSuccess: 0.01, modes: 200, pulseSpacing: 1e-6)
        #expect(more.modes == 125)
    }

    @Test("A 0.2 km link in the 125 us round of a 25 km neighbour tries all 10 modes, not 1")
    func aShortLinkUsesTheLongLinksRound() {
        let short = HeraldingRound.within(125e-6, limit: .communication, attemptSuccess: 0.36, modes: 10, pulseSpacing: 1e-6)
        #expect(short.modes == 10 && abs(short.success - (1 - pow(0.64, 10))) < 1e-15)
    }

    @Test("The shortest round is the longest communication time when every link fits a mode in it; no step when all fit M")
    func candidatesOfACommunicationLimitedChain() {
        let spacings: [HeraldingRound.Spacing] = [(1e-6, .source), (1e-6, .source)]
        let all = HeraldingRound.candidateSeconds(communicationSeconds: [125e-6, 1e-9], spacings: spacings, modes: 10)
        #expect(all.count == 1 && all[0].seconds == 125e-6 && all[0].limit == .communication)
        // With 200 modes, 125 fit: one more needs a 126 us round, set by the source's pulses.
        let more = HeraldingRound.candidateSeconds(communicationSeconds: [125e-6, 1e-9], spacings: spacings, modes: 200)
        #expect(more.count == 2 && abs(more[1].seconds - 126e-6) < 1e-18 && more[1].limit == .source)
    }

    @Test("0.25 km at 1 MHz: 1.25 us (1 mode) or 2 us (2 modes); each link's first step above, once per spacing")
    func candidatesOfASourceLimitedChain() {
        let candidates = HeraldingRound.candidateSeconds(communicationSeconds: [1.25e-6, 1.25e-6],
                                                         spacings: [(1e-6, .source), (1e-6, .source)], modes: 100)
        #expect(candidates.map(\.seconds) == [1.25e-6, 2e-6])
        #expect(candidates.map(\.limit) == [.communication, .source])
        // A link far shorter than one spacing: the round is one spacing, one mode per pulse; the next step is two.
        let tiny = HeraldingRound.candidateSeconds(communicationSeconds: [1e-12], spacings: [(1e-6, .source)], modes: 100)
        #expect(tiny.map(\.seconds) == [1e-6, 2e-6] && tiny[0].limit == .source)
        let round = HeraldingRound.within(tiny[0].seconds, limit: tiny[0].limit, attemptSuccess: 0.3, modes: 100, pulseSpacing: 1e-6)
        #expect(round.modes == 1 && round.success == 0.3)
    }

    @Test("A link whose modes are spaced by the dead time sets the shortest round; the other link tries ten modes in it")
    func deadTime() {
        let spacings: [HeraldingRound.Spacing] = [(10e-6, .deadTime), (1e-6, .source)]
        let candidates = HeraldingRound.candidateSeconds(communicationSeconds: [1e-6, 1e-6], spacings: spacings, modes: 100)
        #expect(candidates.map(\.seconds) == [10e-6, 20e-6, 11e-6] && candidates[0].limit == .deadTime)
        let other = HeraldingRound.within(10e-6, limit: .deadTime, attemptSuccess: 0.3, modes: 100, pulseSpacing: 1e-6)
        #expect(other.modes == 10)
    }

    @Test("No pulses (rate 0) never end a round; p = 0 never succeeds")
    func degenerate() {
        let silent = HeraldingRound.candidateSeconds(communicationSeconds: [1e-6], spacings: [(.infinity, .source)], modes: 10)
        #expect(silent.count == 1 && silent[0].seconds == .infinity)
        let dark = HeraldingRound.within(1e-6, limit: .source, attemptSuccess: 0, modes: 10, pulseSpacing: 1e-6)
        #expect(dark.success == 0 && dark.modes == 1)
    }
}
