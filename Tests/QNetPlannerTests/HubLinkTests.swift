import QNetModel
import Testing

@testable import QNetPlanner

/// A link that joins a relay shared by several MDI segments reports the segment with the most key.
@Suite struct HubLinkTests {
    /// A, B and C each joined to relay M; `farKm` is the length of one spoke, too long for any key.
    private func star(farSpoke: String, farKm: Double = 400) -> Topology {
        var nodes = ["A", "B", "C"].map { id -> Node in
            var node = Node(id: Identifier(id), kind: .endpoint)
            node.source = "wcp"
            return node
        }
        var relay = Node(id: "M", kind: .relay)
        relay.detector = "relay"
        nodes.append(relay)
        let links = ["A", "B", "C"].map { end in
            TwoArmSegmentTests.arm("\(end)M", end, "M", km: end == farSpoke ? farKm : 20, .mdi,
                                   misalignment: 0.015, ec: 1.16, sifting: .efficient)
        }
        return TwoArmSegmentTests.topology(nodes, links, sources: [TwoArmSegmentTests.source("wcp", .weakCoherent)],
                                           detectors: [TwoArmSegmentTests.idealDetector("relay", efficiency: 0.145,
                                                                                        darkPerWindow: 4 * 3e-6)])
    }

    @Test(arguments: ["B", "C"])
    func hubLinkTakesItsBestSegment(farSpoke: String) throws {
        let plan = Planner().plan(star(farSpoke: farSpoke))
        let hub = try #require(plan.links.first { $0.id == "AM" })
        let nearEnd = farSpoke == "B" ? "C" : "B"
        let best = try #require(plan.segments.first { $0.nodes.contains("A") && $0.nodes.contains(Identifier(nearEnd)) })
        let dead = try #require(plan.segments.first { $0.nodes.contains("A") && $0.nodes.contains(Identifier(farSpoke)) })
        #expect(dead.keyRateBps == 0 && best.keyRateBps > 0)
        #expect(hub.keyRateBps == best.keyRateBps && hub.noKeyReason == nil)
    }
}
