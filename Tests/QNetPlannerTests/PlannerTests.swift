import Foundation
import Testing
import QNetModel
import QNetPhysics
@testable import QNetPlanner

/// The planner on small networks built in Swift.
@Suite struct PlannerTests {
    let planner = Planner()

    @Test func fiberBudgetLinesAsInTheFormatPage() throws {
        var link = Fixtures.fiber("L1", "A", "T1", km: 25)
        link.extraLosses = [NamedLoss(name: "connectors", loss: Quantity(1.0, .decibel)),
                            NamedLoss(name: "splices", loss: Quantity(0.3, .decibel))]
        let topology = Fixtures.topology(nodes: [Fixtures.node("A"), Fixtures.node("T1", .trusted)], links: [link])
        let plan = planner.plan(topology)
        let l1 = try #require(plan.links.first)
        #expect(l1.lossBudget.map(\.item) == ["fiber 25 km x 0.2 dB/km", "connectors", "splices"])
        #expect(abs(l1.lossBudget[0].db - 5.0) < 1e-9)
        #expect(l1.lossBudget[0].basis.contains("links[0].length"))
        #expect(l1.lossBudget[0].basis.contains("built-in default (ITU-T G.652 at 1550 nm)"))
        #expect(l1.lossBudget[1].basis == "links[0].extra_losses.connectors")
        #expect(abs(l1.lossDB - 6.3) < 1e-9)
        #expect(abs(l1.transmittance - 0.2344) < 1e-4)
        #expect(l1.keyRateBps > 0 && l1.plobBoundBps.map { $0 > l1.keyRateBps } == true)
        #expect(l1.noKeyReason == nil)
        #expect((l1.marginDB ?? -1) > 10)
        let qber = try #require(l1.qber)
        #expect(abs(qber.total - 0.0105) < 0.005)
        #expect(l1.detector?.jitterTerms.map(\.name) == ["source", "detector", "dispersion", "clock sync"])
    }

    /// A long fiber's line shows its whole loss (6000 km × 0.2 dB/km = 1200 dB), not a cap; only an opaque
    /// channel (an infinite loss) shows the fixed 1000 dB.
    @Test func aLongFibersLossIsShownInFull() throws {
        let nodes = [Fixtures.node("A"), Fixtures.node("B")]
        let plan = Planner().plan(Fixtures.topology(nodes: nodes, links: [Fixtures.fiber("far", "A", "B", km: 6000)], demands: []))
        let line = try #require(plan.links.first?.lossBudget.first)
        #expect(line.item == "fiber 6000 km x 0.2 dB/km" && abs(line.db - 1200) < 1e-9)
        #expect(Sanitise.lossDB(.infinity) == 1000 && Sanitise.lossDB(.nan) == 1000 && Sanitise.lossDB(1e300) == 1e300)
    }

    @Test func defaultsSectionIsCitedByKeyPath() throws {
        var topology = Fixtures.topology(nodes: [Fixtures.node("A"), Fixtures.node("B")],
                                         links: [Fixtures.fiber("L1", "A", "B", km: 10)])
        topology.defaults.fiberAttenuation = Quantity(0.17, .decibelPerKilometre)
        let line = try #require(planner.plan(topology).links.first?.lossBudget.first)
        #expect(line.item == "fiber 10 km x 0.17 dB/km")
        #expect(line.basis.contains("defaults.fiber_attenuation"))
    }

    /// A to B through T1 (two 20 km links), or through T2 and T3 (three links of `longKm`).
    private func twoRoutes(longKm: Double, demand: Demand) -> Topology {
        let nodes = [Fixtures.node("A"), Fixtures.node("B"), Fixtures.node("T1", .trusted),
                     Fixtures.node("T2", .trusted), Fixtures.node("T3", .trusted)]
        let links = [Fixtures.fiber("a1", "A", "T1", km: 20), Fixtures.fiber("b1", "T1", "B", km: 20),
                     Fixtures.fiber("a2", "A", "T2", km: longKm), Fixtures.fiber("m2", "T2", "T3", km: longKm),
                     Fixtures.fiber("b3", "T3", "B", km: longKm)]
        return Fixtures.topology(nodes: nodes, links: links, demands: [demand])
    }

