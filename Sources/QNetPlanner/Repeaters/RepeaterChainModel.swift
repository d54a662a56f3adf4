import Foundation
import QNetModel
import QNetPhysics

/// The chain's figures for one set of link transmittances and lengths.
struct ChainEvaluation {
    /// Heralding probability of one attempt (one mode), per link.
    var attemptSuccess: [Double]
    /// Each link's share of the chain's one heralding round: its modes, the round's length and what sets it.
    var rounds: [HeraldingRound]
    /// Spacing of each link's modes, s, and whether the source or the dead time sets most of it.
    var spacings: [HeraldingRound.Spacing]
    /// Success per round of its modes, per link.
    var successPerRound: [Double]
    /// Heralded elementary pairs.
    var pairs: [BellDiagonalState]
    /// α of the auto single-click links (nil: none).
    var alpha: Double?
    /// The delivered pair (state, longest wait, cutoff survival).
    var delivery: NestedRepeaterChain.Delivery
    /// Mean time per delivered pair, s.
    var meanSeconds: Double
    /// The chain's round, shared by its links (`HeraldingRound.candidateSeconds`), s.
    var roundSeconds: Double
    /// A note when the waiting time had to be bounded.
    var waitingNote: Assumption?
    /// How the round was chosen (nil: evaluated at one given round).
    var roundSearch: RoundSearch?

    var bbm92Fraction: Double { EntanglementKeyFraction.bbm92(delivery.state) }
    var sixStateFraction: Double { EntanglementKeyFraction.sixState(delivery.state) }
    /// BBM92 key rate, bit/s.
    var keyRate: Double { rate(bbm92Fraction) }
    /// Six-state key rate, bit/s.
    var sixStateKeyRate: Double { rate(sixStateFraction) }

    private func rate(_ fraction: Double) -> Double {
        meanSeconds.isFinite && meanSeconds > 0 ? Sanitise.rate(fraction / meanSeconds) : 0
    }
}

/// Maps a chain's links and nodes onto `EntanglementHeralding` and `NestedRepeaterChain`.
///
/// Heralding from the midpoint of each link: a photon from a memory reaches
/// the station with η_mem·√η_link·η_d (η_mem = 1 and no decoherence at a
/// key-holding end, which measures at once), and the station's detectors
/// click in the dark with `HeraldingStationNoise`'s p_d. The links share one round: at least the longest link's
/// communication time L/c (not for a single link between key holders, where no memory waits for the herald) and every
/// link's mode spacing, lengthened to fit more modes where that shortens the time
/// per pair, each link trying the modes that fit in it (`ChainRounds`). With deterministic swaps, no
/// cutoff and no purification, the mean time is the exact expected maximum
/// of the links' geometric waits (`RepeaterWaiting`); otherwise the nested
/// model's (Sangouard et al. 2011, generalised in `NestedRepeaterChain`).
struct RepeaterChainModel {
    let links: [ElementaryLink]
    let nodes: [ChainNode]
    /// Modes tried per round.
    let modes: Int
    /// DEJMPS rounds on each elementary pair.
    let purificationRounds: Int

    /// Whether some node stores a pair while the heralds travel (a repeater). A single link between two key holders
    /// measures at once, so its attempts repeat at its pulses' spacing, whatever its communication time.
    var storesPairs: Bool { nodes.contains { !$0.holdsKey } }

    /// Whether the exact waiting time applies (deterministic swaps, no cutoff, no purification).
    var exactWaiting: Bool {
        purificationRounds == 0 && nodes.dropFirst().dropLast().allSatisfy { $0.swapSuccess.value >= 1 && !$0.cutoffTime.value.isFinite }
    }

    /// Round lengths each evaluation of the α scan tries (R0 and the first steps after it): α is chosen on those,
    /// then evaluated with the full search of `ChainAtRound.shortest` (second reader: a full search at each of the
    /// scan's ~30 points made a multiplexed single-click chain plan 25 times slower).
    static let alphaScanLengths = 10

    /// Whether some single-click link leaves α to the planner.
    var optimisesAlpha: Bool {
        links.contains { $0.heralding.value == .singleClick && $0.brightStatePopulation.value == .auto }
    }

    /// The chain at the given transmittances and lengths, α optimised for the key rate where it is `auto`.
    func evaluate(transmittances: [Double], lengths: [Double]) -> ChainEvaluation {
        guard optimisesAlpha else { return evaluate(transmittances: transmittances, lengths: lengths, alpha: nil) }
        // The key is 0 both where α is too small (pairs wait and decohere) and too large (swaps pile up
        // errors): scan log10 α on a grid over [1e-5, 0.5], then refine by golden section around the best point.
        func rate(_ exponent: Double) -> Double {
            atRound(transmittances: transmittances, lengths: lengths, alpha: pow(10, exponent))
                .shortest(most: Self.alphaScanLengths).keyRate
        }
        let (lower, upper) = (-5.0, log10(0.5))
        let step = (upper - lower) / Double(Self.alphaGridPoints - 1)
        let grid = (0..<Self.alphaGridPoints).map { lower + Double($0) * step }
        let rates = grid.map(rate)
        let bestIndex = rates.indices.max { rates[$0] < rates[$1] } ?? 0
        let best = Optimise.goldenSectionMaximum(lower: max(lower, grid[bestIndex] - step), upper: min(upper, grid[bestIndex] + step),
                                                 tolerance: 0.005, rate)
        let exponent = best.value >= rates[bestIndex] ? best.x : grid[bestIndex]
        return evaluate(transmittances: transmittances, lengths: lengths, alpha: pow(10, exponent))
    }

