import Foundation
import QNetModel
import Testing
@testable import QNetPlanner

/// The repeater table's trusted-node column is the key of the chain's links planned as the planner plans a
/// decoy-BB84 link of their length (dead time, afterpulsing, dispersion, the receiver's detector), the slowest of
/// them: a 100 km chain of three links against a planned 33.3 km link, 300 km against a planned 100 km link.
/// Before, a separate formula without dead time gave 21 Mbit/s for the planner's 3.0 Mbit/s at 33.3 km (QA).
/// The figures compared are the planner's own (no paper's): the property is that both use one link model.
@Suite("Repeater table: the trusted-node chain is the planner's own links")
struct TrustedChainColumnTests {
    /// A – R1 – R2 – B over three entanglement links of `km` each, with the fixtures' 1 GHz source and detector.
    static func chain(km: Double, source: PhotonSource? = nil) -> Topology {
        var nodes = [Fixtures.node("A"), Fixtures.node("R1", .repeater), Fixtures.node("R2", .repeater), Fixtures.node("B")]
        for index in nodes.indices {
            (nodes[index].source, nodes[index].detector) = (source?.name ?? "wcp", "snspd")
            if nodes[index].resolvedKind == .repeater { nodes[index].memory = "mem" }
        }
        let links = (0..<3).map { Fixtures.fiber("Q\($0)", nodes[$0].id.rawValue, nodes[$0 + 1].id.rawValue, km: km,
                                                 protocol: .entanglement) }
        var topology = Fixtures.topology(nodes: nodes, links: links)
        topology.equipment.memories = [QuantumMemory(name: "mem")]
        if let source { topology.equipment.sources.append(source) }
        return topology
    }

    /// The key of one decoy-BB84 link A → B of `km` with the fixtures' equipment (source `source` when given).
    static func plannedLink(km: Double, source: PhotonSource? = nil) throws -> LinkPlan {
        var topology = Fixtures.topology(nodes: [Fixtures.node("A"), Fixtures.node("B")],
                                         links: [Fixtures.fiber("L", "A", "B", km: km, protocol: .bb84Decoy)])
        if let source {
            topology.equipment.sources.append(source)
            topology.nodes[0].source = source.name
        }
        return try #require(Planner().plan(topology).links.first)
    }

    static func sweep(_ topology: Topology) throws -> [RepeaterSweepPoint] {
        try #require(Planner().plan(topology).segments.first?.repeater).sweep
    }

    @Test("each swept length's trusted chain keys as a planned link of a third of it, dead time included")
    func sameAsPlannedLinks() throws {
        let sweep = try Self.sweep(Self.chain(km: 100.0 / 3))
        #expect(sweep.contains { $0.isPlanned && $0.lengthMeters == 100e3 })
        for point in sweep where point.lengthMeters <= 400e3 {
            let link = try Self.plannedLink(km: point.lengthMeters / 3 / 1000)
            #expect(abs(point.trustedChainBps - link.keyRateBps) <= 1e-9 * link.keyRateBps, "\(point.lengthMeters)")
        }
        // At 33.3 km the detector saturates: the column carries its dead-time factor (no separate formula without it).
        let short = try Self.plannedLink(km: 100.0 / 3)
        #expect(try #require(short.detector).deadTimeFactor < 0.5)
    }

    /// QA: the chain's senders sent from the repeaters' 1 MHz memory emitters, so the column keyed 34.9 kbit/s where
    /// the network's own trusted chain over the same 100 km gave 4.09 Mbit/s. A trusted node sends from a QKD
    /// transmitter: the built-in decoy-BB84 one stands in for a source that is not one.
    @Test("a chain of single-photon emitters at 1 MHz compares with planned links sending from the built-in transmitter")
    func emitterReplacedByTransmitter() throws {
        var emitter = PhotonSource(name: "emitter")
        emitter.kind = .singlePhoton
        emitter.repetitionRate = Quantity(1, .megahertz)
        let chain = try #require(Planner().plan(Self.chain(km: 50, source: emitter)).segments.first?.repeater)
        #expect(chain.trustedChainSources == "the built-in one at 1 GHz, in place of emitter")
        var transmitter = PhotonSource(name: "transmitter")
        transmitter.kind = .weakCoherent
        var checked = 0
        for point in chain.sweep where point.lengthMeters <= 400e3 {
            let link = try Self.plannedLink(km: point.lengthMeters / 3 / 1000, source: transmitter)
            #expect(link.repetitionRateHz == 1e9)
            #expect(link.keyRateBps > 0 && abs(point.trustedChainBps - link.keyRateBps) <= 1e-9 * link.keyRateBps)
            checked += 1
        }
        #expect(checked >= 3)
    }
}