    @Test func trustedNodesOnTheBestPathAreNamed() throws {
        let plan = planner.plan(twoRoutes(longKm: 70, demand: Fixtures.demand("A", "B")))
        let demand = try #require(plan.demands.first)
        #expect(demand.bestPath == ["A", "T1", "B"])
        #expect(demand.trustedNodes == ["T1"])
        #expect(demand.flowTrustedNodes == ["T1", "T2", "T3"])
        #expect(demand.maxFlowBps > demand.bestPathBps)
        #expect(demand.maxFlowIsExact && demand.satisfied && demand.fallback == nil)
        #expect(demand.bestPathSegments == ["A~T1", "B~T1"])  // ids list nodes from the lower node index
    }

    @Test func maxTrustedNodesLimitsPathAndFlow() throws {
        let nodes = [Fixtures.node("A"), Fixtures.node("B"), Fixtures.node("T1", .trusted)]
        let links = [Fixtures.fiber("direct", "A", "B", km: 120), Fixtures.fiber("a1", "A", "T1", km: 20),
                     Fixtures.fiber("b1", "T1", "B", km: 20)]
        let topology = Fixtures.topology(nodes: nodes, links: links,
                                         demands: [Fixtures.demand("A", "B", maxTrusted: 0), Fixtures.demand("A", "B")])
        let plan = planner.plan(topology)
        let limited = plan.demands[0], free = plan.demands[1]
        let direct = try #require(plan.links.first { $0.id == "direct" })
        #expect(limited.bestPath == ["A", "B"])
        #expect(limited.trustedNodes.isEmpty)
        #expect(abs(limited.maxFlowBps - direct.keyRateBps) <= 1e-9 * direct.keyRateBps)
        #expect(limited.maxFlowIsExact && limited.note?.contains("direct segments only") == true)
        #expect(free.bestPath == ["A", "T1", "B"] && free.maxFlowBps > limited.maxFlowBps)
    }

    @Test func aLimitAboveZeroThatBindsGivesALowerBound() throws {
        let plan = planner.plan(twoRoutes(longKm: 20, demand: Fixtures.demand("A", "B", maxTrusted: 1)))
        let demand = try #require(plan.demands.first)
        #expect(demand.flowTrustedNodes == ["T1"])  // the two-relay path A-T2-T3-B is beyond the limit
        #expect(!demand.maxFlowIsExact && demand.note?.contains("lower bound") == true)
    }

    @Test func unreachableDemandFallsBackToPQC() throws {
        let nodes = [Fixtures.node("A"), Fixtures.node("B"), Fixtures.node("C")]
        let plan = planner.plan(Fixtures.topology(nodes: nodes, links: [Fixtures.fiber("L", "A", "B", km: 10)],
                                                  demands: [Fixtures.demand("A", "C")]))
        let demand = try #require(plan.demands.first)
        #expect(demand.bestPath.isEmpty && demand.bestPathBps == 0 && demand.maxFlowBps == 0)
        #expect(!demand.satisfied && demand.fallback == "pqc-only" && demand.note != nil)
    }

    @Test func mdiRelayFormsOneSegment() throws {
        let nodes = [Fixtures.node("A"), Fixtures.node("M", .relay), Fixtures.node("B")]
        let links = [Fixtures.fiber("M1", "A", "M", km: 60, protocol: .mdi), Fixtures.fiber("M2", "B", "M", km: 60, protocol: .mdi)]
        let plan = planner.plan(Fixtures.topology(nodes: nodes, links: links, demands: [Fixtures.demand("A", "B")]))
        #expect(plan.segments.count == 1)
        let segment = try #require(plan.segments.first)
        #expect(segment.id == "A~M~B" && segment.nodes == ["A", "M", "B"] && segment.links == ["M1", "M2"])
        #expect(segment.keyRateBps > 0 && segment.noKeyReason == nil && segment.keyBudget != nil)
        #expect(segment.plobBoundBps.map { $0 > segment.keyRateBps } == true)
        #expect(plan.links.allSatisfy { $0.keyRateBps == segment.keyRateBps && $0.marginDB == segment.marginDB })
        #expect(!plan.diagnostics.contains { $0.message.contains("not modelled yet") })
        #expect(plan.demands.first?.bestPath == ["A", "M", "B"] && plan.demands.first?.trustedNodes == [])
    }

