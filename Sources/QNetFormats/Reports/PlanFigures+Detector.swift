import QNetPlanner

extension PlanFigures {
    /// A link's detector and timing budget, every row with its basis (the file key or built-in default behind it, or
    /// the formula that derives it), each under the key of its field in the JSON report (`jitter_fwhm_s.NAME` for a
    /// jitter term). The Markdown and JSON reports and the workbench's inspector show the same rows. Without an
    /// `operatingPoint` (a repeater chain's links, whose heralding model has no detector dead time or afterpulsing)
    /// one row says so instead of a click rate of 0 Hz, a factor of 1 and no afterpulses.
    public static func detector(_ budget: DetectorBudget, operatingPoint: Bool = true) -> [(key: String, figure: PlanFigure)] {
        let bases = budget.bases
        let jitter = budget.jitterTerms.map { term in
            ("jitter_fwhm_s.\(term.name)", PlanFigure("jitter: \(term.name) (FWHM)", EngineeringFormat.time(term.fwhm), basis: term.basis))
        }
        let rows: [(key: String, figure: PlanFigure)] = jitter + [
            ("total_jitter_fwhm_s", PlanFigure("total jitter (FWHM, in quadrature)", EngineeringFormat.time(budget.totalJitterFWHM),
                                               basis: "√(sum of the squared FWHMs above)")),
            ("window_s", PlanFigure("detection window", EngineeringFormat.time(budget.windowSeconds), basis: bases.window)),
            ("window_fraction", PlanFigure("signal inside the window", EngineeringFormat.percent(budget.windowFraction),
                                           basis: "erf(τ/(2√2σ))")),
            ("inter_symbol_fraction", PlanFigure("signal in the neighbouring slot",
                                                 EngineeringFormat.percent(budget.interSymbolFraction), basis: "Gaussian tail")),
            ("detector_efficiency", PlanFigure("detector efficiency", EngineeringFormat.percent(budget.detectorEfficiency),
                                               basis: bases.detectorEfficiency)),
            ("count_rate_hz", PlanFigure("click rate before dead time", EngineeringFormat.frequency(budget.countRateHz),
                                         basis: "clicks per pulse × f_rep (\(bases.repetitionRate))")),
            ("dead_time_factor", PlanFigure("dead-time factor", EngineeringFormat.number(budget.deadTimeFactor),
                                            basis: "observed / true rate: \(bases.deadTime); \(bases.deadTimeModel)")),
            ("effective_efficiency", PlanFigure("effective efficiency", EngineeringFormat.percent(budget.effectiveEfficiency),
                                                basis: "efficiency × window × dead time")),
            ("dark_probability_per_window", PlanFigure("dark counts per window",
                                                       EngineeringFormat.number(budget.darkProbabilityPerWindow),
                                                       basis: bases.darkCounts)),
            ("background_probability_per_window", PlanFigure("background per window",
                                                             EngineeringFormat.number(budget.backgroundProbabilityPerWindow),
                                                             basis: "\(bases.backgroundRate) x window")),
            ("afterpulse_probability_per_window", PlanFigure("afterpulses per window",
                                                             EngineeringFormat.number(budget.afterpulseProbabilityPerWindow),
                                                             basis: "\(bases.afterpulseProbability) x clicks per window")),
            ("max_repetition_rate_hz", PlanFigure("highest repetition rate", EngineeringFormat.frequency(budget.maxRepetitionRateHz),
                                                  basis: "1 / max(window, 2 × FWHM)")),
        ]
        guard !operatingPoint else { return rows }
        let atOperatingPoint: Set<String> = ["count_rate_hz", "dead_time_factor", "afterpulse_probability_per_window"]
        return rows.compactMap { row -> (key: String, figure: PlanFigure)? in
            if row.key == "count_rate_hz" {
                return ("dead_time", PlanFigure("dead time and afterpulsing", "dead time lengthens the modes' spacing at the click rate; afterpulsing not modelled",
                                                basis: "the repeater chain's round (its assumptions)"))
            }
            if row.key == "effective_efficiency" {
                return (row.key, PlanFigure(row.figure.label, row.figure.value, basis: "efficiency × window"))
            }
            return atOperatingPoint.contains(row.key) ? nil : row
        }
    }
}
