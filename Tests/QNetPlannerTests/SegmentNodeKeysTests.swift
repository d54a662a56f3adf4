import Testing
import QNetModel
@testable import QNetPlanner

/// A repeater chain's keys (`memory`, `swap_success`, `cutoff_time`, `purification`, `purification_rounds`) are read
/// only at the inner nodes of entanglement segments (`ChainInputs.nodes`): on a node whose segments all run another
/// protocol (an MDI-QKD or twin-field relay, a BBM92 source) they are warned about at the key, as the keys its kind does
/// not read are (`UnusedNodeKeysTests`).
@Suite struct SegmentNodeKeysTests {
    /// A —L1— M —L2— B through a key-less middle node `M` of `kind`, both links running `protocolKind` in its
    /// direction (the ends send to an MDI or twin-field relay, a BBM92 source sends to the ends, a chain runs from A to
    /// B); `edit` sets M's keys.
    private func twoArms(_ protocolKind: ProtocolKind, middle kind: NodeKind = .relay, demands: [Demand] = [],
                         _ edit: (inout Node) -> Void = { _ in }) -> Topology {
        var middle = Fixtures.node("M", kind)
        edit(&middle)
        let ends: [(String, String)] = switch protocolKind {
        case .bbm92: [("M", "A"), ("M", "B")]
        case .entanglement: [("A", "M"), ("M", "B")]
        default: [("A", "M"), ("B", "M")]
        }
        return Fixtures.topology(nodes: [Fixtures.node("A"), middle, Fixtures.node("B")],
                                 links: [Fixtures.fiber("L1", ends[0].0, ends[0].1, km: 20, protocol: protocolKind),
                                         Fixtures.fiber("L2", ends[1].0, ends[1].1, km: 20, protocol: protocolKind)],
                                 demands: demands)
    }

    /// Every chain key, written on a node.
    private func chainKeys(_ node: inout Node) {
        node.memory = "m"
        node.swapSuccess = Quantity(75, .percent)
        node.cutoffTime = Quantity(20, .millisecond)
        node.purification = .dejmps
        node.purificationRounds = 1
    }

    private func segmentWarnings(_ plan: Plan) -> [Diagnostic] {
        plan.diagnostics.filter { $0.message.contains("whose segments run") }
    }

