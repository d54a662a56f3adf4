import Foundation
import QNetModel
import QNetPhysics
import Testing
@testable import QNetPlanner

/// The balancing of a tf segment's arms (`TwinFieldArmBalancer`): the attenuation on the short arm that keys most,
/// found in a bounded number of the segment's plans, and the figures the segment's note and what-ifs read.
@Suite("Twin-field arm balancing")
struct TwinFieldArmBalancerTests {
    /// A~R~B (sns) with arms of `kmA` and `kmB` (0.2 dB/km), planned.
    static func segment(kmA: Double, kmB: Double) throws -> (Topology, SegmentPlan) {
        var topology = TwinFieldCVPlannerTests.twinField(km: kmA)
        topology.links[1].length = Quantity(kmB, .kilometre)
        return (topology, try #require(Planner().plan(topology).segments.first { $0.id == "A~R~B" }))
    }

    /// SNS at 120 and 170 km keys 265 bit/s; 8.6 dB on the short arm, about 3.1 kbit/s.
    @Test("the best attenuation on the short arm is the best of a 0.25 dB scan of planned segments, within the step")
    func attenuatorIsTheBestOfAScan() throws {
        let (topology, segment) = try Self.segment(kmA: 120, kmB: 170)
        let balance = try #require(segment.twinField?.armBalance)
        let attenuator = try #require(balance.attenuator)
        #expect(balance.links == ["LA", "LB"] && balance.shortArm == 0 && abs(balance.spreadDB - 10) < 1e-9)
        func key(attenuationDB: Double) throws -> Double {
            var edited = topology
            edited.links[0].extraLosses = [NamedLoss(name: "attenuator", loss: Quantity(attenuationDB, .decibel))]
            return try #require(Planner().plan(edited).segments.first { $0.id == "A~R~B" }).keyRateBps
        }
        // The note's key is the segment planned with that attenuator written in the file.
        #expect(abs(try key(attenuationDB: attenuator.lossDB) - attenuator.keyRateBps) <= 1e-9 * attenuator.keyRateBps)
        let scan = try stride(from: 0.0, through: balance.spreadDB, by: 0.25).map { ($0, try key(attenuationDB: $0)) }
        let best = try #require(scan.max { $0.1 < $1.1 })
        #expect(attenuator.keyRateBps >= best.1 * (1 - 1e-3) && abs(attenuator.lossDB - best.0) <= 0.35,
                "\(attenuator) against the scan's \(best)")
        #expect(attenuator.keyRateBps > segment.keyRateBps * 1.01 && balance.balancedKeyRateBps > attenuator.keyRateBps)
    }

    /// Arms losing 20 and 120 dB, balanced with a key per pulse of 1e-6 × (1 − ((loss − `peakDB`)/`widthDB`)²), at
    /// least 0, in the short arm's loss: the balance and the plans of the segment it made.
    static func balance(peakDB: Double, widthDB: Double) -> (balance: TwinFieldArmBalance?, plans: Int) {
        var plans = 0
        func key(_ arms: (Double, Double)) -> Double {
            plans += 1
            return max(0, 1e-6 * (1 - pow((-10 * log10(arms.0) - peakDB) / widthDB, 2)))
        }
        let current = key((1e-2, 1e-12))
        plans = 0
        let balance = TwinFieldArmBalancer.balance(links: ["LA", "LB"], lossDB: [20, 120], attenuatorDB: [0, 0],
                                                   transmittance: (1e-2, 1e-12), rate: 1e9, current: current) { key($0) }
        return (balance, plans)
    }

