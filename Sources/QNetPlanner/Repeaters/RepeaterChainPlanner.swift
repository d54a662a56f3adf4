import Foundation
import QNetModel
import QNetPhysics

/// The rate and fidelity of an entanglement segment: elementary links heralded
/// from their midpoints (two-click or single-click), optionally purified,
/// swapped at repeaters with multiplexed memories and a cutoff, measured
/// BBM92-style at the ends; with a rate-against-distance table.
///
/// Model: `RepeaterChainModel` (heralding of Barrett, Kok 2005 and Cabrillo
/// et al. 1999, with the dark counts of Dhara, Englund, Guha 2023; nested swapping of Sangouard, Simon, de Riedmatten, Gisin,
/// RMP 83, 33 (2011); DEJMPS of Deutsch et al. 1996); key of the delivered
/// Bell-diagonal pair by Shor, Preskill 2000 (BBM92) and Lo 2001 (six-state).
enum RepeaterChainPlanner {
    /// The chain's plan, or why it gives no key; `repetitionRate` scales the PLOB bound, `hops` plans the links as a
    /// trusted-node chain.
    static func plan(links: [ElementaryLink], nodes: [ChainNode], hops: TrustedHops, repetitionRate: Double)
        -> (rate: Double, fidelity: Double, plan: RepeaterChainPlan, reason: String?) {
        let inner = nodes.dropFirst().dropLast()
        let swap = inner.min { $0.swapSuccess.value < $1.swapSuccess.value }?.swapSuccess ?? Sourced(1, "no swaps (one link)")
        let modes = inner.min { $0.modes.value < $1.modes.value }?.modes ?? Sourced(1, "no repeater memories (one link)")
        let cutoff = inner.min { $0.cutoffTime.value < $1.cutoffTime.value }?.cutoffTime
        let purification = inner.max { $0.purificationRounds.value < $1.purificationRounds.value }?.purificationRounds
        let model = RepeaterChainModel(links: links, nodes: nodes, modes: max(1, modes.value),
                                       purificationRounds: max(0, purification?.value ?? 0))
        let evaluation = model.evaluate(transmittances: links.map(\.transmittance), lengths: links.map(\.length))
        let state = evaluation.delivery.state
        let fidelity = Sanitise.fraction(state.fidelity)
        let rate = evaluation.keyRate

        var assumptions = heraldingAssumptions(links, evaluation: evaluation) + [
            StationDetection.assumption(links),
            HeraldingStationNoise.assumption(links),
            ElementaryFidelity.assumption(links, pairs: evaluation.pairs),
            perRepeater(Assumption(name: "swap success", value: Format.percent(Sanitise.fraction(swap.value)),
                                   basis: "\(swap.basis); lowest of the chain's repeaters"), inner) {
                (Format.percent(Sanitise.fraction($0.swapSuccess.value)), $0.swapSuccess.basis)
            },
            Assumption(name: "modes", value: "\(model.modes) in the memories; success 1 - (1 - p)^M' for the M' <= \(model.modes) modes a link tries per round (see round)",
                       basis: "\(modes.basis); fewest among the chain's repeaters; Collins, Jenkins, Kuzmich, Kennedy, PRL 98, 060502 (2007)"),
            Assumption(name: "waiting time", value: model.exactWaiting
                ? "exact E[max of N geometric] rounds (deterministic swaps, no cutoff)"
                : "nested swapping in whole rounds, geometric halves, 1/p_s per swap, cutoff and purification restarts",
                       basis: model.exactWaiting ? "links generated in parallel and swapped when all are ready: the mean waiting time is the expected maximum of N geometric variables, sum over k of (-1)^(k+1) C(N,k) / (1 - (1-p)^k) (Shchukin, Schmidt, van Loock, arXiv:1710.06214; Brand, Coopmans, Elkouss, IEEE JSAC 38, 619 (2020))" : "Sangouard, Simon, de Riedmatten, Gisin, RMP 83, 33 (2011), generalised to whole rounds: "
                           + "each half's wait taken as geometric with its mean, exact for one join of two links without purification, and their (3/2) per "
                           + "level where links rarely succeed in a round; deeper, a joined span's wait is not geometric and the time "
                           + "per pair is overstated, by 0-10 % against a simulation of the protocol (chains of up to 8 links, success "
                           + "per round 0.3-1, 50 % swaps, cutoffs of 1-3 rounds); a cutoff of t lets a ready pair wait "
                           + "floor(t/R) whole rounds for the other half (under one round: only pairs of the same round are swapped)"),
            ChainRounds.assumption(links, rounds: evaluation.rounds, spacings: evaluation.spacings, lengths: links.map(\.length),
                                   modes: model.modes, storesPairs: model.storesPairs, search: evaluation.roundSearch),
            perRepeater(Assumption(name: "cutoff", value: cutoff.map { cutoffText($0, round: evaluation.roundSeconds) } ?? "none",
                                   basis: cutoff?.basis ?? PlanningDefaults.cutoffTime.basis), inner) {
                (cutoffText($0.cutoffTime, round: evaluation.roundSeconds), $0.cutoffTime.basis)
            },
            perRepeater(Assumption(name: "purification", value: model.purificationRounds > 0 ? "DEJMPS, \(model.purificationRounds) round(s) on each elementary pair" : "none",
                                   basis: purification.map { "\($0.basis); Deutsch et al., PRL 77, 2818 (1996); the first round takes both copies from the link's modes: both come in a round with at least two heralds, else one is stored (its memory decaying, the cutoff applying) until a later round brings a pair, extra pairs dropped, a failure restarting from nothing (Collins, Jenkins, Kuzmich, Kennedy, PRL 98, 060502 (2007)); each later round takes two pairs of the round before as made independently" } ?? "no repeater names purification"),
                        inner, chosen: "(the most named)", rule: "the chain purifies every pair with the most rounds any repeater names") {
                ("\($0.purificationRounds.value) round(s)", $0.purificationRounds.basis)
            },
            Assumption(name: "memories", value: "depolarising, a waiting pair keeps the mean of e^(-t/T) over its wait",
                       basis: "Sangouard et al. 2011; T the shorter coherence time of the pair's two memories; ends measure at once"),
        ] + ChainMemories.assumptions(nodes) + [
            Assumption(name: "key", value: "BBM92 1 - h(e_Z) - h(e_X) per pair (asymptotic: ideal error correction, f = 1, "
                           + "and every pair kept, as with biased bases); six-state 1 - H(Bell weights) shown beside it",
                       basis: "Shor, Preskill, PRL 85, 441 (2000); Lo, Quantum Inf. Comput. 1, 81 (2001); the links' "
                           + "ec_efficiency and sifting apply to the trusted-node chain they are compared with, not to this key"),
        ]
        if let note = evaluation.waitingNote { assumptions.append(note) }
        let sweep = RepeaterChainSweep.sweep(model, planned: evaluation, hops: hops, repetitionRate: repetitionRate) ?? []
        if sweep.isEmpty {
            assumptions.append(Assumption(name: "distance table", value: "not made", basis: "a link of the chain is not fiber"))
        } else {
            assumptions += RepeaterChainSweep.assumptions(hops)
        }

        var plan = RepeaterChainPlan(
            attemptSuccess: evaluation.attemptSuccess, elementaryFidelity: evaluation.pairs.map { Sanitise.fraction($0.fidelity) },
            swapSuccess: Sanitise.fraction(swap.value),
            meanRounds: Sanitise.finite(evaluation.roundSeconds > 0 ? evaluation.meanSeconds / evaluation.roundSeconds : 0),
            roundSeconds: Sanitise.finite(evaluation.roundSeconds), meanTimeSeconds: Sanitise.finite(evaluation.meanSeconds),
            storageSeconds: Sanitise.finite(evaluation.delivery.longestWaitSeconds),
            secretFraction: Sanitise.fraction(evaluation.bbm92Fraction), assumptions: assumptions)
        plan.heralding = links.map(\.heralding.value.rawValue)
        plan.brightStatePopulation = links.contains { $0.heralding.value == .singleClick }
            ? evaluation.alpha ?? links.lazy.compactMap { $0.brightStatePopulation.value.fixedValue }.first : nil
        plan.successPerRound = evaluation.successPerRound
        plan.modes = model.modes
        plan.modesPerRound = evaluation.rounds.map(\.modes)
        plan.cutoffSeconds = cutoff.flatMap { $0.value.isFinite ? $0.value : nil }
        if let lowest = plan.cutoffSeconds, inner.contains(where: { $0.cutoffTime.value != lowest }) {
            plan.lowestCutoffRepeaters = inner.filter { $0.cutoffTime.value == lowest }.map(\.id.rawValue)
        }
        plan.cutoffSurvival = Sanitise.fraction(evaluation.delivery.cutoffSurvival)
        plan.purificationRounds = model.purificationRounds
        plan.bitErrorRate = Sanitise.fraction(state.bitErrorRate)
        plan.phaseErrorRate = Sanitise.fraction(state.phaseErrorRate)
        plan.sixStateFraction = Sanitise.fraction(evaluation.sixStateFraction)
        plan.sixStateKeyRateBps = evaluation.sixStateKeyRate
        plan.sweep = sweep
        plan.beatsPLOBAtMeters = RepeaterChainSweep.beats(sweep) { $0.plobBoundBps }
        plan.beatsTrustedChainAtMeters = RepeaterChainSweep.beats(sweep) { $0.trustedChainBps }
        plan.trustedChainSources = hops.sources
        return (rate, fidelity, plan, noKeyReason(evaluation, nodes: nodes, rate: rate))
    }

