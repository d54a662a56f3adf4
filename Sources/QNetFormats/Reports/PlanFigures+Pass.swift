import QNetPlanner

extension PlanFigures {
    /// A satellite pass: its geometry, the key it delivers per pass and per day, and the rate it enters the key graph at.
    public static func pass(_ pass: SatellitePassPlan) -> [PlanFigure] {
        [
            PlanFigure("altitude", EngineeringFormat.kilometres(pass.altitude)),
            PlanFigure("highest elevation", EngineeringFormat.degrees(pass.maxElevation)),
            PlanFigure("used above", EngineeringFormat.degrees(pass.minElevation)),
            PlanFigure("duration", EngineeringFormat.time(pass.durationSeconds)),
            PlanFigure("key per pass", EngineeringFormat.bits(pass.keyPerPassBits)),
            PlanFigure("pass average", EngineeringFormat.rate(pass.passAverageBps)),
            PlanFigure("passes a day", EngineeringFormat.number(pass.passesPerDay)),
            PlanFigure("key per day", EngineeringFormat.bits(pass.keyPerDayBits)),
            PlanFigure("daily average (key graph)", EngineeringFormat.rate(pass.dailyAverageBps)),
        ]
    }
}
