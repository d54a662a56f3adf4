import QNetPhysics

/// The one heralding round a chain's links share (`HeraldingRound`: R at least the longest L0/c and every link's mode
/// spacing; each link tries min(M, ⌊R/Δ⌋) modes; Collins, Jenkins, Kuzmich, Kennedy, PRL 98, 060502 (2007); Simon
/// et al., PRL 98, 190503 (2007)): each link's spacing Δ from its source's repetition rate and its heralding station's
/// dead time, and the line that says what sets the round and how many modes each link tries.
enum ChainRounds {
    /// The spacing of `link`'s modes when its station's detectors click with `clickProbability` per mode: the
    /// time per registered window of a detector run at f_rep, 1/(f_rep·g) with g the link planner's dead-time factor
    /// at the true rate f_rep·p_click (`ResolvedDetector.deadTimeFactor`, non-paralysable 1/(1 + r·τ): Δ = 1/f_rep + p_click·τ;
    /// Knoll 2010, Ch. 4, Sec. VII). Named by the larger of its parts, 1/f_rep or what dead time adds.
    static func spacing(_ link: ElementaryLink, clickProbability: Double) -> HeraldingRound.Spacing {
        let rate = link.repetitionRate.value
        guard rate > 0, rate.isFinite else { return (.infinity, .source) }
        let factor = link.stationDetector?.deadTimeFactor(countRate: rate * Sanitise.fraction(clickProbability)) ?? 1
        let seconds = factor > 0 ? 1 / (rate * factor) : .infinity
        return (seconds, seconds - 1 / rate > 1 / rate ? .deadTime : .source)
    }

    /// Probability per mode that one of the station's detectors clicks: the photons that reach the station (each
    /// memory's photon emitted with `emission`, reaching it with `arrival`) shared by its detectors, plus their dark counts
    /// (the station's two detectors behind a beam splitter, Dhara, Englund, Guha, Phys. Rev. Research 5, 033149 (2023), App. C).
    static func clickProbability(arrivals: (Double, Double), emission: Double, darkPerDetector: Double) -> Double {
        let reaching = 1 - (1 - emission * arrivals.0) * (1 - emission * arrivals.1)
        return Sanitise.fraction(reaching / Double(PlanningDefaults.heraldingStationDetectors.value) + darkPerDetector)
    }

    /// Communication time L0/c of a link `length` m long, s.
    static func communicationSeconds(_ length: Double) -> Double {
        max(0, length) / PlanningDefaults.fiberLightSpeed.value
    }

    /// The `round` assumption: the chain's round with what sets it, the modes each link tries in it, and which
    /// lengths the search for it tried (`search`).
    static func assumption(_ links: [ElementaryLink], rounds: [HeraldingRound], spacings: [HeraldingRound.Spacing],
                           lengths: [Double], modes: Int, storesPairs: Bool, search: RoundSearch?) -> Assumption {
        let speed = PlanningDefaults.fiberLightSpeed
        guard let round = rounds.first else { return Assumption(name: "round", value: "no links", basis: speed.basis) }
        let longest = lengths.indices.max { lengths[$0] < lengths[$1] } ?? 0
        let travel = "\(Format.duration(communicationSeconds(lengths[longest]))) communication time over \(Format.km(lengths[longest]))"
        let communication = "the longest link's \(travel)"
        let setter: String
        switch round.limit {
        case _ where !storesPairs:
            setter = "\(round.limit == .deadTime ? "pulses spaced by the detectors' dead time" : "the sources' pulses"): the ends "
                + "measure at once, so no memory waits the \(travel) for the herald"
        case .communication: setter = communication
        case .source, .deadTime:
            setter = "\(round.limit == .deadTime ? "pulses spaced by the detectors' dead time" : "the sources' pulses"), longer than \(communication)"
        }
        var groups = LinkGroups()
        for (i, link) in links.enumerated() {
            let tried = rounds[i], spacing = spacings[i]
            let fewer = tried.modes < modes ? " of the memories' \(modes)" : ""
            var text = "\(tried.modes)\(fewer) mode(s), \(Format.duration(spacing.seconds)) apart (1/f_rep at \(Format.frequency(link.repetitionRate.value))"
            let extra = spacing.seconds - 1 / link.repetitionRate.value
            if extra > 1e-6 * spacing.seconds, let detector = link.stationDetector {
                text += " and \(Format.duration(extra)) of \(Format.duration(detector.deadTime.value)) dead time per mode at the click rate"
            }
            let detector = link.stationDetector.map { "dead time \($0.deadTime.basis); \($0.deadTimeModel.basis)" } ?? "no detector"
            groups.add(text + ")", basis: "\(link.repetitionRate.basis); \(detector)")
        }
        let stopped = search?.end == .stopped ? " (search stopped after \(search?.tried ?? 0) lengths, see basis)" : ""
        return Assumption(name: "round", value: "\(Format.duration(round.seconds)), \(setter)\(stopped), shared by the chain's links: \(groups.value)",
                          basis: (groups.bases + [
            "c = \(Format.number(speed.value, digits: 3)) m/s, \(speed.basis)",
            "one round for the chain (the waiting-time models count every link in it); each link tries min(M, floor(R / spacing)) "
                + "modes, so the time per pair can be lowest only at R0 = max(longest L0/c, every link's spacing) or at a step "
                + "k x spacing (k <= M) where some link gains a mode; R0 and those steps tried in increasing order, the shortest "
                + "time per pair kept: \(searchText(search)); spacing 1/f_rep lengthened by the detectors' dead time at the click rate "
                + "(their dead-time model, Knoll 2010, Ch. 4, Sec. VII); Collins, Jenkins, Kuzmich, Kennedy, PRL 98, 060502 (2007); "
                + "Simon et al., PRL 98, 190503 (2007)",
        ]).joined(separator: "; "))
    }

    /// Which lengths the round's search tried and why it stopped.
    private static func searchText(_ search: RoundSearch?) -> String {
        guard let search else { return "one length given" }
        let last = Format.duration(search.last), longest = Format.duration(search.longest)
        switch search.end {
        case .allTried where search.tried == 1:
            return "R0 alone (no step above it gives a link a mode more)"
        case .allTried:
            return "all \(search.tried), up to \(longest), where every link tries all M modes"
        case .bounded:
            return "\(search.tried), up to \(last); from the next step on a floor under the time per pair reached the best, so no "
                + "longer round is shorter (each link's own k x spacing / (1 - (1 - p)^k) at its k modes; nested model: these "
                + "through its joins, each the later of its halves' floors as geometric waits at the longest round their swaps "
                + "allow, over p_s, and purification at success 1; exact waiting time: E[max of the "
                + "links' exponential waits] + R x rho(a R), rho(x) = 1 - ln((e^x - 1) / x) / x, a the largest -ln(1 - p) / spacing)"
        case .stopped:
            return "the first \(search.tried), up to \(last); the steps from there to \(longest), where every link tries all "
                + "M modes, not tried (this planner evaluates at most \(ChainAtRound.mostLengths) lengths per search, and with the "
                + "exact waiting time stops once its series have taken \(Int(RepeaterChainModel.maxSeriesTerms)) "
                + "terms on the steps, as many as one evaluation may take); none of them is more than "
                + "\(Format.percent(search.mostGain.map { $0.isFinite ? max(0, $0) : 1 } ?? 1)) shorter per pair (a bound, not an "
                + "estimate: the floor at the next step, which for the nested model counts a join's wait for its later half only at the longest round its halves allow, "
                + "none for a join of two links)"
        }
    }
}