    /// `line`, the chain's figure (its lowest unless `chosen` says otherwise), followed by each repeater's when they
    /// differ, with `rule`, how the chain uses them (each repeater swaps and discards with its own, `NestedRepeaterChain`).
    private static func perRepeater(_ line: Assumption, _ repeaters: ArraySlice<ChainNode>, chosen: String = "lowest",
                                    rule: String = "each repeater uses its own",
                                    _ figure: (ChainNode) -> (value: String, basis: String)) -> Assumption {
        let groups = NodeGroups(Array(repeaters), figure)
        guard groups.distinctValues > 1 else { return line }
        return Assumption(name: line.name, value: "\(line.value) \(chosen); \(groups.value)",
                          basis: (groups.bases + [rule]).joined(separator: "; "))
    }

    /// A cutoff as the assumptions show it, with the whole rounds a ready pair may wait for the other half under it
    /// (`20 ms (160 rounds)`, `1 us (under 1 round)`, `none`).
    private static func cutoffText(_ cutoff: Sourced<Double>, round: Double) -> String {
        guard cutoff.value.isFinite else { return "none" }
        let rounds = NestedRepeaterChain.cutoffRounds(cutoff.value, roundSeconds: round)
        guard rounds.isFinite else { return Format.duration(cutoff.value) }
        return "\(Format.duration(cutoff.value)) (\(rounds == 0 ? "under 1 round" : "\(Format.number(rounds)) rounds"))"
    }

