import QNetPlanner

extension PlanFigures {
    /// A satellite pass: its geometry, the asymptotic key it delivers per pass and per day (Lo, Ma, Chen 2005 at each
    /// elevation), and the rate it enters the key graph at when the link has no finite key.
    public static func pass(_ pass: SatellitePassPlan) -> [PlanFigure] {
        let asymptotic = "asymptotic "
        return [
            PlanFigure("altitude", EngineeringFormat.kilometres(pass.altitude)),
            PlanFigure("highest elevation", EngineeringFormat.degrees(pass.maxElevation)),
            PlanFigure("used above", EngineeringFormat.degrees(pass.minElevation)),
            PlanFigure("duration", EngineeringFormat.time(pass.durationSeconds)),
            PlanFigure("\(asymptotic)key per pass", EngineeringFormat.bits(pass.keyPerPassBits)),
            PlanFigure("\(asymptotic)pass average", EngineeringFormat.rate(pass.passAverageBps)),
            PlanFigure("passes a day", EngineeringFormat.number(pass.passesPerDay)),
            PlanFigure("\(asymptotic)key per day", EngineeringFormat.bits(pass.keyPerDayBits)),
            PlanFigure(pass.finiteKey == nil ? "asymptotic daily average (key graph)" : "asymptotic daily average",
                       EngineeringFormat.rate(pass.dailyAverageBps)),
        ]
    }

    /// Which key a link's own rate is, `finite key` or `asymptotic`: with `finite_key`, its rate at its single geometry
    /// and its pass's key-graph figures are the finite key's (Lim et al., PRA 89, 022307 (2014)).
    public static func keyKind(_ link: LinkPlan) -> String {
        link.finiteKey == nil ? "asymptotic" : "finite key"
    }

    /// Which key a pass link's rate at culmination is: `keyKind`, and `if it lasted` where one finite-key block takes
    /// longer there than the whole pass (QA: "5.58 kbit/s at culmination (finite key)" for a block of 438 s in a pass
    /// of 277 s, a key no pass collects; the link's assumption `finite key at culmination` gives both times).
    public static func culminationKind(_ link: LinkPlan) -> String {
        keyKind(link) + (culminationOutlasted(link) == nil ? "" : ", if it lasted")
    }

    /// Where a finite-key block at culmination outlasts the pass: `if it lasted: a block takes 438 s, the pass 277 s`.
    public static func culminationOutlasted(_ link: LinkPlan) -> String? {
        guard let pass = link.pass, let finite = link.finiteKey, finite.blockTimeSeconds > pass.durationSeconds else { return nil }
        return "if it lasted: a block takes \(EngineeringFormat.time(finite.blockTimeSeconds)), "
            + "the pass \(EngineeringFormat.time(pass.durationSeconds))"
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
