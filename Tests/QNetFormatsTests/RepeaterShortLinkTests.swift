import Foundation
import QNetFormats
import QNetModel
import QNetPlanner
import Testing

/// The links of a repeater chain share one heralding round (`HeraldingRound`, `ChainRounds`): a link shorter than
/// the others tries in that round as many modes as fit, so shortening any one link never lowers the chain's key.
/// A property of the model, not a paper's number, checked on the shipped `topologies/repeater-chain.qnet.yaml`.
@Suite("Repeaters: shortening one link never lowers the chain's key")
struct RepeaterShortLinkTests {
    /// The sample's chain Q1–Q4 with links of `km` km (ALICE to BOB), and, when `exact`, the review's variant: 10-mode
    /// memories, swaps at 100 %, no cutoff, no purification (the exact E[max of N geometric] waiting time).
    static func chain(_ km: [Double], exact: Bool) throws -> Topology {
        var (topology, _) = try Fixtures.plannedSample("repeater-chain")
        for (index, id) in ["Q1", "Q2", "Q3", "Q4"].enumerated() {
            let link = try #require(topology.links.firstIndex { $0.id == Identifier(id) })
            topology.links[link].length = Quantity(km[index], .kilometre)
        }
        guard exact else { return topology }
        for index in topology.equipment.memories.indices { topology.equipment.memories[index].modes = 10 }
        for index in topology.nodes.indices where topology.nodes[index].kind == .repeater {
            topology.nodes[index].swapSuccess = Quantity(100, .percent)
            topology.nodes[index].cutoffTime = nil
            topology.nodes[index].purification = nil
            topology.nodes[index].purificationRounds = nil
        }
        return topology
    }

    /// The repeater chain's key, bit/s, and its plan.
    static func key(_ km: [Double], exact: Bool) throws -> (Double, RepeaterChainPlan) {
        let plan = Planner().plan(try chain(km, exact: exact))
        let segment = try #require(plan.segments.first { $0.repeater != nil })
        return (segment.keyRateBps, try #require(segment.repeater))
    }

    @Test("Q1 at 0.2 km tries all 10 modes in the 125 us round of its 25 km neighbours and beats Q1 at 5 km",
          arguments: [true, false])
    func theReviewCase(exact: Bool) throws {
        let (five, fiveChain) = try Self.key([5, 25, 25, 25], exact: exact)
        let (short, shortChain) = try Self.key([0.2, 25, 25, 25], exact: exact)
        #expect(shortChain.modesPerRound == [exact ? 10 : 100, exact ? 10 : 100, exact ? 10 : 100, exact ? 10 : 100])
        #expect(abs(shortChain.roundSeconds - 125e-6) < 1e-12 && shortChain.modes == (exact ? 10 : 100))
        #expect(shortChain.successPerRound[0] > fiveChain.successPerRound[0])
        #expect(short >= five && five > 0)
    }

    @Test("A sweep: each link shortened in turn from chains of equal and of unequal links", arguments: [true, false])
    func sweep(exact: Bool) throws {
        for base in [[25.0, 25, 25, 25], [25, 12, 5, 1]] {
            for link in base.indices {
                var previous = try Self.key(base, exact: exact).0
                for km in [20.0, 10, 5, 2, 1, 0.5, 0.2, 0.05, 0.001] where km < base[link] {
                    var lengths = base
                    lengths[link] = km
                    let key = try Self.key(lengths, exact: exact).0
                    #expect(key >= previous * (1 - 1e-9), "link Q\(link + 1) at \(km) km of \(base): \(key) < \(previous)")
                    previous = key
                }
            }
        }
    }
}
