import QNetPhysics

/// The heralding rounds of a chain's links (`HeraldingRound`: round = max(L0/c, M′·max(1/f_rep, τ_dead)); Collins,
/// Jenkins, Kuzmich, Kennedy, PRL 98, 060502 (2007); Simon et al., PRL 98, 190503 (2007)): each link's pulse spacing
/// from its source's repetition rate and its heralding station's dead time, and the line that says what sets them.
enum ChainRounds {
    /// The round of each link, whose single-mode attempt succeeds with `attempts[i]` over `lengths[i]` m of fiber,
    /// with memories of `modes` modes.
    static func rounds(_ links: [ElementaryLink], attempts: [Double], lengths: [Double], modes: Int) -> [HeraldingRound] {
        let speed = PlanningDefaults.fiberLightSpeed.value
        return links.indices.map { i in
            let spacing = pulseSpacing(links[i])
            return HeraldingRound.best(attemptSuccess: attempts[i], communicationSeconds: max(0, lengths[i]) / speed, modes: modes,
                                       pulseSpacing: spacing.seconds, spacingLimit: spacing.limit)
        }
    }

    /// 1/f_rep, or the dead time where it is longer, and which of the two it is.
    private static func pulseSpacing(_ link: ElementaryLink) -> (seconds: Double, limit: HeraldingRound.Limit) {
        let period = link.repetitionRate.value > 0 ? 1 / link.repetitionRate.value : .infinity
        let dead = link.deadTime.value.isFinite ? max(0, link.deadTime.value) : 0
        return dead > period ? (dead, .deadTime) : (period, .source)
    }

    /// The `round` assumption: each link's round with what sets it, beside the limit that does not.
    static func assumption(_ links: [ElementaryLink], rounds: [HeraldingRound], lengths: [Double], modes: Int) -> Assumption {
        let speed = PlanningDefaults.fiberLightSpeed
        var groups = LinkGroups()
        for (i, link) in links.enumerated() {
            let round = rounds[i], spacing = pulseSpacing(link)
            let communication = "the \(Format.duration(max(0, lengths[i]) / speed.value)) communication time over \(Format.km(lengths[i]))"
            let rate = Format.frequency(link.repetitionRate.value)
            let pulses = round.modes == 1 ? "1 pulse at \(rate)" : "\(round.modes) pulses at \(rate)"
            let emission = spacing.limit == .deadTime
                ? "\(pulses), one per \(Format.duration(link.deadTime.value)) dead time of the station's detectors"
                : "the source's \(pulses)"
            let fewer = round.modes < modes
                ? "; \(round.modes) of the memories' \(modes) modes, as more would lengthen the round more than they raise its success" : ""
            let emitted = Format.duration(Double(round.modes) * spacing.seconds)
            let text = round.limit == .communication
                ? "\(Format.duration(round.seconds)), \(communication), longer than \(emission) (\(emitted))\(fewer)"
                : "\(Format.duration(round.seconds)), \(emission), longer than \(communication)\(fewer)"
            groups.add(text, basis: "\(link.repetitionRate.basis); dead time \(link.deadTime.basis)")
        }
        return Assumption(name: "round", value: groups.value, basis: (groups.bases + [
            "c = \(Format.number(speed.value, digits: 3)) m/s, \(speed.basis)",
            "round = max(L0/c, M' x max(1/f_rep, dead time)), M' <= M the modes that give the shortest mean time per pair; "
                + "Collins, Jenkins, Kuzmich, Kennedy, PRL 98, 060502 (2007); Simon et al., PRL 98, 190503 (2007)",
        ]).joined(separator: "; "))
    }
}