    /// A key that peaks 4 dB above the short arm's loss, and one with no key unless the short arm loses 103 to 117 dB
    /// (83 to 97 dB attenuation, near the balance a segment without key needs), where golden section alone sees zero
    /// at its first two points (38 and 62 dB) and returns no attenuator.
    @Test("the attenuation that keys most, past a flat zero for a segment without key, in at most 30 plans",
          arguments: [(24.0, 30.0), (110, 7)])
    func boundedEvaluations(peakDB: Double, widthDB: Double) {
        let (balance, plans) = Self.balance(peakDB: peakDB, widthDB: widthDB)
        #expect(plans <= 30, "\(plans) plans")
        let attenuator = balance?.attenuator
        #expect(abs((attenuator?.lossDB ?? 0) - (peakDB - 20)) <= TwinFieldArmBalancer.attenuatorStepDB,
                "\(String(describing: attenuator))")
        #expect(attenuator?.keyRateBps ?? 0 > 0)
    }

    @Test("no plan of the segment for arms within 1 dB")
    func balancedArmsArePlannedNoMore() {
        var plans = 0
        #expect(TwinFieldArmBalancer.balance(links: ["LA", "LB"], lossDB: [20, 20.9], attenuatorDB: [0, 0],
                                             transmittance: (1e-2, 1e-2 * 0.81), rate: 1e9, current: 1e-6) { _ in
            plans += 1
            return 1e-6
        } == nil)
        #expect(plans == 0)
    }

    @Test("an attenuator written on an arm is left out of the balanced figure, which the relay move removes")
    func balancedWithoutTheAttenuators() {
        var seen: [(Double, Double)] = []
        let balance = TwinFieldArmBalancer.balance(
            links: ["LA", "LB"], lossDB: [28, 30], attenuatorDB: [6, 0], transmittance: (pow(10, -2.8), 1e-3), rate: 1e9,
            current: 1e-6) { arms in
            seen.append(arms)
            return arms.0 == arms.1 ? 2e-6 : 1e-6
        }
        // Without the 6 dB, the arms lose 22 and 30 dB: balanced, each 26 dB.
        #expect(abs(-10 * log10(seen.first?.0 ?? 1) - 26) < 1e-9, "\(seen)")
        #expect(balance?.shortArmWithoutAttenuators == 0 && abs((balance?.spreadWithoutAttenuatorsDB ?? 0) - 8) < 1e-9)
        #expect(balance?.balancedKeyRateBps == 2e3)
    }

    @Test("entries named attenuator or attenuator-N are the attenuators, others are not",
          arguments: [("attenuator", true), ("attenuator-2", true), ("attenuator-12", true), ("attenuators", false),
                      ("attenuator-x", false), ("roadm", false), ("my-attenuator", false)])
    func attenuatorNames(name: String, isAttenuator: Bool) {
        #expect(TwinFieldArmBalancer.isAttenuator(name) == isAttenuator)
    }

    @Test("a segment without key whose relay could move gets a reason that says so, and no note")
    func withoutKeyReason() throws {
        var topology = TwinFieldCVPlannerTests.twinField(km: 150)
        topology.equipment.detectors[0].deadTime = Quantity(10, .microsecond)
        topology.equipment.detectors[0].afterpulseProbability = Quantity(5, .percent)
        topology.links[0].length = Quantity(250, .kilometre)
        topology.links[1].length = Quantity(50, .kilometre)
        let plan = Planner().plan(topology)
        let segment = try #require(plan.segments.first)
        #expect(segment.keyRateBps == 0 && segment.noKeyReason?.contains(": move the relay towards A") == true)
        #expect(segment.twinField?.armBalance?.balancedKeyRateBps ?? 0 > 0)
        #expect(!segment.diagnostics.contains { $0.severity == .note })
    }
}

/// The balancing what-ifs where node positions are written: the relay's position stays as written, so a move that
/// would leave an arm shorter than the distance between its ends' positions (`check` would warn) is not offered.
@Suite("Twin-field arm balancing: positions")
struct TwinFieldArmBalancePositionTests {
    /// A~R~B of 120 and 170 km asking 1 Mbit/s; with `positions`, A, R and B stand at x = 0, 100 and 260 km.
    static func network(positions: Bool) -> Topology {
        var topology = TwinFieldCVPlannerTests.twinField(km: 120)
        topology.links[1].length = Quantity(170, .kilometre)
        topology.demands[0].keyRate = Quantity(1, .megabitPerSecond)
        if positions {
            for (index, x) in [0.0, 100, 260].enumerated() {
                topology.nodes[index].position = .planar(x: Quantity(x, .kilometre), y: Quantity(0, .kilometre))
            }
        }
        return topology
    }

    @Test("145 km each would leave R 160 km from B: the relay move is not offered, the attenuator is")
    func moveShorterThanThePositionsIsNotOffered() throws {
        func kinds(positions: Bool) throws -> [Suggestion.Kind] {
            let topology = Self.network(positions: positions)
            let plan = Planner().plan(topology)
            #expect(!plan.diagnostics.contains { $0.severity == .warning && $0.keyPath?.hasSuffix(".length") == true })
            return try #require(WhatIfAnalyzer(topology: topology, plan: plan).analyse(demand: "A-B")).suggestions.map(\.kind)
        }
        let free = try kinds(positions: false)
        #expect(free.contains(.balancedRelay) && free.contains(.armAttenuator), "\(free)")
        let placed = try kinds(positions: true)
        #expect(!placed.contains(.balancedRelay) && placed.contains(.armAttenuator), "\(placed)")
    }
}
