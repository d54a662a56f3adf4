import QNetModel
import Testing
@testable import QNetPlanner

/// A link that falls back to the built-in source or detector while the network's other links name equipment of the
/// topology's own gets a note at the link saying so; a network that names no equipment gets none.
@Suite struct BuiltInEquipmentNotesTests {
    /// A —L1— B with the shared `wcp` source and `snspd` detector, and a trusted node C added without equipment,
    /// joined by L2 (A sends to C: C's detector is missing) and L3 (C sends to B: C's source is missing).
    private var network: Topology {
        Fixtures.topology(nodes: [Fixtures.node("A"), Fixtures.node("B"), Node(id: "C", kind: .trusted)],
                          links: [Fixtures.fiber("L1", "A", "B", km: 20), Fixtures.fiber("L2", "A", "C", km: 20),
                                  Fixtures.fiber("L3", "C", "B", km: 20)])
    }

    private func notes(_ plan: Plan) -> [Diagnostic] { plan.diagnostics.filter { $0.message.contains("built-in") } }

    @Test func aLinkFromANodeWithoutEquipmentIsToldWhatItUsesInsteadAndWhatTheOthersUse() {
        let plan = Planner().plan(network)
        let expected = [
            Diagnostic(.note, "link L2 uses the built-in snspd detector (80 % efficient): neither it nor its receiver C "
                + "names a detector, while the network's other photon-counting links use 'snspd'", keyPath: "links[1]"),
            Diagnostic(.note, "link L3 uses the built-in 1 GHz weak-coherent source: neither it nor its sender C names a "
                + "source, while the network's other photon-counting links use 'wcp'", keyPath: "links[2]"),
        ]
        #expect(notes(plan) == expected)
        // Each shows with its link too.
        #expect(plan.links[1].diagnostics.filter { $0.message.contains("built-in") } == [expected[0]])
        #expect(plan.links[2].diagnostics.filter { $0.message.contains("built-in") } == [expected[1]])
        #expect(plan.links[0].diagnostics.allSatisfy { !$0.message.contains("built-in") })
    }

    /// Second reader: one link naming equipment among thousands that do not made a note per link in `check`.
    @Test func thePlanListsTenNotesAndCountsTheRestWhileEveryLinkKeepsItsOwn() {
        var topology = network
        for index in 0..<30 {
            let node = Identifier("N\(index)")
            topology.nodes.append(Node(id: node, kind: .trusted))
            topology.links.append(Fixtures.fiber("X\(index)", "N\(index)", "B", km: 20))
        }
        let plan = Planner().plan(topology)
        let listed = notes(plan)
        #expect(listed.count == BuiltInEquipmentNotes.listed + 1)
        #expect(listed.last?.message.hasPrefix("22 more links use a built-in source or detector") == true)
        #expect(plan.links.filter { $0.diagnostics.contains { $0.message.contains("uses the built-in") } }.count == 32)
    }

    @Test func aLinkThatNamesItsOwnEquipmentGetsNoNote() {
        var topology = network
        topology.links[1].detector = "snspd"
        topology.links[2].source = "wcp"
        #expect(notes(Planner().plan(topology)).isEmpty)
    }

    /// QA: a network naming only its CV-QKD link's Gaussian source and homodyne detector put a note on every
    /// photon-counting link, steering a BB84 link towards a homodyne detector. Links compare with their own kind.
    @Test func cvQKDEquipmentIsComparedOnlyWithCVQKDLinks() {
        var topology = Fixtures.topology(nodes: [Fixtures.node("A"), Fixtures.node("B"), Node(id: "C", kind: .trusted),
                                                 Node(id: "D", kind: .trusted)],
                                         links: [Fixtures.fiber("CV1", "A", "B", km: 20, protocol: .cvGG02),
                                                 Fixtures.fiber("CV2", "C", "D", km: 20, protocol: .cvGG02),
                                                 Fixtures.fiber("DV1", "C", "B", km: 20)])
        topology.links[0].source = "gauss"
        topology.links[0].detector = "hom"
        for index in topology.nodes.indices { (topology.nodes[index].source, topology.nodes[index].detector) = (nil, nil) }
        var gauss = PhotonSource(name: "gauss")
        gauss.kind = .coherentGaussian
        var homodyne = Detector(name: "hom")
        homodyne.kind = .homodyne
        topology.equipment = Equipment()
        topology.equipment.sources = [gauss]
        topology.equipment.detectors = [homodyne]
        let listed = notes(Planner().plan(topology))
        #expect(listed.count == 2)
        #expect(listed.allSatisfy { $0.keyPath == "links[1]" && $0.message.contains("other CV-QKD links use") })
    }

    @Test func aNetworkThatNamesNoEquipmentUsesTheBuiltInOnesWithoutANote() {
        var topology = network
        for index in topology.nodes.indices { (topology.nodes[index].source, topology.nodes[index].detector) = (nil, nil) }
        topology.equipment = Equipment()
        #expect(notes(Planner().plan(topology)).isEmpty)
    }

    @Test func theOtherLinksEquipmentIsListedMostUsedFirstThreeAtMost() {
        var topology = network
        for name in ["a", "b", "c", "d"] { topology.equipment.sources.append(PhotonSource(name: name)) }
        // Sources by use: wcp on L1 (from A), then a, b, c, d on one added link each.
        for (index, name) in ["a", "b", "c", "d"].enumerated() {
            var link = Fixtures.fiber("M\(index)", "A", "B", km: 20)
            link.source = name
            topology.links.append(link)
        }
        topology.links[0].source = "wcp"
        topology.links.append({ var link = Fixtures.fiber("M4", "A", "B", km: 20); link.source = "wcp"; return link }())
        let note = notes(Planner().plan(topology)).first { $0.message.hasPrefix("link L3 uses the built-in") }
        #expect(note?.message.hasSuffix("other photon-counting links use 'wcp', 'a', 'b' and 2 more") == true)
    }
}
