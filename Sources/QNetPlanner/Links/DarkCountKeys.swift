import QNetModel

/// A detector that gives its dark counts twice: as a rate and as a probability per window, of which the plan reads one.
enum DarkCountKeys {
    /// A warning at the `dark_count_rate` of each detector that gives `dark_count_probability` too: the probability
    /// per window is what the budgets use (`DetectionBudgetBuilder`), so the rate, the format's alternative to it
    /// (topology-format.md: "dark_count_rate … or dark_count_probability … per window"), is ignored.
    /// - Complexity: O(detectors)
    static func warnings(_ equipment: Equipment) -> [Diagnostic] {
        equipment.detectors.compactMap { detector in
            guard let rate = detector.darkCountRate, let probability = detector.darkCountProbability else { return nil }
            return Diagnostic(.warning, "detector \(detector.name) gives dark_count_rate \(rate.text) and dark_count_probability "
                + "\(probability.text): the plan uses the probability per window and ignores the rate; remove one",
                              keyPath: "equipment.detectors.\(detector.name).dark_count_rate")
        }
    }
}
