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
        let chainLinks = zip(rounds, pairs).map { round, pair in
            NestedRepeaterChain.Link(successPerRound: round.success, roundSeconds: round.seconds, pair: pair)
        }
        let delivery = NestedRepeaterChain.deliver(links: chainLinks, nodes: nodes, purificationRounds: model.purificationRounds)
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

    /// Of the lengths worth trying (`HeraldingRound.candidateSeconds`), the one with the shortest time per pair (the
    /// first, the shortest, on a tie).
    func shortest() -> ChainEvaluation {
        let candidates = HeraldingRound.candidateSeconds(communicationSeconds: communicationSeconds, spacings: spacings,
                                                         modes: model.modes)
        var best = evaluate(candidates[0])
        for candidate in candidates.dropFirst() {
            let evaluation = evaluate(candidate)
            if evaluation.meanSeconds < best.meanSeconds { best = evaluation }
        }
        return best
    }
}
