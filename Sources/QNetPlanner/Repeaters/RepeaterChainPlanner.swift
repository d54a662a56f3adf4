import Foundation
import QNetModel
import QNetPhysics

/// One elementary link of a repeater chain, as the chain planner reads it.
struct ElementaryLink {
    /// Channel transmittance of the link.
    var transmittance: Double
    /// Detection efficiency × window fraction at the heralding station.
    var detectionEfficiency: Double
    /// Optical error e_d of the link.
    var errorRate: Double
    /// Length, m.
    var length: Double
}

/// A repeater node's figures (or a key-holding end's, which measures directly).
struct ChainNode {
    var id: Identifier
    var holdsKey: Bool
    var memoryEfficiency: Sourced<Double>
    var coherenceTime: Sourced<Double>
    var modes: Sourced<Int>
    var swapSuccess: Sourced<Double>
}

/// The rate and fidelity of an entanglement segment: elementary links heralded
/// from their midpoints, swapped at repeaters, measured BBM92-style at the ends.
///
/// Model (Sangouard, Simon, de Riedmatten, Gisin, RMP 83, 33, 2011):
/// - attempt success p0 = ½·η_d²·η_mem,a·η_mem,b·η_link (two-photon heralding
///   from the midpoint; η_mem = 1 at a key-holding end that measures directly);
/// - mean rounds = RepeaterWaiting.expectedRounds(p_i) × (1/p_s)^⌈log2 N⌉, an
///   approximation: each nesting level is redone on a failed swap, waiting
///   time of the redo not modelled beyond that factor;
/// - a round lasts the longest link's L / (2e8 m/s); M multiplexed modes divide the time;
/// - F0 = 1 − 3/2·e_d (Werner), decohered over the mean extra storage time
///   (rounds the slowest link adds beyond each link's own mean 1/p_i), then
///   swapped through the chain (`Werner.swap`);
/// - secret fraction r = 1 − 2h(e), e = 2(1 − F)/3; rate = r / mean time.
enum RepeaterChainPlanner {
    /// The chain's plan, or why it gives no key.
    static func plan(links: [ElementaryLink], nodes: [ChainNode]) -> (rate: Double, fidelity: Double, plan: RepeaterChainPlan, reason: String?) {
        let count = links.count
        var success: [Double] = []
        var fidelity0: [Double] = []
        for (i, link) in links.enumerated() {
            let a = nodes[i], b = nodes[i + 1]
            let memoryA = a.holdsKey ? 1 : Sanitise.fraction(a.memoryEfficiency.value)
            let memoryB = b.holdsKey ? 1 : Sanitise.fraction(b.memoryEfficiency.value)
            let detection = Sanitise.fraction(link.detectionEfficiency)
            success.append(Sanitise.fraction(0.5 * detection * detection * memoryA * memoryB * link.transmittance))
            fidelity0.append(min(1, max(0.25, 1 - 1.5 * link.errorRate)))
        }
        let inner = nodes.dropFirst().dropLast()
        let swap = inner.min { $0.swapSuccess.value < $1.swapSuccess.value }?.swapSuccess
            ?? Sourced(1, "no swaps (one link)")
        let modes = nodes.filter { !$0.holdsKey }.map(\.modes.value).min() ?? 1
        let levels = count > 1 ? Int(ceil(log2(Double(count)))) : 0
        let swapSuccess = Sanitise.fraction(swap.value)
        let (linkRounds, waitingNote) = expectedRounds(success)
        let meanRounds = swapSuccess > 0 ? linkRounds * pow(1 / swapSuccess, Double(levels)) : .infinity
        let speed = PlanningDefaults.fiberLightSpeed.value
        let roundSeconds = max(links.map(\.length).max() ?? 0, 0) / speed
        let meanTime = meanRounds * roundSeconds / Double(max(1, modes))

        // Decoherence: each pair waits, on average, for the slowest link.
        var storage: [Double] = []
        var decohered: [Double] = []
        for (i, f0) in fidelity0.enumerated() {
            let wait = success[i] > 0 && linkRounds.isFinite ? max(0, linkRounds - 1 / success[i]) * roundSeconds : 0
            storage.append(wait)
            let coherence = min(nodes[i].holdsKey ? .infinity : nodes[i].coherenceTime.value,
                                nodes[i + 1].holdsKey ? .infinity : nodes[i + 1].coherenceTime.value)
            decohered.append(coherence.isFinite && coherence > 0
                             ? Werner.decohere(fidelity: f0, storage: wait, coherenceTime: coherence) : f0)
        }
        let fidelity = decohered.dropFirst().reduce(decohered.first ?? 0.25) { Werner.swap($0, $1) }
        let secretFraction = Sanitise.fraction(Werner.bbm92SecretFraction(fidelity: fidelity))
        let rate = meanTime.isFinite && meanTime > 0 ? Sanitise.rate(secretFraction / meanTime) : 0

        var reason: String?
        if linkRounds.isNaN {
            reason = "attempt success \(Format.number(success.min() ?? 0, digits: 3)) is too small to model: the chain delivers practically no pairs"
        } else if !linkRounds.isFinite || success.contains(0) {
            reason = "an elementary link never succeeds (attempt success 0)"
        } else if secretFraction <= 0 {
            let qber = Werner.qber(fidelity: fidelity)
            reason = "fidelity \(Format.number(fidelity, digits: 3)) gives QBER \(Format.percent(qber)): BBM92 secret fraction 1 - 2h(e) is 0"
        } else if rate <= 0 {
            reason = "no pair is delivered in finite time"
        }
        var assumptions = [
            Assumption(name: "heralding", value: "two-photon, from the midpoint of each elementary link",
                       basis: "Sangouard, Simon, de Riedmatten, Gisin, RMP 83, 33 (2011)"),
            Assumption(name: "swap success", value: Format.percent(swapSuccess),
                       basis: "\(swap.basis); lowest of the chain's repeaters"),
            Assumption(name: "waiting time", value: "E[max of N geometric] x (1/p_s)^ceil(log2 N) rounds",
                       basis: "approximation: a failed swap redoes its level; parallel link generation"),
            Assumption(name: "round", value: "longest link / 2e8 m/s", basis: PlanningDefaults.fiberLightSpeed.basis),
            Assumption(name: "modes", value: "\(modes)", basis: "fewest modes among the chain's memories; time divided by M"),
            Assumption(name: "fidelity", value: "Werner states, F0 = 1 - 3/2 e_d, depolarising memories",
                       basis: "Briegel, Dür, Cirac, Zoller 1998; decoherence over the mean extra wait for the slowest link"),
            Assumption(name: "key", value: "BBM92 secret fraction 1 - 2h(e), e = 2(1 - F)/3", basis: "Shor, Preskill 2000"),
        ]
        if let waitingNote { assumptions.append(waitingNote) }
        let plan = RepeaterChainPlan(
            attemptSuccess: success, elementaryFidelity: fidelity0, swapSuccess: swapSuccess,
            meanRounds: Sanitise.finite(meanRounds), roundSeconds: Sanitise.finite(roundSeconds),
            meanTimeSeconds: Sanitise.finite(meanTime), storageSeconds: Sanitise.finite(storage.max() ?? 0),
            secretFraction: secretFraction, assumptions: assumptions)
        return (rate, Sanitise.fraction(fidelity), plan, reason)
    }

    /// Most terms the unequal-probability waiting-time series may take (it needs about 37·N/p_min).
    static let maxSeriesTerms = 2e6

    /// `RepeaterWaiting.expectedRounds`, guarded against links so lossy that its exact series would run
    /// for minutes: then every link is given the slowest link's p (an upper bound, exact and O(N) for
    /// N ≤ 16), or, for longer chains, no finite answer (nan: the caller reports no key).
    private static func expectedRounds(_ success: [Double]) -> (Double, Assumption?) {
        guard let smallest = success.min(), smallest > 0 else { return (.infinity, nil) }
        let equal = success.allSatisfy { $0 == smallest }
        if (equal && success.count <= 16) || 37 * Double(success.count) / smallest <= maxSeriesTerms {
            return (RepeaterWaiting.expectedRounds(successProbabilities: success), nil)
        }
        guard success.count <= 16 else { return (.nan, nil) }
        let bound = RepeaterWaiting.expectedRounds(successProbabilities: success.map { _ in smallest })
        return (bound, Assumption(name: "waiting time bound", value: "every link at the slowest link's p = \(Format.number(smallest, digits: 3))",
                                  basis: "upper bound: the exact series for unequal p would take about 37 N / p_min terms"))
    }
}
