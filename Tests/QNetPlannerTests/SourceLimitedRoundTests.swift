import Foundation
import Testing
import QNetModel
import QNetPhysics
@testable import QNetPlanner

/// A repeater chain's round cannot be shorter than the spacing of its sources' pulses (`HeraldingRound`): short links
/// are limited by the repetition rate, not by 1/length; the detectors' dead time lengthens the spacing only by the
/// share of it a click costs (`ChainRounds.spacing`).
@Suite struct SourceLimitedRoundTests {
    /// A —Q1— R1 —Q2— B, links of `km` km sending pulses of the 1 MHz `emitter` detected by `detector`; R1 swaps
    /// deterministically (no cutoff, no purification: the exact waiting time) with a 100-mode memory.
    static func chain(km: Double, detector: String = "instant") -> Topology {
        var repeater = Fixtures.node("R1", .repeater)
        repeater.memory = "mem"
        repeater.swapSuccess = Quantity(100, .percent)
        var links = [Fixtures.fiber("Q1", "A", "R1", km: km, protocol: .entanglement),
                     Fixtures.fiber("Q2", "R1", "B", km: km, protocol: .entanglement)]
        for index in links.indices {
            links[index].source = "emitter"
            links[index].detector = detector
        }
        var topology = Fixtures.topology(nodes: [Fixtures.node("A"), repeater, Fixtures.node("B")], links: links,
                                         demands: [Fixtures.demand("A", "B", kbps: 0.001)])
        var emitter = PhotonSource(name: "emitter")
        emitter.kind = .singlePhoton
        emitter.repetitionRate = Quantity(1, .megahertz)
        var slow = Detector(name: "slow")
        slow.efficiency = Quantity(85, .percent)
        slow.darkCountRate = Quantity(100, .hertz)
        slow.deadTime = Quantity(10, .microsecond)
        var instant = slow
        (instant.name, instant.deadTime) = ("instant", Quantity(0, .nanosecond))
        var memory = QuantumMemory(name: "mem")
        memory.efficiency = Quantity(90, .percent)
        memory.modes = 100
        topology.equipment.sources.append(emitter)
        topology.equipment.detectors += [slow, instant]
        topology.equipment.memories = [memory]
        return topology
    }

