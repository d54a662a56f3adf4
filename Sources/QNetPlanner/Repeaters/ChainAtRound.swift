import QNetPhysics

/// A chain whose links' attempts, pairs and mode spacings are fixed, evaluated at one round length shared by its
/// links (`HeraldingRound`: each link tries min(M, ⌊R/Δ⌋) modes; Collins, Jenkins, Kuzmich, Kennedy, PRL 98, 060502
/// (2007); Simon et al., PRL 98, 190503 (2007)), and the round of the shortest mean time per pair.
struct ChainAtRound {
    let model: RepeaterChainModel
    /// Heralding probability of one attempt (one mode), per link.
    let attempts: [Double]
    /// Heralded elementary pairs.
    let pairs: [BellDiagonalState]
    /// Spacing of each link's modes, s.
    let spacings: [HeraldingRound.Spacing]
    /// Communication time L0/c of each link, s.
    let communicationSeconds: [Double]
    /// The chain's nodes as the nested model reads them.
    let nodes: [NestedRepeaterChain.Node]
    /// α of the auto single-click links (nil: none).
    let alpha: Double?

    /// The chain with every link in a round of `round.seconds` (set by `round.limit`): its mean time per pair from
    /// the exact waiting time where it applies, else the nested model's (`RepeaterChainModel`).
    func evaluate(_ round: (seconds: Double, limit: HeraldingRound.Limit)) -> ChainEvaluation {
        let rounds = attempts.indices.map { i in
            HeraldingRound.within(round.seconds, limit: round.limit, attemptSuccess: attempts[i], modes: model.modes,
                                  pulseSpacing: spacings[i].seconds)
        }
        let perRound = rounds.map(\.success)
        let chainLinks = attempts.indices.map { i in
            NestedRepeaterChain.Link(attemptSuccess: attempts[i], modes: rounds[i].modes, pair: pairs[i])
        }
        let delivery = NestedRepeaterChain.deliver(links: chainLinks, nodes: nodes, roundSeconds: round.seconds,
                                                   purificationRounds: model.purificationRounds)
        var meanSeconds = delivery.meanSeconds
        var note: Assumption?
        if model.exactWaiting {
            let (expected, waitingNote) = RepeaterChainModel.expectedRounds(perRound)
            meanSeconds = expected * round.seconds
            note = waitingNote
        }
        return ChainEvaluation(attemptSuccess: attempts, rounds: rounds, spacings: spacings, successPerRound: perRound,
                               pairs: pairs, alpha: alpha, delivery: delivery,
                               meanSeconds: meanSeconds, roundSeconds: round.seconds, waitingNote: note)
    }

    /// Of the lengths worth trying (`HeraldingRound.candidateSeconds`, shortest first), the one with the shortest time
    /// per pair (the first, the shortest, on a tie; a time that is not a number counts as longer than any). The
    /// search stops where a floor under the time per pair of that and every longer round reaches the best time found
    /// (`HeraldingRoundFloor` of the chain's waiting model; the exact one's I, where inclusion–exclusion cannot give
    /// it, summed in steps of R0/4), or after
    /// `most` lengths (`mostLengths` unless told), or once the exact waiting time's series have taken
    /// `RepeaterChainModel.maxSeriesTerms` terms on the steps after R0 (as many as one evaluation may take).
    func shortest(most: Int = Self.mostLengths) -> ChainEvaluation {
        let lengths = HeraldingRound.candidateSeconds(communicationSeconds: communicationSeconds, spacings: spacings,
                                                      modes: model.modes)
        let floor = lengths.floor
        var best = evaluate(floor)
        var search = RoundSearch(longest: lengths.longest, tried: 1, last: floor.seconds, end: .allTried)
        var terms = 0.0
        lazy var bound = HeraldingRoundFloor(attemptSuccesses: attempts, spacings: spacings.map(\.seconds), modes: model.modes,
                                             waiting: model.exactWaiting
                                                ? .exact(step: floor.seconds / 4, mostTerms: RepeaterChainModel.maxSeriesTerms)
                                                : .nested(nodes: nodes))
        for length in lengths.dropFirst() {
            if bound.seconds(from: length.seconds) >= best.meanSeconds {
                search.end = .bounded
                break
            }
            guard search.tried < most, terms < RepeaterChainModel.maxSeriesTerms else {
                search.end = .stopped
                search.mostGain = 1 - bound.seconds(from: length.seconds) / best.meanSeconds
                break
            }
            let evaluation = evaluate(length)
            if model.exactWaiting {
                let needed = RepeaterChainModel.seriesTerms(evaluation.successPerRound)
                terms += needed <= RepeaterChainModel.maxSeriesTerms ? needed : Double(attempts.count)
            }
            if evaluation.meanSeconds < best.meanSeconds || (best.meanSeconds.isNaN && !evaluation.meanSeconds.isNaN) {
                best = evaluation
            }
            (search.tried, search.last) = (search.tried + 1, length.seconds)
        }
        best.roundSearch = search
        return best
    }

    /// Most round lengths one search evaluates (R0 and the steps after it): with M up to 10^6 modes and a spacing per
    /// link, the steps k·Δ_i ≤ M·Δ_i can number millions, each an evaluation of the chain (a choice of this planner,
    /// reported by the `round` assumption when it stops the search, with how much shorter per pair a longer round
    /// could at most be).
    static let mostLengths = 200
}

/// How the search for a chain's round went (`ChainAtRound.shortest`): what it tried and why it stopped.
struct RoundSearch {
    /// Why the search stopped.
    enum End {
        /// Every step up to `longest` was tried.
        case allTried
        /// A floor under the time per pair at the next step and every later one reached the best round's.
        case bounded
        /// `ChainAtRound.mostLengths` lengths were tried, or the exact waiting time's series took
        /// `RepeaterChainModel.maxSeriesTerms` terms on the steps.
        case stopped
    }

    /// The longest step, max_i M·Δ_i, s.
    var longest: Double
    /// Lengths evaluated, R0 among them.
    var tried: Int
    /// The longest length evaluated, s.
    var last: Double
    var end: End
    /// Where the search stopped before the floor reached the best: by how much of the best time per pair the floor
    /// at the next step falls short of it, the most a longer round could gain.
    var mostGain: Double?
}
