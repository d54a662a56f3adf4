import QNetPlanner

extension PlanFigures {
    /// A satellite pass: its geometry, the key it delivers per pass and per day, and the rate it enters the key graph at.
    /// Beside a finite key, the asymptotic figures say so.
    public static func pass(_ pass: SatellitePassPlan) -> [PlanFigure] {
        let asymptotic = pass.finiteKey == nil ? "" : "asymptotic "
        return [
            PlanFigure("altitude", EngineeringFormat.kilometres(pass.altitude)),
            PlanFigure("highest elevation", EngineeringFormat.degrees(pass.maxElevation)),
            PlanFigure("used above", EngineeringFormat.degrees(pass.minElevation)),
            PlanFigure("duration", EngineeringFormat.time(pass.durationSeconds)),
            PlanFigure("\(asymptotic)key per pass", EngineeringFormat.bits(pass.keyPerPassBits)),
            PlanFigure("\(asymptotic)pass average", EngineeringFormat.rate(pass.passAverageBps)),
            PlanFigure("passes a day", EngineeringFormat.number(pass.passesPerDay)),
            PlanFigure("\(asymptotic)key per day", EngineeringFormat.bits(pass.keyPerDayBits)),
            PlanFigure(pass.finiteKey == nil ? "daily average (key graph)" : "asymptotic daily average",
                       EngineeringFormat.rate(pass.dailyAverageBps)),
        ]
    }

    /// A pass's finite key (one block of the whole pass): key per pass and per day, the block and its error rates.
    public static func passFiniteKey(_ finite: PassFiniteKeyPlan) -> [PlanFigure] {
        [
            PlanFigure("finite key per pass", EngineeringFormat.bits(finite.keyPerPassBits)),
            PlanFigure("finite key per day", EngineeringFormat.bits(finite.keyPerDayBits)),
            PlanFigure("finite daily average (key graph)", EngineeringFormat.rate(finite.dailyAverageBps)),
            PlanFigure("pass block n_X", EngineeringFormat.number(finite.keyBasisDetections)),
            PlanFigure("pass QBER E_X", EngineeringFormat.percent(finite.qber)),
            PlanFigure("phase error bound", EngineeringFormat.percent(finite.phaseErrorRate)),
            PlanFigure("tail bound", finite.tailBound.rawValue),
        ]
    }
}