    static func segment(_ topology: Topology) throws -> (SegmentPlan, RepeaterChainPlan) {
        let segment = try #require(Planner().plan(topology).segments.first)
        return (segment, try #require(segment.repeater))
    }

    static func round(_ chain: RepeaterChainPlan) -> String {
        chain.assumptions.first { $0.name == "round" }?.value ?? ""
    }

    /// Derived from the model's formula, not a paper's number: one mode per 1 us pulse when the link is far shorter
    /// than 200 m (one pulse spacing of light in fiber) and its detectors have no dead time, so the chain needs
    /// E[max of 2 geometric(p)] rounds of 1 us, 2/p − 1/(1 − (1 − p)²) (physics.md 4), and its key is r·f_rep / E,
    /// whatever the length below that (two modes in a 2 us round would wait at least as long).
    @Test func theRateSaturatesAtShortLengthAtTheSourceLimitedValue() throws {
        let (segment, chain) = try Self.segment(Self.chain(km: 1e-9))
        #expect(chain.modes == 100 && chain.modesPerRound == [1, 1] && chain.roundSeconds == 1e-6)
        let p = chain.attemptSuccess[0]
        #expect(abs(chain.attemptSuccess[1] - p) < 1e-15)
        #expect(zip(chain.successPerRound, chain.attemptSuccess).allSatisfy { abs($0 - $1) < 1e-15 })
        let rounds = 2 / p - 1 / (1 - (1 - p) * (1 - p))
        let expected = chain.secretFraction * 1e6 / rounds
        #expect(abs(segment.keyRateBps - expected) < 1e-9 * expected)
        #expect(segment.keyRateBps < 1e6 * p)
        // A thousand times longer (still far below 200 m), the same rate within the fiber's extra loss.
        let (longer, _) = try Self.segment(Self.chain(km: 1e-6))
        #expect(abs(longer.keyRateBps - segment.keyRateBps) < 1e-6 * segment.keyRateBps)
        #expect(Self.round(chain).hasPrefix("1 us, the sources' pulses, longer than the longest link's "))
        #expect(Self.round(chain).contains(": 1 of the memories' 100 mode(s), 1 us apart (1/f_rep at 1 MHz) (2 link(s))"))
    }

    /// At 25 km the 125 us communication time sets the round and all 100 modes fit in it (100 us of pulses at 1 MHz);
    /// at 0.25 km the source does, with the 2 pulses in a 2 us round, whose time per pair is shorter than that of one
    /// pulse per 1.25 us round.
    @Test func theRoundAssumptionNamesTheLimitWithItsValue() throws {
        let (_, long) = try Self.segment(Self.chain(km: 25))
        #expect(long.modes == 100 && long.modesPerRound == [100, 100] && abs(long.roundSeconds - 125e-6) < 1e-15)
        #expect(Self.round(long).hasPrefix("125 us, the longest link's 125 us communication time over 25 km, shared by the chain's links: "
            + "100 mode(s), 1 us apart (1/f_rep at 1 MHz) (2 link(s))"))
        let (_, short) = try Self.segment(Self.chain(km: 0.25))
        #expect(short.modesPerRound == [2, 2] && abs(short.roundSeconds - 2e-6) < 1e-15)
        #expect(Self.round(short).hasPrefix("2 us, the sources' pulses, longer than the longest link's 1.25 us communication time over 0.25 km"))
        #expect(long.assumptions.first { $0.name == "round" }?.basis.contains("equipment.sources.emitter.repetition_rate") == true)
    }

    /// A non-paralysable detector is blind only after a click: a 10 us dead time at 1 MHz and a click probability
    /// of 0.3 per mode spaces the modes 1/f_rep·(1 + f_rep·p_click·τ) = 1 us + 0.3 × 10 us = 4 us (the link planner's
    /// dead-time factor, Knoll 2010, Ch. 4, Sec. VII), not 10 us; without a click no dead time is paid.
    @Test func theDeadTimeLengthensTheSpacingByItsShareOfTheClicks() throws {
        let topology = Self.chain(km: 1, detector: "slow")
        var link = ElementaryLink(transmittance: 1, detectionEfficiency: 1, errorRate: 0, length: 1)
        link.repetitionRate = Sourced(1e6, "test")
        link.stationDetector = ResolvedDetector(record: topology.equipment.detector(named: "slow"), name: "slow")
        let spacing = ChainRounds.spacing(link, clickProbability: 0.3)
        #expect(abs(spacing.seconds - 4e-6) < 1e-18 && spacing.limit == .deadTime)
        let idle = ChainRounds.spacing(link, clickProbability: 0)
        #expect(idle.seconds == 1e-6 && idle.limit == .source)
    }

    /// The 10 us dead time on a 1 mm link: the spacing, and so the round, lies between 1/f_rep and 1/f_rep + τ.
    @Test func aDeadTimeLongerThanThePulseSpacingLengthensTheRound() throws {
        let (segment, chain) = try Self.segment(Self.chain(km: 1e-6, detector: "slow"))
        #expect(chain.roundSeconds > 1e-6 && chain.roundSeconds < 11e-6 && chain.modesPerRound == [1, 1])
        #expect(Self.round(chain).contains("of 10 us dead time per mode at the click rate"))
        #expect(chain.assumptions.first { $0.name == "round" }?.basis.contains("equipment.detectors.slow.dead_time") == true)
        #expect(segment.keyRateBps < 1e6 * chain.attemptSuccess[0])
    }

    /// A what-if on a 1e-9 km decoy-BB84 link at 1 GHz: a repeater at its midpoint (the `wcp` source and `snspd`
    /// detector, 50 ns dead time by default) makes one attempt per 1 ns pulse and its share of the dead time after
    /// a click (about 25 ns), so its chain carries less than the link itself; it is not offered (before rounds had a
    /// floor it was, at tens of Tbit/s).
    @Test func aRepeaterAtTheMidpointOfAVeryShortLinkIsLimitedByItsPulses() throws {
        var topology = SuggestionTests.single(km: 1e-9)
        topology.demands = [Fixtures.demand("A", "B", kbps: 1e9)]
        var memory = QuantumMemory(name: "mem")
        memory.efficiency = Quantity(90, .percent)
        memory.modes = 100
        topology.equipment.memories = [memory]
        let plan = Planner().plan(topology)
        let whatIf = try #require(WhatIfAnalyzer(topology: topology, plan: plan).analyse(demand: "A-B"))

        var edited = topology
        var middle = Fixtures.node("L-mid", .repeater)
        (middle.source, middle.detector, middle.memory) = ("wcp", "snspd", "mem")
        edited.nodes.append(middle)
        edited.links = [Fixtures.fiber("L-a", "A", "L-mid", km: 5e-10, protocol: .entanglement),
                        Fixtures.fiber("L-b", "L-mid", "B", km: 5e-10, protocol: .entanglement)]
        let (segment, chain) = try Self.segment(edited)
        // Two-click p = a·(0.9 a)/2 at the end's and the memory's arrival a and 0.9 a (dark counts negligible): the
        // station's two detectors click with (1 − (1 − a)(1 − 0.9 a))/2 per mode, which costs that share of 50 ns.
        let a = (2 * chain.attemptSuccess[0] / 0.9).squareRoot()
        let clicks = (1 - (1 - a) * (1 - 0.9 * a)) / 2
        #expect(abs(chain.roundSeconds - (1e-9 + clicks * 50e-9)) < 1e-3 * chain.roundSeconds && chain.modesPerRound == [1, 1])
        #expect(segment.keyRateBps > 0 && segment.keyRateBps < 1 / chain.roundSeconds)
        #expect(segment.keyRateBps < whatIf.rateBps)
        #expect(!whatIf.suggestions.contains { $0.summary.hasPrefix("entanglement through a repeater at the midpoint of L") })
    }
}