    private func evaluate(transmittances: [Double], lengths: [Double], alpha: Double?) -> ChainEvaluation {
        atRound(transmittances: transmittances, lengths: lengths, alpha: alpha).shortest()
    }

    /// The chain's links at these transmittances and lengths (α where it is `auto`; nil: none), to be evaluated at a
    /// round length.
    func atRound(transmittances: [Double], lengths: [Double], alpha: Double?) -> ChainAtRound {
        var attempts: [Double] = []
        var pairs: [BellDiagonalState] = []
        var spacings: [HeraldingRound.Spacing] = []
        for (i, link) in links.enumerated() {
            let detection = Sanitise.fraction(link.detectionEfficiency)
            let half = Sanitise.fraction(transmittances[i]).squareRoot()
            let arrivalA = memory(nodes[i]) * half * detection
            let arrivalB = memory(nodes[i + 1]) * half * detection
            let dark = HeraldingStationNoise.perDetector(link)
            let pair: HeraldedPair, emission: Double
            switch link.heralding.value {
            case .twoClick:
                pair = EntanglementHeralding.twoClick(arrivalA: arrivalA, arrivalB: arrivalB, opticalError: link.errorRate,
                                                      darkCountProbability: dark)
                emission = 1
            case .singleClick:
                let population = link.brightStatePopulation.value.fixedValue ?? alpha ?? 0
                pair = EntanglementHeralding.singleClick(arrivalA: arrivalA, arrivalB: arrivalB, brightStatePopulation: population,
                                                         opticalError: link.errorRate, darkCountProbability: dark)
                emission = Sanitise.fraction(population)
            }
            attempts.append(Sanitise.fraction(pair.successProbability))
            pairs.append(pair.state)
            let clicks = ChainRounds.clickProbability(arrivals: (arrivalA, arrivalB), emission: emission, darkPerDetector: dark)
            spacings.append(ChainRounds.spacing(link, clickProbability: clicks))
        }
        let chainNodes = nodes.map { node in
            NestedRepeaterChain.Node(swapSuccess: Sanitise.fraction(node.swapSuccess.value),
                                     coherenceSeconds: node.holdsKey ? .infinity : node.coherenceTime.value,
                                     cutoffSeconds: node.holdsKey ? .infinity : node.cutoffTime.value)
        }
        return ChainAtRound(model: self, attempts: attempts, pairs: pairs, spacings: spacings,
                            communicationSeconds: lengths.map { storesPairs ? ChainRounds.communicationSeconds($0) : 0 },
                            nodes: chainNodes,
                            alpha: optimisesAlpha ? alpha : nil)
    }

    /// Write-read efficiency of a node's memory (1 at a key-holding end, which measures directly).
    private func memory(_ node: ChainNode) -> Double {
        node.holdsKey ? 1 : Sanitise.fraction(node.memoryEfficiency.value)
    }

    /// Points of the coarse scan of log10 α before the golden-section refinement.
    static let alphaGridPoints = 24

    /// Most terms the unequal-probability waiting-time series may take (it needs about 37·N/p_min).
    static let maxSeriesTerms = 2e6

    /// `RepeaterWaiting.expectedRounds`, guarded against links so lossy that its exact series would run
    /// for minutes: then every link is given the slowest link's p (an upper bound, exact and O(N) for
    /// N ≤ 16), or, for longer chains, no finite answer (nan: the caller reports no key).
    static func expectedRounds(_ success: [Double]) -> (Double, Assumption?) {
        guard let smallest = success.min(), smallest > 0 else { return (.infinity, nil) }
        if seriesTerms(success) <= maxSeriesTerms {
            return (RepeaterWaiting.expectedRounds(successProbabilities: success), nil)
        }
        guard success.count <= 16 else { return (.nan, nil) }
        let bound = RepeaterWaiting.expectedRounds(successProbabilities: success.map { _ in smallest })
        return (bound, Assumption(name: "waiting time bound", value: "every link at the slowest link's p = \(Format.number(smallest, digits: 3))",
                                  basis: "upper bound: the exact series for unequal p would take about 37 N / p_min terms"))
    }

    /// Terms `RepeaterWaiting.expectedRounds` takes for these successes: N for equal p and N ≤ 16 (its closed form),
    /// else about 37·N/p_min (its series).
    static func seriesTerms(_ success: [Double]) -> Double {
        guard let smallest = success.min(), smallest > 0 else { return 0 }
        let count = Double(success.count)
        return success.allSatisfy({ $0 == smallest }) && success.count <= 16 ? count : 37 * count / smallest
    }
}
