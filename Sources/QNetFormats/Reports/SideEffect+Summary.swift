import QNetPlanner

extension SideEffect {
    /// The effect in words, as the reports and the inspector show it: `BANK-GOV 172 bit/s → 0 bit/s (no longer met)`.
    public var summary: String {
        "\(demand) \(EngineeringFormat.rate(beforeBps)) → \(EngineeringFormat.rate(afterBps))" + (satisfied ? "" : " (not met)")
    }
}
