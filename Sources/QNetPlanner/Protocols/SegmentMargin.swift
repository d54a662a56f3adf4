import QNetPhysics

/// The margin of a two-arm segment (BBM92, MDI-QKD) and, when it has no key, why.
///
/// The margin is the extra channel loss the segment tolerates before its key
/// vanishes, shared by the arms in proportion to their losses (as if every
/// fiber of the segment aged alike; evenly when both arms are lossless), with
/// the intensities re-optimised where they are `auto`; negative when the
/// segment has no key (the loss to remove, at most the arms' whole loss); nil
/// when not even lossless arms give a key.
enum SegmentMargin {
    /// Resolution of the margin search, dB.
    static let toleranceDB = 1e-4

    /// The arms' channel losses after `extraDB` more loss on the whole channel, shared in proportion to `losses`.
    static func armLosses(_ losses: [Double], extraDB: Double) -> [Double] {
        let total = losses.reduce(0, +)
        guard total > 0 else { return losses.map { _ in max(0, extraDB) / Double(max(1, losses.count)) } }
        return losses.map { max(0, $0 * (1 + extraDB / total)) }
    }

    /// The extra loss (dB) at which `hasKey` (of the arms' channel losses) turns false, found by bisection
    /// between removing every loss and the search bound; nil when there is no key even without loss.
    static func tolerated(armLossDB losses: [Double], hasKey: ([Double]) -> Bool) -> Double? {
        let total = losses.reduce(0, +)
        let bound = PlanningDefaults.marginSearchLossDB.value
        guard hasKey(armLosses(losses, extraDB: -total)) else { return nil }
        if hasKey(armLosses(losses, extraDB: bound)) { return bound }
        return Optimise.bisectBoundary(lower: -total, upper: bound, tolerance: toleranceDB) {
            hasKey(armLosses(losses, extraDB: $0))
        }
    }

    /// The reported margin and the no-key reason, given the key at the operating point.
    ///
    /// - Parameters:
    ///   - blind: the arm whose receiver detects nothing, if any.
    ///   - qber: the QBER at the operating point, quoted when no loss can be blamed.
    static func outcome(keyPerPulse: Double, channelLossDB: Double, tolerated: Double?, blind: String?, qber: Double)
        -> (margin: Double?, reason: String?) {
        var margin = tolerated.map { Sanitise.finite(max(-1000, min(1000, $0))) }
        guard keyPerPulse <= 0 else {
            if let value = margin, value < 0 { margin = 0 }
            return (margin, nil)
        }
        if let value = margin, value > 0 { margin = 0 }
        if let blind { return (margin, "the receiver of \(blind) detects nothing (detection efficiency x window fraction is 0)") }
        guard let value = margin else {
            return (nil, "no loss gives a key, not even lossless arms: the errors leave none after error correction and "
                + "privacy amplification (QBER \(Format.percent(qber)) at the arms' present loss), so there is no margin to report")
        }
        if value < 0 {
            return (margin, "loss \(Format.dB(channelLossDB)) exceeds the \(Format.dB(channelLossDB + value)) the segment tolerates")
        }
        return (margin, "QBER \(Format.percent(qber)) leaves no key after error correction and privacy amplification")
    }
}
