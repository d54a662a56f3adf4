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
        let all = Array(HeraldingRound.candidateSeconds(communicationSeconds: [125e-6, 1e-9], spacings: spacings, modes: 10))
        #expect(all.count == 1 && all[0].seconds == 125e-6 && all[0].limit == .communication)
        // With 200 modes, 125 fit: each step from 126 us to 200 us fits one more, set by the source's pulses.
        let more = Array(HeraldingRound.candidateSeconds(communicationSeconds: [125e-6, 1e-9], spacings: spacings, modes: 200))
        #expect(more.count == 76 && abs(more[1].seconds - 126e-6) < 1e-18 && more[1].limit == .source)
        #expect(abs((more.last?.seconds ?? 0) - 200e-6) < 1e-18)
    }

    @Test("0.25 km at 1 MHz: 1.25 us (1 mode), then every step 2 us, 3 us, ... up to all 100 modes, once per spacing")
    func candidatesOfASourceLimitedChain() {
        let candidates = Array(HeraldingRound.candidateSeconds(communicationSeconds: [1.25e-6, 1.25e-6],
                                                               spacings: [(1e-6, .source), (1e-6, .source)], modes: 100))
        #expect(candidates.count == 100 && candidates.prefix(3).map(\.seconds) == [1.25e-6, 2e-6, 3e-6])
        #expect(candidates.prefix(2).map(\.limit) == [.communication, .source])
        // A link far shorter than one spacing: the round is one spacing, one mode per pulse; the next step is two.
        let tiny = Array(HeraldingRound.candidateSeconds(communicationSeconds: [1e-12], spacings: [(1e-6, .source)], modes: 100))
        #expect(tiny.prefix(2).map(\.seconds) == [1e-6, 2e-6] && tiny[0].limit == .source && tiny.count == 100)
        let round = HeraldingRound.within(tiny[0].seconds, limit: tiny[0].limit, attemptSuccess: 0.3, modes: 100, pulseSpacing: 1e-6)
        #expect(round.modes == 1 && round.success == 0.3)
    }

    @Test("A link whose modes are spaced by the dead time sets the shortest round; the other link tries ten modes in it")
    func deadTime() {
        let spacings: [HeraldingRound.Spacing] = [(10e-6, .deadTime), (1e-6, .source)]
        let candidates = Array(HeraldingRound.candidateSeconds(communicationSeconds: [1e-6, 1e-6], spacings: spacings, modes: 100))
        #expect(candidates.prefix(3).map(\.seconds) == [10e-6, 11e-6, 12e-6] && candidates[0].limit == .deadTime)
        // 11..100 us for the 1 us link, 20..1000 us for the 10 us one; 20..100 us in steps of 10 us are both's, once.
        #expect(candidates.count == 1 + 90 + 99 - 9)
        #expect(candidates.first { abs($0.seconds - 20e-6) < 1e-18 }?.limit == .deadTime)
        #expect(zip(candidates, candidates.dropFirst()).allSatisfy { $0.seconds < $1.seconds })
        let other = HeraldingRound.within(10e-6, limit: .deadTime, attemptSuccess: 0.3, modes: 100, pulseSpacing: 1e-6)
        #expect(other.modes == 10)
    }

    @Test("Equal spacings give each step once; a link offers no step beyond its M modes")
    func stepsOfUnequalSpacings() {
        let spacings: [HeraldingRound.Spacing] = [(2e-6, .source), (3e-6, .source), (2e-6, .deadTime)]
        let candidates = Array(HeraldingRound.candidateSeconds(communicationSeconds: [5e-6], spacings: spacings, modes: 4))
        // R0 = 5 us; 6 and 8 us for the 2 us links (k <= 4), 6, 9 and 12 us for the 3 us link.
        #expect(candidates.map(\.seconds) == [5e-6, 6e-6, 8e-6, 9e-6, 12e-6])
        #expect(candidates.map(\.limit) == [.communication, .source, .source, .source, .source])
    }

    @Test("The slowest link's own time per pair, k x spacing / (1 - (1 - p)^k), never falls as the round grows")
    func slowestLinkFloor() {
        let p = [0.01, 0.2], spacings = [1e-6, 1.5e-6]
        let floor = HeraldingRoundFloor(attemptSuccesses: p, spacings: spacings, modes: 50)
        let at = { (seconds: Double) in floor.seconds(from: seconds) }
        // At 10 us: 10 modes of 1 us at p = 0.01 take 10 us / (1 - 0.99^10); 6 of 1.5 us at p = 0.2 take less.
        #expect(abs(at(10e-6) - 10e-6 / (1 - pow(0.99, 10))) < 1e-12 * at(10e-6))
        let lengths = stride(from: 1.5e-6, through: 100e-6, by: 0.1e-6).map(at)
        #expect(zip(lengths, lengths.dropFirst()).allSatisfy { $0 <= $1 })
    }

    @Test("No pulses (rate 0) never end a round; p = 0 never succeeds")
    func degenerate() {
        let silent = Array(HeraldingRound.candidateSeconds(communicationSeconds: [1e-6], spacings: [(.infinity, .source)], modes: 10))
        #expect(silent.count == 1 && silent[0].seconds == .infinity)
        let dark = HeraldingRound.within(1e-6, limit: .source, attemptSuccess: 0, modes: 10, pulseSpacing: 1e-6)
        #expect(dark.success == 0 && dark.modes == 1)
    }
}
