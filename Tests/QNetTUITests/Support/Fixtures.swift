import QNetModel
import QNetPlanner
@testable import QNetTUI

/// A small metro network: A —L1— T —L2— B, a demand A→B, planar positions in km.
enum Fixtures {
    static var metro: Topology {
        var topology = Topology(name: "metro")
        topology.nodes = [
            node("A", .endpoint, x: 0, y: 0),
            node("T", .trusted, x: 30, y: 0),
            node("B", .endpoint, x: 60, y: 10),
        ]
        topology.links = [
            Link(id: "L1", from: "A", to: "T", medium: .fiber, length: Quantity(30, .kilometre)),
            Link(id: "L2", from: "T", to: "B", medium: .fiber, length: Quantity(32, .kilometre)),
        ]
        topology.demands = [Demand(from: "A", to: "B", keyRate: Quantity(1, .kilobitPerSecond))]
        return topology
    }

    static func node(_ id: Identifier, _ kind: NodeKind, x: Double, y: Double) -> Node {
        Node(id: id, kind: kind, position: .planar(x: Quantity(x, .kilometre), y: Quantity(y, .kilometre)))
    }

    /// A plan in which every link has `keyRate` bit/s and `margin` dB, and the demand is met when any key flows.
    static func plan(of topology: Topology, keyRate: Double = 2000, margin: Double? = 5) -> Plan {
        let links = topology.links.map { link in
            LinkPlan(id: link.id, medium: link.resolvedMedium, protocolKind: .bb84Decoy,
                     lossBudget: [BudgetLine(item: "fiber", db: 6, basis: "links.attenuation"),
                                  BudgetLine(item: "connectors", db: 1, basis: "extra_losses")],
                     detector: nil, qber: QBERBudget(misalignment: 0.01, darkAndBackground: 0.002, afterpulsing: 0, timing: 0.001),
                     keyRateBps: keyRate, keyPerPulse: keyRate / 1e9, signalIntensity: 0.5, repetitionRateHz: 1e9,
                     plobBoundBps: 1e8, marginDB: keyRate > 0 ? margin : nil,
                     noKeyReason: keyRate > 0 ? nil : "QBER 11.3 % above 11 % limit", assumptions: [])
        }
        let demands = topology.demands.map { demand in
            DemandPlan(id: demand.resolvedID, from: demand.from, to: demand.to, requiredBps: demand.keyRate?.si ?? 0,
                       bestPath: keyRate > 0 ? ["A", "T", "B"] : [], bestPathSegments: ["A~T", "T~B"],
                       bestPathBps: keyRate, maxFlowBps: keyRate, maxFlowIsExact: true,
                       trustedNodes: keyRate > 0 ? ["T"] : [], flowTrustedNodes: ["T"],
                       satisfied: keyRate >= (demand.keyRate?.si ?? 0), fallback: keyRate > 0 ? nil : "pqc-only",
                       bottleneckSegment: "T~B", note: nil)
        }
        return Plan(topologyName: topology.name, links: links, segments: [], demands: demands, diagnostics: [])
    }
}