    /// Why the chain gives no key, or nil when it does.
    private static func noKeyReason(_ evaluation: ChainEvaluation, nodes: [ChainNode], rate: Double) -> String? {
        let state = evaluation.delivery.state
        if let dark = nodes.first(where: { !$0.holdsKey && $0.memoryEfficiency.value <= 0 }) {
            return "the memory at \(dark.id) releases no photon (efficiency 0 %, \(dark.memoryEfficiency.basis)): its links "
                + "are heralded by dark counts only"
        }
        if evaluation.meanSeconds.isNaN {
            return "attempt success \(Format.number(evaluation.successPerRound.min() ?? 0, digits: 3)) is too small to model: the chain delivers practically no pairs"
        }
        if evaluation.successPerRound.contains(0) { return "an elementary link never succeeds (attempt success 0)" }
        if evaluation.delivery.cutoffSurvival <= 0 { return "the cutoff discards every pair before its partner is made" }
        if evaluation.bbm92Fraction <= 0 {
            return "fidelity \(Format.number(state.fidelity, digits: 3)) gives QBER \(Format.percent(state.bitErrorRate)) (Z), \(Format.percent(state.phaseErrorRate)) (X): BBM92 secret fraction 1 - h(e_Z) - h(e_X) is 0"
        }
        if rate <= 0 { return "no pair is delivered in finite time" }
        return nil
    }

    /// How the links are heralded, with the α the single-click ones use.
    private static func heraldingAssumptions(_ links: [ElementaryLink], evaluation: ChainEvaluation) -> [Assumption] {
        var assumptions: [Assumption] = []
        for kind in [Heralding.twoClick, .singleClick] {
            let using = links.filter { $0.heralding.value == kind }
            guard let first = using.first else { continue }
            let what = kind == .twoClick
                ? "two-click from the midpoint, p = 1/2 eta_A eta_B"
                : "single-click from the midpoint, p = 2 alpha eta, F = 1 - alpha"
            let paper = kind == .twoClick ? "Barrett, Kok, PRA 71, 060310(R) (2005)" : "Cabrillo et al., PRA 59, 1025 (1999)"
            assumptions.append(Assumption(name: "heralding", value: "\(what) (\(using.count) link(s))", basis: "\(first.heralding.basis); \(paper)"))
            if kind == .singleClick {
                let alpha = first.brightStatePopulation.value.fixedValue ?? evaluation.alpha ?? 0
                assumptions.append(Assumption(name: "bright-state population", value: Format.number(alpha, digits: 3),
                                              basis: first.brightStatePopulation.basis))
            }
        }
        return assumptions
    }
}
