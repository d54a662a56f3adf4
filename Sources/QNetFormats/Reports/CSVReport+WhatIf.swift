import QNetModel
import QNetPlanner

/// The what-if columns of the CSV demand table and the table of breaking failures.
extension CSVReport {
    static let whatIfColumns = [
        "limiting_link", "limiting_segment", "bps_per_db", "bps_per_km", "bps_per_percent_detector_efficiency",
        "breaks_on", "best_suggestion", "best_suggestion_bps",
        // Added later, at the end: the demands the best suggestion lowers, and the slopes taken at a kink.
        "best_suggestion_lowers", "sensitivity_kinks", "costliest_survived_failure", "costliest_survived_failure_bps",
    ]

    /// The what-if columns of one demand (empty fields without what-ifs).
    static func whatIfFields(_ whatIf: DemandWhatIf?) -> [String] {
        guard let whatIf else { return whatIfColumns.map { _ in "" } }
        let sensitivity = whatIf.sensitivity
        let best = whatIf.suggestions.first
        return [
            whatIf.limiting?.link.rawValue ?? "", whatIf.limiting?.segment ?? "",
            sensitivity.map { number($0.perDB.bpsPerUnit) } ?? "", sensitivity?.perKm.map { number($0.bpsPerUnit) } ?? "",
            sensitivity.map { number($0.perPercentEfficiency.bpsPerUnit) } ?? "",
            whatIf.breaksOn.map { "\($0.failure.kind):\($0.failure.id)" }.joined(separator: " "),
            best?.summary ?? "", best.map { number($0.rateBps) } ?? "",
            best?.lowers.map { "\($0.demand):\(number($0.beforeBps))->\(number($0.afterBps))" }.joined(separator: " ") ?? "",
            sensitivity.map(kinks) ?? "",
            whatIf.costliestSurvived.map { "\($0.failure.kind):\($0.failure.id)" } ?? "",
            whatIf.costliestSurvived.map { number($0.remainingBps) } ?? "",
        ]
    }

    /// What-if columns added after `met_together`, after it: the `max_trusted_nodes` the best suggestion's rate needs
    /// (empty when the demand's own limit gives it).
    static let laterWhatIfColumns = ["best_suggestion_requires_max_trusted_nodes"]

    /// The fields of `laterWhatIfColumns` of one demand (empty without what-ifs).
    static func laterWhatIfFields(_ whatIf: DemandWhatIf?) -> [String] {
        [whatIf?.suggestions.first?.requires.map { String($0.to) } ?? ""]
    }

    /// The derivatives of `sensitivity` taken at a kink (`km`, `%`), each with what one step the other way
    /// changes: `km:0` says that lengthening costs key and shortening gains none.
    private static func kinks(_ sensitivity: Sensitivity) -> String {
        [sensitivity.perDB, sensitivity.perKm, sensitivity.perPercentEfficiency].compactMap { derivative in
            derivative.flatMap { d in d.otherWay.map { "\(d.unit):\(number($0))" } }
        }.joined(separator: " ")
    }

    /// One row per failure and demand it breaks.
    static func failureRows(_ survivability: Survivability) -> [[String]] {
        [["failure", "id", "breaks_demand", "remaining_bps"]] + survivability.failures.flatMap { effect in
            effect.broken.map { [effect.failure.kind, effect.failure.id.rawValue, $0.demand.rawValue, number($0.remainingBps)] }
        }
    }
}