    @Test func swapSuccessOnAnMDIRelayIsWarnedAboutAtTheKey() {
        let plan = Planner().plan(twoArms(.mdi) { $0.swapSuccess = Quantity(75, .percent) })
        #expect(plan.segments.map(\.protocolKind) == [.mdi])
        let warnings = segmentWarnings(plan)
        #expect(warnings.map(\.keyPath) == ["nodes[1].swap_success"])
        #expect(warnings.first?.severity == .warning)
        #expect(warnings.first?.message == "swap_success is not used on a relay whose segments run mdi (only the inner nodes of "
                + "entanglement segments read it): remove it, or set the links through it to protocol: entanglement")
    }

    @Test func theSameRelayInAnEntanglementChainReadsItsKeys() {
        let plan = Planner().plan(twoArms(.entanglement, chainKeys))
        #expect(plan.segments.map(\.protocolKind) == [.entanglement])
        #expect(segmentWarnings(plan).isEmpty)
        #expect(plan.diagnostics.allSatisfy { !$0.message.contains("is not used on") })
        let swap = Planner().plan(twoArms(.entanglement) { $0.swapSuccess = Quantity(75, .percent) })
        #expect(swap.segments.first?.repeater?.swapSuccess == 0.75)
    }

    /// Every chain key, on the middle node of every two-arm protocol but entanglement: a twin-field or MDI relay, a
    /// BBM92 source and a repeater whose links run MDI. The warnings say what the planner does: the keys change no
    /// figure of the segment or its links.
    @Test(arguments: [(ProtocolKind.mdi, NodeKind.relay), (.twinField, .relay), (.bbm92, .source), (.mdi, .repeater)])
    func everyChainKeyOnAnotherProtocolsMiddleNode(_ protocolKind: ProtocolKind, _ kind: NodeKind) {
        let written = Planner().plan(twoArms(protocolKind, middle: kind, chainKeys))
        let warnings = segmentWarnings(written)
        #expect(warnings.map(\.keyPath) == ["memory", "swap_success", "cutoff_time", "purification", "purification_rounds"]
            .map { "nodes[1].\($0)" })
        #expect(warnings.allSatisfy { $0.message.contains("not used on \(kind == .source ? "a source node" : "a \(kind.rawValue)") "
            + "whose segments run \(protocolKind.rawValue) (") })
        let plain = Planner().plan(twoArms(protocolKind, middle: kind))
        #expect(written.segments.map(\.protocolKind) == [protocolKind])
        #expect(written.segments == plain.segments && written.links == plain.links)
        if kind == .relay {
            #expect(plain.segments.first.map { $0.keyRateBps > 0 } == true, "\(plain.segments.first?.noKeyReason ?? "")")
        }
    }

    /// A node whose links reach no two key-holding nodes is in no segment: the links that put it in one decide whether
    /// its keys are read, so it gets no warning, whatever its links run.
    @Test func aNodeInNoSegmentGetsNoWarning() {
        var repeater = Fixtures.node("R", .repeater)
        chainKeys(&repeater)
        var dangling = Fixtures.node("M", .relay)
        dangling.swapSuccess = Quantity(75, .percent)
        let topology = Fixtures.topology(nodes: [Fixtures.node("A"), repeater, dangling, Fixtures.node("B")],
                                         links: [Fixtures.fiber("L1", "A", "B", km: 20),
                                                 Fixtures.fiber("L2", "A", "M", km: 20, protocol: .mdi)])
        let plan = Planner().plan(topology)
        #expect(plan.segments.map(\.nodes) == [["A", "B"]])
        #expect(segmentWarnings(plan).isEmpty)
    }

    /// A relay in an MDI segment and a repeater chain (its hub joins both) reads its keys in the chain: no warning.
    /// In a segment whose links mix protocols (an error already) each counts, so no warning while one is entanglement.
    @Test func oneSegmentThatReadsTheKeysIsEnough() {
        var hub = Fixtures.node("M", .relay)
        hub.swapSuccess = Quantity(75, .percent)
        let nodes = [Fixtures.node("A"), hub, Fixtures.node("B"), Fixtures.node("C"), Fixtures.node("D")]
        let both = Fixtures.topology(nodes: nodes, links: [
            Fixtures.fiber("L1", "A", "M", km: 20, protocol: .mdi), Fixtures.fiber("L2", "B", "M", km: 20, protocol: .mdi),
            Fixtures.fiber("L3", "C", "M", km: 20, protocol: .entanglement),
            Fixtures.fiber("L4", "M", "D", km: 20, protocol: .entanglement),
        ])
        let plan = Planner().plan(both)
        #expect(Set(plan.segments.map(\.protocolKind)).isSuperset(of: [.mdi, .entanglement]))
        #expect(segmentWarnings(plan).isEmpty)

        var mixed = twoArms(.mdi) { $0.swapSuccess = Quantity(75, .percent) }
        mixed.links[1].protocolKind = .entanglement
        #expect(segmentWarnings(Planner().plan(mixed)).isEmpty)
        mixed.links[1].protocolKind = .twinField
        #expect(segmentWarnings(Planner().plan(mixed)).map(\.message).first?
            .hasPrefix("swap_success is not used on a relay whose segments run mdi and tf (") == true)
    }

    /// Segments do not depend on the demands: adding one, through the relay or not, changes no warning.
    @Test func theWarningsDoNotFollowTheDemands() {
        let none = segmentWarnings(Planner().plan(twoArms(.mdi, chainKeys)))
        let through = segmentWarnings(Planner().plan(twoArms(.mdi, demands: [Fixtures.demand("A", "B")], chainKeys)))
        #expect(none.count == 5 && through == none)
    }

    /// When the segment search stops at its bound a segment that reads the key may be missing: no warning then.
    @Test func noWarningWhenTheSegmentSearchWasTruncated() {
        var relay = Fixtures.node("M", .relay)
        relay.swapSuccess = Quantity(75, .percent)
        let nodes = [Fixtures.node("A"), relay, Fixtures.node("B")]
        let segment = FoundSegment(nodes: [0, 1, 2], links: [0, 1])
        let candidates = UnusedNodeKeys.segmentScoped(nodes)
        #expect(candidates == [1])
        func warnings(truncated: Bool) -> [Diagnostic] {
            UnusedNodeKeys.segmentWarnings(nodes, candidates: candidates, segments: [segment], truncated: truncated) { _ in .mdi }
        }
        #expect(warnings(truncated: false).map(\.keyPath) == ["nodes[1].swap_success"])
        #expect(warnings(truncated: true).isEmpty)
    }

    /// The schema's table says where the chain keys apply: key-less nodes inside entanglement segments.
    @Test func theSchemaScopesTheChainKeysToEntanglementSegments() {
        for key in ["memory", "swap_success", "cutoff_time", "purification", "purification_rounds"] {
            let scope = Node.field(named: key)?.scope
            #expect(scope?.protocols == [.entanglement] && scope?.keyHolders == false)
        }
        #expect(Node.field(named: "detector")?.scope.protocols == nil && Node.field(named: "altitude")?.scope.protocols == nil)
    }

    /// A re-plan after an edit of a link's protocol alone (the nodes unchanged) follows the new protocol.
    @Test func anIncrementalReplanFollowsTheLinksProtocol() {
        let session = PlanningSession()
        var topology = twoArms(.entanglement) { $0.swapSuccess = Quantity(75, .percent) }
        #expect(segmentWarnings(session.plan(topology)).isEmpty)
        topology.links[0].protocolKind = .mdi
        topology.links[1].protocolKind = .mdi
        #expect(segmentWarnings(session.plan(topology)).map(\.keyPath) == ["nodes[1].swap_success"])
        topology.links[0].protocolKind = nil
        topology.links[1].protocolKind = nil
        topology.defaults.protocolKind = .entanglement
        #expect(segmentWarnings(session.plan(topology)).isEmpty)
    }
}
