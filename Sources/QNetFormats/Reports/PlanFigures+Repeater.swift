import QNetPlanner

extension PlanFigures {
    /// A repeater chain's figures: heralding and memories, the waiting time, and the delivered pair's errors and key.
    public static func repeaterChain(_ chain: RepeaterChainPlan) -> [PlanFigure] {
        func list(_ values: [Double]) -> String { values.map(EngineeringFormat.number).joined(separator: ", ") }
        var figures = [PlanFigure("heralding", Set(chain.heralding).sorted().joined(separator: " and "))]
        if let alpha = chain.brightStatePopulation {
            figures.append(PlanFigure("bright-state population α", EngineeringFormat.number(alpha)))
        }
        figures += [
            PlanFigure("attempt success", list(chain.attemptSuccess)),
            PlanFigure("memory modes", "\(chain.modes)"),
            PlanFigure("modes per round", chain.modesPerRound.map(String.init).joined(separator: ", ")),
            PlanFigure("success per round", list(chain.successPerRound)),
            PlanFigure("elementary fidelity", list(chain.elementaryFidelity)),
            PlanFigure("swap success", EngineeringFormat.percent(chain.swapSuccess)),
            PlanFigure("mean rounds", EngineeringFormat.number(chain.meanRounds)),
            PlanFigure("round", EngineeringFormat.time(chain.roundSeconds)),
            PlanFigure("time per pair", EngineeringFormat.time(chain.meanTimeSeconds)),
            PlanFigure("mean memory storage", EngineeringFormat.time(chain.storageSeconds)),
            PlanFigure("cutoff", cutoff(chain)),
        ]
        if chain.cutoffSeconds != nil {
            figures.append(PlanFigure("last swap's pairs within cutoff", EngineeringFormat.percent(chain.cutoffSurvival)))
        }
        return figures + [
            PlanFigure("DEJMPS rounds per elementary pair", "\(chain.purificationRounds)"),
            PlanFigure("QBER Z (bit)", EngineeringFormat.percent(chain.bitErrorRate)),
            PlanFigure("QBER X (phase)", EngineeringFormat.percent(chain.phaseErrorRate)),
            PlanFigure("secret fraction (BBM92)", EngineeringFormat.number(chain.secretFraction)),
            PlanFigure("six-state fraction", EngineeringFormat.number(chain.sixStateFraction)),
            PlanFigure("six-state key", EngineeringFormat.rate(chain.sixStateKeyRateBps)),
        ]
    }

    /// The chain's cutoff (`20 ms`, `none`); where the repeaters' differ, the lowest and those that have it
    /// (`1 µs lowest (R1)`).
    private static func cutoff(_ chain: RepeaterChainPlan) -> String {
        guard let seconds = chain.cutoffSeconds else { return "none" }
        let time = EngineeringFormat.time(seconds)
        if chain.lowestCutoffRepeaters.isEmpty { return time }
        return "\(time) lowest (\(chain.lowestCutoffRepeaters.joined(separator: ", ")))"
    }

    /// Where the chain beats the PLOB bound and a trusted-node chain of the same links, over its distance table.
    public static func repeaterReach(_ chain: RepeaterChainPlan) -> String {
        func beats(_ meters: [Double], _ what: String) -> String {
            guard !meters.isEmpty else { return "does not beat \(what) at any length swept" }
            return "beats \(what) at " + meters.map { EngineeringFormat.number($0 / 1000) }.joined(separator: ", ") + " km"
        }
        return "The chain \(beats(chain.beatsPLOBAtMeters, "the PLOB bound")) and "
            + "\(beats(chain.beatsTrustedChainAtMeters, "a trusted-node chain of the same links")) "
            + "(its senders' decoy-BB84 transmitters: \(chain.trustedChainSources))."
    }
}
