import Testing
import QNetModel
@testable import QNetPlanner

/// Keys a node's kind does not read (as the schema's `Field.scope` says for `Node.fields`) are warned about at their
/// key (QA: a repeater with `trusted: true` and `altitude`, an endpoint with `swap_success` and `cutoff_time`, were
/// accepted without a word).
@Suite struct UnusedNodeKeysTests {
    /// A —L1— R —L2— B, an entanglement chain through one repeater.
    private func chain(_ edit: (inout [Node]) -> Void) -> Plan {
        var nodes = [Fixtures.node("A"), Fixtures.node("R", .repeater), Fixtures.node("B")]
        edit(&nodes)
        return Planner().plan(Fixtures.topology(nodes: nodes, links: [Fixtures.fiber("L1", "A", "R", km: 20, protocol: .entanglement),
                                                                      Fixtures.fiber("L2", "R", "B", km: 20, protocol: .entanglement)]))
    }

    private func unused(_ plan: Plan) -> [Diagnostic] {
        plan.diagnostics.filter { $0.message.contains("is not used on") }
    }

    /// QA: with `purification` removed, `purification_rounds: 1` alone kept DEJMPS on, without a word.
    @Test func purificationRoundsWithoutPurificationPurifyNothingAndAreWarnedAbout() throws {
        let alone = chain { $0[1].purificationRounds = 1 }
        let warnings = alone.diagnostics.filter { $0.keyPath == "nodes[1].purification_rounds" }
        #expect(warnings.map(\.message) == ["purification_rounds is read only with purification: set purification: dejmps, or remove it"])
        let plain = chain { _ in }
        #expect(alone.segments.first?.fidelity == plain.segments.first?.fidelity && plain.segments.first?.fidelity != nil)
        let named = chain { $0[1].purificationRounds = 1; $0[1].purification = .dejmps }
        #expect(!named.diagnostics.contains { $0.keyPath == "nodes[1].purification_rounds" })
        #expect(try #require(named.segments.first?.fidelity) > #require(plain.segments.first?.fidelity))
    }

    @Test func satelliteKeysOnARepeaterAndChainKeysOnAnEndpointAreWarnedAbout() {
        let warnings = unused(chain { nodes in
            nodes[0].swapSuccess = Quantity(10, .percent)
            nodes[0].cutoffTime = Quantity(1, .microsecond)
            nodes[0].memory = "m"
            nodes[1].trusted = true
            nodes[1].altitude = Quantity(500, .kilometre)
        })
        #expect(warnings.map(\.keyPath) == ["nodes[0].memory", "nodes[0].swap_success", "nodes[0].cutoff_time",
                                            "nodes[1].altitude", "nodes[1].trusted"])
        #expect(warnings.allSatisfy { $0.severity == .warning })
        #expect(warnings[1].message == "swap_success is not used on an endpoint (a node that holds the key measures its pairs "
                + "at once; only nodes that hold none read it: repeaters, relays, sources and satellites with trusted: false): "
                + "remove it, or change the kind")
        #expect(warnings.last?.message == "trusted is not used on a repeater (only satellites read it): remove it, or change the kind")
    }

    @Test func keysTheKindReadsAreNotWarnedAbout() {
        let warnings = unused(chain { nodes in
            nodes[1].memory = "m"
            nodes[1].swapSuccess = Quantity(75, .percent)
            nodes[1].cutoffTime = Quantity(20, .millisecond)
            nodes[1].purification = .dejmps
            nodes[1].purificationRounds = 1
            nodes[0].source = "s"   // source and detector: any node at a link's end
            nodes[2].detector = "d"
        })
        #expect(warnings.isEmpty)
    }

    /// A satellite reads the chain keys only when it holds no key (`trusted: false`), as an inner node of a chain.
    @Test func chainKeysOnASatelliteDependOnItsTrust() {
        var satellite = Fixtures.node("S", .satellite)
        satellite.altitude = Quantity(500, .kilometre)
        satellite.swapSuccess = Quantity(75, .percent)
        let trusted = UnusedNodeKeys.warnings([satellite])
        #expect(trusted.map(\.keyPath) == ["nodes[0].swap_success"])
        #expect(trusted.first?.message.hasPrefix("swap_success is not used on a trusted satellite") == true)
        #expect(trusted.first?.message.hasSuffix("remove it, or set trusted: false") == true)
        satellite.trusted = false
        #expect(UnusedNodeKeys.warnings([satellite]).isEmpty)
    }

    /// The scopes say what the planner reads: a chain end's swap success, memory and cutoff change nothing.
    @Test func anEndpointsChainKeysChangeNothing() {
        let plain = chain { _ in }
        let written = chain { nodes in
            nodes[0].swapSuccess = Quantity(10, .percent)
            nodes[0].cutoffTime = Quantity(1, .microsecond)
            nodes[2].purificationRounds = 3
        }
        #expect(written.segments.map(\.keyRateBps) == plain.segments.map(\.keyRateBps))
        #expect(plain.segments.first.map { $0.keyRateBps > 0 } == true)
    }
}
