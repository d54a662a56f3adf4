import Foundation

/// One elementary link's share of a chain's multiplexed heralding round: how many modes it tries in the round, how
/// long the round lasts, what sets that length, and the chance that one of the link's modes is heralded (temporal
/// multiplexing of Simon et al., PRL 98, 190503 (2007)).
public struct HeraldingRound: Sendable, Hashable {
    /// What sets a round's length.
    public enum Limit: String, Sendable, Hashable {
        /// The communication time L0/c of the chain's longest link: photons to the station and its answer back.
        case communication
        /// A source: one pulse per mode, 1/f_rep apart.
        case source
        /// A station's detectors: the clicks' dead time lengthens the spacing of the modes by more than 1/f_rep.
        case deadTime = "dead time"
    }

    /// The spacing of one link's modes, s, and which part of it is the larger (`.source` or `.deadTime`).
    public typealias Spacing = (seconds: Double, limit: Limit)

    /// Modes tried in the round (1...M).
    public var modes: Int
    /// Length of the round, s.
    public var seconds: Double
    /// What sets that length.
    public var limit: Limit
    /// Success of the round, 1 − (1 − p)^modes.
    public var success: Double

    /// The share of a round of `seconds` (set by `limit`) of a link whose single-mode attempt succeeds with
    /// `attemptSuccess`, whose memories hold `modes` modes and whose modes are `pulseSpacing` s apart: it tries
    /// min(M, ⌊R/Δ⌋) modes, at least 1, with success 1 − (1 − p)^M′ (Collins, Jenkins, Kuzmich, Kennedy, PRL 98,
    /// 060502 (2007); Simon et al., PRL 98, 190503 (2007): temporal modes in multimode memories). A spacing that is
    /// not positive and finite tries all M modes (the round is then endless, `candidateSeconds`).
    public static func within(_ seconds: Double, limit: Limit, attemptSuccess p: Double, modes: Int,
                              pulseSpacing: Double) -> HeraldingRound {
        let most = max(1, modes)
        let fitting = pulseSpacing > 0 && pulseSpacing.isFinite ? fitted(seconds, pulseSpacing) : most
        let count = min(most, max(1, fitting))
        return HeraldingRound(modes: count, seconds: seconds, limit: limit,
                              success: EntanglementHeralding.multiplexed(p, modes: count))
    }

    /// The lengths worth trying for one round shared by a chain's links, shortest first, with what sets each (derived
    /// here).
    ///
    /// The round lasts at least the longest link's communication time L0/c (van Dam et al., arXiv:1702.04885
    /// (2017), abstract: links longer than a few km are limited by the communication time, which multiplexing
    /// circumvents) and at least one mode's spacing of every link: R0 = max(max L0/c, max Δ). The floor Δ is derived
    /// here: a source cannot emit faster than its repetition rate. In a round R link i tries k_i = min(M, ⌊R/Δ_i⌋)
    /// modes, so the links' successes change only at the steps k·Δ_i (k ≤ M) where some link gains a mode. Between
    /// two such lengths, and beyond max_i M·Δ_i, the successes are fixed and a longer round only makes the time per
    /// pair longer (the exact waiting time is E[rounds]·R; in the nested model each link's mean R/q_i grows and a
    /// span's mean grows with its halves'). So the time per pair is lowest at R0 or at one of the steps: R0 and every
    /// distinct k·Δ_i in (R0, M·Δ_i] of every distinct spacing, in increasing order. The caller keeps the one with the
    /// shortest time per pair, and may stop early with `HeraldingRoundFloor`.
    /// Spacings that are not positive and finite give an endless round (no pulses, no pairs), and nothing else.
    /// - Complexity: O(N) to start for N links; O(D) per length for D distinct spacings, at most D·M lengths.
    public static func candidateSeconds(communicationSeconds: [Double], spacings: [Spacing], modes: Int) -> HeraldingRoundSteps {
        let communication = communicationSeconds.map { $0.isFinite ? max(0, $0) : .infinity }.max() ?? 0
        guard spacings.allSatisfy({ $0.seconds > 0 && $0.seconds.isFinite }) else {
            return HeraldingRoundSteps(floor: (.infinity, .source), spacings: [], modes: modes)
        }
        let widest = spacings.max { $0.seconds < $1.seconds }
        let floor: Spacing = widest.map { $0.seconds > communication ? $0 : (communication, .communication) }
            ?? (communication, .communication)
        return HeraldingRoundSteps(floor: floor, spacings: spacings, modes: modes)
    }

    /// ⌊R/Δ⌋, robust to the rounding of R = k·Δ.
    static func fitted(_ seconds: Double, _ spacing: Double) -> Int {
        let ratio = seconds / spacing
        guard ratio.isFinite else { return Int.max }
        return Int(min(Double(Int.max / 2), (ratio * (1 + 1e-12)).rounded(.down)))
    }
}
