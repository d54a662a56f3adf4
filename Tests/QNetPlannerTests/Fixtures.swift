import Foundation
import QNetModel
@testable import QNetPlanner

/// Small topologies built in Swift for the planner tests.
enum Fixtures {
    /// A node of `kind` (trusted nodes and endpoints get the shared source and detector).
    static func node(_ id: String, _ kind: NodeKind = .endpoint) -> Node {
        var node = Node(id: Identifier(id), kind: kind)
        if kind == .endpoint || kind == .trusted || kind == .satellite {
            node.source = "wcp"
            node.detector = "snspd"
        }
        if kind == .relay { node.detector = "snspd" }
        return node
    }

    /// A fiber link of `km` kilometres.
    static func fiber(_ id: String, _ from: String, _ to: String, km: Double, protocol kind: ProtocolKind? = nil) -> Link {
        var link = Link(id: Identifier(id), from: Identifier(from), to: Identifier(to), medium: .fiber,
                        length: Quantity(km, .kilometre))
        link.protocolKind = kind
        return link
    }

    /// A topology with one shared source `wcp` and detector `snspd`.
    static func topology(nodes: [Node], links: [Link], demands: [Demand] = []) -> Topology {
        var topology = Topology(name: "test", nodes: nodes, links: links, demands: demands)
        var source = PhotonSource(name: "wcp")
        source.kind = .weakCoherent
        source.repetitionRate = Quantity(1, .gigahertz)
        var detector = Detector(name: "snspd")
        detector.efficiency = Quantity(85, .percent)
        detector.darkCountRate = Quantity(100, .hertz)
        topology.equipment = Equipment(sources: [source], detectors: [detector])
        return topology
    }

    /// A demand for `kbps` kbit/s.
    static func demand(_ from: String, _ to: String, kbps: Double = 1, maxTrusted: Int? = nil) -> Demand {
        var demand = Demand(from: Identifier(from), to: Identifier(to), keyRate: Quantity(kbps, .kilobitPerSecond))
        demand.maxTrustedNodes = maxTrusted
        return demand
    }

    /// A key graph over named nodes (all trusted unless listed in `endpoints`) with the given capacities.
    static func keyGraph(_ edges: [(String, String, Double)], endpoints: Set<String> = []) -> (KeyGraph, [String: Int]) {
        var names: [String] = []
        for (a, b, _) in edges { for n in [a, b] where !names.contains(n) { names.append(n) } }
        let index = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
        let graph = KeyGraph(keyNodes: names.enumerated().map { ($0, !endpoints.contains($1)) }, topologyNodeCount: names.count,
                             edges: edges.enumerated().map { (index[$1.0]!, index[$1.1]!, $1.2, $0) })
        return (graph, index)
    }

    /// Whether any number in the plan is NaN or infinite.
    static func nonFiniteFields(_ plan: Plan) -> [String] {
        var bad: [String] = []
        func check(_ value: Double?, _ name: String) { if let value, !value.isFinite { bad.append(name) } }
        for link in plan.links {
            let id = link.id.rawValue
            check(link.lossDB, "\(id).lossDB"); check(link.transmittance, "\(id).transmittance")
            check(link.keyRateBps, "\(id).keyRateBps"); check(link.keyPerPulse, "\(id).keyPerPulse")
            check(link.signalIntensity, "\(id).signalIntensity"); check(link.plobBoundBps, "\(id).plob")
            check(link.marginDB, "\(id).marginDB"); check(link.repetitionRateHz, "\(id).rep")
            for line in link.lossBudget { check(line.db, "\(id).\(line.item)") }
            if let d = link.detector {
                for (v, n) in [(d.detectorEfficiency, "eff"), (d.windowSeconds, "window"), (d.totalJitterFWHM, "fwhm"),
                               (d.windowFraction, "wf"), (d.interSymbolFraction, "isi"), (d.darkProbabilityPerWindow, "dark"),
                               (d.backgroundProbabilityPerWindow, "bg"), (d.afterpulseProbabilityPerWindow, "ap"),
                               (d.countRateHz, "count"), (d.deadTimeFactor, "dead"), (d.effectiveEfficiency, "effEff"),
                               (d.maxRepetitionRateHz, "maxRep")] { check(v, "\(id).detector.\(n)") }
                for term in d.jitterTerms { check(term.fwhm, "\(id).jitter.\(term.name)") }
            }
            if let q = link.qber {
                for (v, n) in [(q.misalignment, "mis"), (q.darkAndBackground, "db"), (q.afterpulsing, "ap"), (q.timing, "timing")] {
                    check(v, "\(id).qber.\(n)")
                }
            }
            if let p = link.pass {
                for (v, n) in [(p.durationSeconds, "duration"), (p.keyPerPassBits, "perPass"), (p.keyPerDayBits, "perDay"),
                               (p.passAverageBps, "passAverage"), (p.dailyAverageBps, "daily")] { check(v, "\(id).pass.\(n)") }
                for s in p.profile {
                    for v in [s.timeSeconds, s.elevation, s.slantRange, s.lossDB, s.keyRateBps] { check(v, "\(id).pass.sample") }
                    check(s.qber, "\(id).pass.sample.qber")
                }
            }
        }
        for segment in plan.segments {
            check(segment.keyRateBps, "\(segment.id).rate"); check(segment.plobBoundBps, "\(segment.id).plob")
            check(segment.fidelity, "\(segment.id).fidelity"); check(segment.marginDB, "\(segment.id).margin")
            if let r = segment.repeater {
                for (v, n) in [(r.meanRounds, "rounds"), (r.roundSeconds, "round"), (r.meanTimeSeconds, "time"),
                               (r.storageSeconds, "storage"), (r.secretFraction, "r"), (r.swapSuccess, "ps")] {
                    check(v, "\(segment.id).\(n)")
                }
                for p in r.attemptSuccess + r.elementaryFidelity { check(p, "\(segment.id).p") }
            }
        }
        for demand in plan.demands {
            check(demand.bestPathBps, "\(demand.id).best"); check(demand.maxFlowBps, "\(demand.id).flow")
            check(demand.requiredBps, "\(demand.id).required")
        }
        return bad
    }
}
