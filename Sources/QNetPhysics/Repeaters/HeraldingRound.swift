import Foundation

/// One round of multiplexed heralding on an elementary link: how many modes it tries, how long it lasts, what
/// sets its length, and the chance that one of its modes is heralded.
public struct HeraldingRound: Sendable, Hashable {
    /// What sets a round's length.
    public enum Limit: String, Sendable, Hashable {
        /// The communication time L0/c: photons to the station and its answer back.
        case communication
        /// The source: one pulse per mode, 1/f_rep apart.
        case source
        /// The station's detectors: a click blinds them for their dead time, longer than 1/f_rep.
        case deadTime = "dead time"
    }

    /// Modes tried in the round (1...M).
    public var modes: Int
    /// Length of the round, s.
    public var seconds: Double
    /// What sets that length.
    public var limit: Limit
    /// Success of the round, 1 − (1 − p)^modes.
    public var success: Double

    /// The round of a link whose single-mode attempt succeeds with `attemptSuccess`, whose communication time is
    /// `communicationSeconds`, whose memories hold `modes` modes and whose modes must be `pulseSpacing` s apart.
    ///
    /// Model: round = max(L0/c, M′·Δ) with Δ = max(1/f_rep, τ_dead), the time the source needs to emit M′
    /// pulses (and the detectors to recover between them). M multiplexed modes divide the waiting time by about M
    /// only while their pulses fit inside one communication time. The multiplexed success 1 − (1 − p)^M is Collins,
    /// Jenkins, Kuzmich, Kennedy, PRL 98, 060502 (2007) and Simon et al., PRL 98, 190503 (2007) (temporal modes
    /// in multimode memories); van Dam et al., arXiv:1702.04885 (2017), abstract: links longer than a few km are
    /// limited by the communication time, which multiplexing circumvents. The floor M′·Δ is derived here: a source
    /// cannot emit faster than its repetition rate. M′ is the
    /// number of modes, at most M, that gives the shortest mean time per heralded pair, round/(1 − (1 − p)^M′):
    /// it is ⌊L0/(cΔ)⌋ or ⌈L0/(cΔ)⌉ (success per second rises with M′ while the round is L0/c and falls once the
    /// pulses set it), so a link shorter than one pulse spacing tries single modes 1/f_rep apart. A spacing that is
    /// not positive and finite gives an endless round (no pulses, no pairs).
    /// - Complexity: O(1).
    public static func best(attemptSuccess p: Double, communicationSeconds: Double, modes: Int, pulseSpacing: Double,
                            spacingLimit: Limit = .source) -> HeraldingRound {
        let most = max(1, modes)
        let communication = communicationSeconds.isFinite ? max(0, communicationSeconds) : .infinity
        guard pulseSpacing > 0, pulseSpacing.isFinite else {
            return HeraldingRound(modes: most, seconds: .infinity, limit: spacingLimit,
                                  success: EntanglementHeralding.multiplexed(p, modes: most))
        }
        let fitting = communication / pulseSpacing
        let candidates = Set([fitting.rounded(.down), fitting.rounded(.up)].map { Int(min(Double(most), max(1, $0))) })
        let rounds = candidates.sorted().map { count -> HeraldingRound in
            let emission = Double(count) * pulseSpacing
            return HeraldingRound(modes: count, seconds: max(communication, emission),
                                  limit: emission > communication ? spacingLimit : .communication,
                                  success: EntanglementHeralding.multiplexed(p, modes: count))
        }
        return rounds.min { $0.meanSecondsPerPair < $1.meanSecondsPerPair } ?? rounds[0]
    }

    /// Mean time to a heralded pair, round/success, s (`+infinity` when no round succeeds).
    public var meanSecondsPerPair: Double {
        success > 0 ? seconds / success : .infinity
    }
}