    @Test func mixedProtocolsInASegmentGiveNoKey() throws {
        let nodes = [Fixtures.node("A"), Fixtures.node("M", .relay), Fixtures.node("B")]
        let links = [Fixtures.fiber("M1", "A", "M", km: 10, protocol: .mdi), Fixtures.fiber("M2", "M", "B", km: 10, protocol: .twinField)]
        let plan = planner.plan(Fixtures.topology(nodes: nodes, links: links))
        #expect(plan.segments.first?.keyRateBps == 0)
        #expect(plan.segments.first?.noKeyReason?.contains("different protocols") == true)
        #expect(plan.diagnostics.contains { $0.severity == .error })
    }

    @Test func repeaterChainSegment() throws {
        var repeater = Fixtures.node("R1", .repeater)
        repeater.memory = "mem"
        let nodes = [Fixtures.node("A"), repeater, Fixtures.node("B")]
        let links = [Fixtures.fiber("Q1", "A", "R1", km: 25, protocol: .entanglement),
                     Fixtures.fiber("Q2", "R1", "B", km: 25, protocol: .entanglement)]
        var topology = Fixtures.topology(nodes: nodes, links: links, demands: [Fixtures.demand("A", "B", kbps: 0.001)])
        var memory = QuantumMemory(name: "mem")
        memory.efficiency = Quantity(60, .percent)
        topology.equipment.memories = [memory]
        let plan = planner.plan(topology)
        let segment = try #require(plan.segments.first)
        let chain = try #require(segment.repeater)
        #expect(segment.id == "A~R1~B")
        #expect(segment.keyRateBps > 0)
        // p0 = 1/2 η_d² η_mem,a η_mem,b η_link, with η_mem = 1 at the key-holding end, plus the false heralds of the
        // detector's dark counts (100 Hz over the window, shared by the station's two detectors).
        let link = try #require(plan.links.first)
        let detector = try #require(link.detector)
        let detection = detector.detectorEfficiency * detector.windowFraction
        let heralds = HeraldingDarkCounts.twoClick(arrivalA: detection * link.transmittance.squareRoot(),
                                                   arrivalB: 0.6 * detection * link.transmittance.squareRoot(),
                                                   darkCountProbability: detector.darkProbabilityPerWindow / 2)
        #expect(abs(heralds.signal / pow(1 - detector.darkProbabilityPerWindow / 2, 4)
                    - 0.5 * detection * detection * 0.6 * link.transmittance) < 1e-12)
        #expect(abs(chain.attemptSuccess[0] - (heralds.signal + heralds.darkCount)) < 1e-12)
        #expect(chain.swapSuccess == 0.5)
        // One probabilistic join of two links with geometric waits of successes p1, p2 per round: the swap comes in
        // the round the later link succeeds, E[max] = 1/p1 + 1/p2 − 1/(p1 + p2 − p1·p2) rounds; a failed swap
        // restarts both. For small p1 = p2 this is Sangouard et al.'s (3/2)/(p0·p_s) (RMP 83, 33 (2011)).
        let (p1, p2) = (chain.attemptSuccess[0], chain.attemptSuccess[1])
        let rounds = (1 / p1 + 1 / p2 - 1 / (p1 + p2 - p1 * p2)) / 0.5
        #expect(abs(chain.meanRounds - rounds) < 1e-9 * rounds)
        #expect(abs(chain.roundSeconds - 25e3 / 2e8) < 1e-15)
        let swapped = Werner.swap(chain.elementaryFidelity[0], chain.elementaryFidelity[1])
        let fidelity = try #require(segment.fidelity)
        #expect(fidelity <= swapped && fidelity > swapped - 0.01 && fidelity > 0.9)
        #expect(abs(segment.keyRateBps - chain.secretFraction / chain.meanTimeSeconds) < 1e-9 * segment.keyRateBps)
        #expect(plan.links.allSatisfy { $0.keyRateBps == segment.keyRateBps })
        #expect(plan.demands.first?.bestPath == ["A", "R1", "B"])
        #expect(plan.demands.first?.trustedNodes == [])
    }

    @Test func highQBERLinkGetsNoKeyAndAReason() throws {
        var link = Fixtures.fiber("L", "A", "B", km: 10)
        link.misalignment = Quantity(15, .percent)
        let plan = planner.plan(Fixtures.topology(nodes: [Fixtures.node("A"), Fixtures.node("B")], links: [link]))
        let l = try #require(plan.links.first)
        #expect(l.keyRateBps == 0 && l.keyPerPulse == 0)
        // e_d = 15 % leaves no key at any loss: the reason names the optical error, and there is no margin.
        #expect(l.noKeyReason?.hasPrefix("no loss gives a key") == true && l.noKeyReason?.contains("misalignment 15 %") == true)
        #expect(l.marginDB == nil)
    }

    @Test func tooMuchLossNamesTheToleratedLoss() throws {
        let plan = planner.plan(Fixtures.topology(nodes: [Fixtures.node("A"), Fixtures.node("B")],
                                                  links: [Fixtures.fiber("L", "A", "B", km: 400)]))
        let l = try #require(plan.links.first)
        #expect(l.keyRateBps == 0)
        #expect(l.noKeyReason?.hasPrefix("loss 80.0 dB exceeds the") == true)
        #expect((l.marginDB ?? 0) < 0)
    }

    @Test func continuousVariableNeedsGaussianSource() throws {
        let plan = planner.plan(Fixtures.topology(nodes: [Fixtures.node("A"), Fixtures.node("B")],
                                                  links: [Fixtures.fiber("V", "A", "B", km: 10, protocol: .cvGG02)]))
        #expect(plan.links.first?.noKeyReason == "cv-gg02 needs a coherent-gaussian source; A sends weak-coherent states")
        #expect(plan.links.first?.keyRateBps == 0 && plan.links.first?.marginDB == nil)
        #expect(plan.diagnostics.contains { $0.severity == .error && $0.keyPath == "equipment.sources.wcp.kind" })
        // With no source named, the built-in one is used: the error is at the key to set, not at the default's citation.
        var bare = Fixtures.topology(nodes: [Fixtures.node("A"), Fixtures.node("B")],
                                     links: [Fixtures.fiber("V", "A", "B", km: 10, protocol: .cvGG02)])
        bare.nodes[0].source = nil
        bare.equipment.sources = []
        let errors = planner.plan(bare).diagnostics.filter { $0.severity == .error }
        #expect(errors.map(\.keyPath) == ["links[0].source"])
    }

    @Test func spdcSourceCannotRunDecoyBB84() throws {
        var topology = Fixtures.topology(nodes: [Fixtures.node("A"), Fixtures.node("B")],
                                         links: [Fixtures.fiber("L", "A", "B", km: 10)])
        topology.equipment.sources[0].kind = .spdc
        #expect(planner.plan(topology).links.first?.noKeyReason == "source emits SPDC pairs: bb84-decoy needs a weak-coherent source")
    }

    @Test func edgeInputsGiveNoNaN() throws {
        var nodes = [Fixtures.node("A"), Fixtures.node("B"), Fixtures.node("C"), Fixtures.node("D", .trusted),
                     Fixtures.node("R", .repeater), Fixtures.node("S", .satellite)]
        nodes[5].altitude = Quantity(500, .kilometre)
        var zeroEfficiency = Detector(name: "dead")
        zeroEfficiency.efficiency = Quantity(0, .percent)
        var blind = Fixtures.fiber("blind", "A", "C", km: 10)
        blind.detector = "dead"
        var freeSpace = Fixtures.fiber("fs0", "C", "D", km: 0)
        freeSpace.medium = .freeSpace
        freeSpace.turbulenceCn2 = Quantity(1e-14, .perMetreTwoThirds)
        freeSpace.pointingJitter = Quantity(2, .microradian)
        var horizon = Link(id: "sat", from: "S", to: "D", medium: .satellite)
        horizon.elevation = Quantity(0, .degree)
        var uplink = Link(id: "up", from: "B", to: "S", medium: .satellite)
        uplink.direction = .uplink
        uplink.pass = SatellitePass()
        var slant = Link(id: "slant", from: "S", to: "C", medium: .satellite, length: Quantity(1200, .kilometre))
        slant.beamDivergence = Quantity(10, .microradian)
        let links = [Fixtures.fiber("zero", "A", "B", km: 0), Fixtures.fiber("huge", "B", "C", km: 1e6), blind, freeSpace,
                     horizon, uplink, slant,
                     Fixtures.fiber("e1", "A", "R", km: 1e5, protocol: .entanglement),
                     Fixtures.fiber("e2", "R", "D", km: 0, protocol: .entanglement),
                     Fixtures.fiber("ghost", "A", "Nowhere", km: 1)]
        var topology = Fixtures.topology(nodes: nodes, links: links,
                                         demands: [Fixtures.demand("A", "D"), Fixtures.demand("B", "C", kbps: 0)])
        topology.equipment.detectors.append(zeroEfficiency)
        let plan = planner.plan(topology)
        #expect(Fixtures.nonFiniteFields(plan) == [])
        #expect(plan.links.count == links.count - 1)
        #expect(plan.diagnostics.contains { $0.severity == .error && $0.keyPath == "links[9].between" })
        #expect(plan.links.first { $0.id == "up" }?.pass != nil)
        let byID = Dictionary(uniqueKeysWithValues: plan.links.map { ($0.id, $0) })
        #expect((byID["zero"]?.keyRateBps ?? 0) > 0)
        #expect(byID["huge"]?.keyRateBps == 0 && byID["huge"]?.noKeyReason != nil)
        #expect(byID["blind"]?.keyRateBps == 0 && byID["blind"]?.noKeyReason != nil)
        #expect(byID["sat"]?.keyRateBps == 0)
    }

    @Test func incrementalReplanEqualsFullPlan() throws {
        let session = PlanningSession()
        var topology = SyntheticNetwork.make(nodes: 60, seed: 7)
        let first = session.plan(topology)
        #expect(first == planner.plan(topology))
        #expect(session.lastRecomputedLinkCount == topology.links.count)
        topology.links[3].length = Quantity((topology.links[3].length?.magnitude ?? 10) + 7, .kilometre)
        let second = session.plan(topology)
        #expect(session.lastRecomputedLinkCount == 1)
        #expect(second == planner.plan(topology))
        #expect(second != first)
        // Unchanged topology: nothing recomputed, nothing rerouted.
        #expect(session.plan(topology) == second)
        #expect(session.lastRecomputedLinkCount == 0 && session.lastReroutedDemandCount == 0)
        // A node edit re-plans the links that touch the node (either end), and only those.
        topology.nodes[0].detector = nil
        let touching = topology.links.filter { $0.touches(topology.nodes[0].id) }.count
        let third = session.plan(topology)
        #expect(session.lastRecomputedLinkCount == touching)
        #expect(third == planner.plan(topology))
        // An equipment edit re-plans every link that uses it.
        topology.equipment.detectors[0].efficiency = Quantity(60, .percent)
        #expect(session.plan(topology) == planner.plan(topology))
        #expect(session.lastRecomputedLinkCount == topology.links.count)   // every receiver uses it
    }
}
