import Foundation
import Testing
import QNetModel
import QNetPhysics
@testable import QNetPlanner

/// The chain's shared round (`HeraldingRound.candidateSeconds`, `ChainAtRound.shortest`) against a brute force: the
/// chain's own mean time per pair (`ChainAtRound.evaluate`, the objective the planner minimises) at R0 = max(longest
/// L0/c, widest spacing) and at every step k·Δ_i of every link above it, up to max_i M·Δ_i where every link tries all
/// M modes (between steps and beyond it a longer round only waits longer). The values are the model's own, derived
/// from its formulas (Collins, Jenkins, Kuzmich, Kennedy, PRL 98, 060502 (2007); Simon et al., PRL 98, 190503 (2007):
/// success 1 − (1 − p)^M′ per round of M′ modes), not printed in a paper.
@Suite struct RoundSearchTests {
    /// One elementary link: `transmittance`, `meters` long, its source pulsing every `spacing` s (no station detector,
    /// so no dead time: the modes are exactly 1/f_rep apart).
    static func link(transmittance: Double, meters: Double, spacing: Double) -> ElementaryLink {
        var link = ElementaryLink(transmittance: transmittance, detectionEfficiency: 1, errorRate: 0.01, length: meters)
        link.repetitionRate = Sourced(1 / spacing, "test")
        return link
    }

    /// A chain of `links` with repeaters of 90 % memories holding `modes` modes, swapping with `swap`, discarding
    /// after `cutoff` s and purifying `purification` times.
    static func model(_ links: [ElementaryLink], modes: Int, swap: Double = 1, cutoff: Double = .infinity,
                      purification: Int = 0) -> RepeaterChainModel {
        let nodes = (0...links.count).map { i in
            let end = i == 0 || i == links.count
            return ChainNode(id: Identifier(end ? "E\(i)" : "R\(i)"), holdsKey: end, memoryEfficiency: Sourced(0.9, "test"),
                             coherenceTime: Sourced(0.1, "test"), modes: Sourced(modes, "test"), swapSuccess: Sourced(swap, "test"),
                             cutoffTime: Sourced(cutoff, "test"), purificationRounds: Sourced(purification, "test"))
        }
        return RepeaterChainModel(links: links, nodes: nodes, modes: modes, purificationRounds: purification)
    }

    /// The brute force: R0 and every step k·Δ_i in (R0, max_i M·Δ_i] of every link, each evaluated by the chain itself;
    /// the round with the shortest mean time per pair, and each link's first step above R0.
    static func bruteForce(_ model: RepeaterChainModel)
        -> (seconds: Double, meanSeconds: Double, firstSteps: [Double], steps: [Double], times: [Double], chain: ChainAtRound) {
        let chain = model.atRound(transmittances: model.links.map(\.transmittance), lengths: model.links.map(\.length), alpha: nil)
        let spacings = chain.spacings.map(\.seconds)
        let floor = max(chain.communicationSeconds.max() ?? 0, spacings.max() ?? 0)
        let top = spacings.map { Double(model.modes) * $0 }.max() ?? floor
        var steps = [floor], firstSteps: [Double] = []
        for spacing in spacings {
            var k = (floor / spacing * (1 + 1e-12)).rounded(.down) + 1
            firstSteps.append(k * spacing)
            while k * spacing <= top * (1 + 1e-12) {
                steps.append(k * spacing)
                k += 1
            }
        }
        let times = steps.map { chain.evaluate(($0, .source)).meanSeconds }
        let best = times.indices.min { times[$0] < times[$1] } ?? 0
        return (steps[best], times[best], firstSteps, steps, times, chain)
    }

    /// The planner's round has the brute force's shortest time per pair, and the floor that lets its search stop
    /// early (`HeraldingRoundFloor` from a length) is below the time per pair of that and every longer length.
    static func expectShortest(_ model: RepeaterChainModel) -> (seconds: Double, firstSteps: [Double], search: RoundSearch?) {
        let brute = bruteForce(model)
        let planned = model.evaluate(transmittances: model.links.map(\.transmittance), lengths: model.links.map(\.length))
        #expect(abs(planned.meanSeconds - brute.meanSeconds) <= 1e-9 * brute.meanSeconds,
                "planned round \(planned.roundSeconds) s: \(planned.meanSeconds) s per pair; best \(brute.seconds) s: \(brute.meanSeconds) s")
        let waiting: HeraldingRoundFloor.Waiting = model.exactWaiting ? .exact(step: brute.steps[0] / 4, mostTerms: 2e6)
            : .nested(nodes: brute.chain.nodes)
        let bound = HeraldingRoundFloor(attemptSuccesses: planned.attemptSuccess, spacings: planned.spacings.map(\.seconds),
                                        modes: model.modes, waiting: waiting)
        let order = brute.steps.indices.sorted { brute.steps[$0] < brute.steps[$1] }
        var laterBest = Double.infinity
        for index in order.reversed() {
            laterBest = min(laterBest, brute.times[index])
            #expect(bound.seconds(from: brute.steps[index]) <= laterBest * (1 + 1e-12), "at \(brute.steps[index]) s")
        }
        return (brute.seconds, brute.firstSteps, planned.roundSearch)
    }

    /// The second reader's kind of chain: 100 m links (R0 = the widest spacing, 1 us), modes 0.7 us and 1 us apart,
    /// p of a few %, 20 modes, exact waiting. Each link's first step above R0 (1.4 us, 2 us) leaves the other link's
    /// modes ill-fitted; a later common step fits both better and gives a shorter time per pair.
    @Test func aLaterCommonStepBeatsEveryFirstStep() {
        let model = Self.model([Self.link(transmittance: 0.12, meters: 100, spacing: 0.7e-6),
                                Self.link(transmittance: 0.17, meters: 100, spacing: 1e-6)], modes: 20)
        #expect(model.exactWaiting)
        let best = Self.expectShortest(model)
        #expect(best.seconds > (best.firstSteps.max() ?? 0) * (1 + 1e-9))
        // The slowest link's floor passes the best round's time per pair before the last step (2 us x 20 modes).
        #expect(best.search?.end == .bounded && (best.search?.last ?? 0) < 20e-6)
    }

    /// Three links of unequal lengths (R0 = the 1.2 km link's 6 us communication time) and spacings, 8 modes, the
    /// nested model with 50 % swaps and a 10 ms cutoff.
    @Test func theNestedModelWithUnequalLinks() {
        let model = Self.model([Self.link(transmittance: 0.3, meters: 1200, spacing: 1e-6),
                                Self.link(transmittance: 0.05, meters: 500, spacing: 1.7e-6),
                                Self.link(transmittance: 0.6, meters: 800, spacing: 0.7e-6)], modes: 8, swap: 0.5, cutoff: 0.01)
        #expect(!model.exactWaiting)
        _ = Self.expectShortest(model)
    }

    /// Four links, exact waiting, spacings 1.5, 1.7, 2.5 and 1.5 us (two links share equipment), 10 modes.
    @Test func fourLinksWithExactWaiting() {
        let model = Self.model([Self.link(transmittance: 0.02, meters: 300, spacing: 1.5e-6),
                                Self.link(transmittance: 0.2, meters: 500, spacing: 1.7e-6),
                                Self.link(transmittance: 0.05, meters: 100, spacing: 2.5e-6),
                                Self.link(transmittance: 0.01, meters: 400, spacing: 1.5e-6)], modes: 10)
        #expect(model.exactWaiting)
        _ = Self.expectShortest(model)
    }

    /// Two links, one DEJMPS round on each pair (nested model), spacings 1 and 1.3 us, 30 modes.
    @Test func purifiedPairs() {
        let model = Self.model([Self.link(transmittance: 0.01, meters: 2000, spacing: 1e-6),
                                Self.link(transmittance: 0.03, meters: 150, spacing: 1.3e-6)], modes: 30, purification: 1)
        _ = Self.expectShortest(model)
    }

    /// 10^6 modes 1 us and 1.1 us apart on 1 km links of p near 10^-4, exact waiting: the steps up to 1.1 s number
    /// millions, but the exact waiting time's floor I + R·ρ(a·R) passes the best time per pair within a few
    /// steps; the brute force over the first 300 lengths (the floor rules out the rest) finds the same round.
    @Test func theExactWaitingFloorEndsASearchOfMillionsOfSteps() {
        let model = Self.model([Self.link(transmittance: 2e-4, meters: 1000, spacing: 1e-6),
                                Self.link(transmittance: 2.5e-4, meters: 1000, spacing: 1.1e-6)], modes: 1_000_000)
        let planned = model.evaluate(transmittances: model.links.map(\.transmittance), lengths: model.links.map(\.length))
        #expect(planned.roundSearch?.end == .bounded && (planned.roundSearch?.tried ?? .max) < 300,
                "\(String(describing: planned.roundSearch))")
        let chain = model.atRound(transmittances: model.links.map(\.transmittance), lengths: model.links.map(\.length), alpha: nil)
        let times = HeraldingRound.candidateSeconds(communicationSeconds: chain.communicationSeconds, spacings: chain.spacings,
                                                    modes: model.modes).prefix(300).map { chain.evaluate($0).meanSeconds }
        let best = times.min() ?? .nan
        #expect(abs(planned.meanSeconds - best) <= 1e-9 * best)
    }

    /// The same links with 50 % swaps and a DEJMPS round on each pair (the nested model, whose floor for a join of two
    /// links is the slower link's mean over the swap: it leaves out the join's wait for the later link, which links
    /// that succeed in every round of a longer round no longer have, so it stays well below the time per pair at these
    /// short rounds):
    /// the search stops after `ChainAtRound.mostLengths` lengths, and the `round` assumption says so, how far it went,
    /// and by how much a longer round could at most be shorter per pair (the floor at the next step: about 67 % here;
    /// 56 % while the model took the two copies of a purification as two independent links: at these rounds of a few
    /// modes, whose heralds seldom come two at a time, two links bring a first copy in about 2q of rounds where the one
    /// link brings it in q, so their time per pair was a quarter shorter).
    /// Rounds sampled up to the longest step, where the links succeed in every round, are none of them shorter per pair.
    @Test func aSearchThatWouldRunToMillionsOfStepsStopsAndSaysSo() {
        let model = Self.model([Self.link(transmittance: 2e-4, meters: 1000, spacing: 1e-6),
                                Self.link(transmittance: 2.5e-4, meters: 1000, spacing: 1.1e-6)], modes: 1_000_000, swap: 0.5,
                               purification: 1)
        let planned = model.evaluate(transmittances: model.links.map(\.transmittance), lengths: model.links.map(\.length))
        #expect(planned.roundSearch?.end == .stopped && planned.roundSearch?.tried == ChainAtRound.mostLengths
                    && (planned.roundSearch?.mostGain ?? 1) > 0 && (planned.roundSearch?.mostGain ?? 1) < 0.7,
                "\(String(describing: planned.roundSearch))")
        let chain = model.atRound(transmittances: model.links.map(\.transmittance), lengths: model.links.map(\.length), alpha: nil)
        let longer = (0..<30).map { 1.1e-5 * pow(1.5, Double($0)) }
        #expect(longer.allSatisfy { chain.evaluate(($0, .source)).meanSeconds >= planned.meanSeconds * (1 - 1e-9) })
        let round = ChainRounds.assumption(model.links, rounds: planned.rounds, spacings: planned.spacings,
                                           lengths: model.links.map(\.length), modes: model.modes, storesPairs: model.storesPairs, search: planned.roundSearch)
        #expect(round.value.contains("(search stopped after 200 lengths, see basis)"))
        #expect(round.basis.contains("R0 and those steps tried in increasing order, the shortest time per pair kept: the first 200, up to "))
        #expect(round.basis.contains("where every link tries all M modes, not tried (this planner evaluates at most 200 lengths per search, "))
        #expect(round.basis.contains("shorter per pair (a bound, not an estimate: the floor at the next step, which for the nested model counts a join's wait for its later half only at the longest round its halves allow, none for a join of two links)"))
    }

    /// Four 200 km links whose modes are 1, 1.0002, 1.0004 and 1.0006 us apart (the dead time's share differs a little
    /// from link to link), p near 10^-6 and 10^6 modes, exact waiting: each length's waiting-time series takes about
    /// 37·4/q ≈ 10^5 terms (q ≈ 10^-3 in the 1 ms round) and the floor, I plus half a round, stays below the best
    /// for thousands of steps (I ≈ 2/q rounds, and a step's waste up to 1/1000 of it). The search stops once its series
    /// have taken the 2e6 terms one evaluation may take, and says so.
    @Test func theExactWaitingTimesSeriesBoundsTheSearch() {
        let links = [1e-6, 1.0002e-6, 1.0004e-6, 1.0006e-6].map { Self.link(transmittance: 2e-6, meters: 200_000, spacing: $0) }
        let model = Self.model(links, modes: 1_000_000)
        let planned = model.evaluate(transmittances: model.links.map(\.transmittance), lengths: model.links.map(\.length))
        let search = planned.roundSearch
        #expect(search?.end == .stopped && (search?.tried ?? .max) < 100 && (search?.tried ?? 0) > 2, "\(String(describing: search))")
        let round = ChainRounds.assumption(model.links, rounds: planned.rounds, spacings: planned.spacings,
                                           lengths: model.links.map(\.length), modes: model.modes, storesPairs: model.storesPairs,
                                           search: search)
        #expect(round.value.contains("(search stopped after \(search?.tried ?? 0) lengths, see basis)"))
        #expect(round.basis.contains("and with the exact waiting time stops once its series have taken 2000000 terms on the steps"))
    }
}
