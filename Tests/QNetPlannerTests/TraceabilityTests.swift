import Foundation
import QNetModel
import QNetPhysics
import Testing

@testable import QNetPlanner

/// Every figure the planner shows names where it came from, and a link without key says how far it is from one.
@Suite("Traceability of budgets, inherited keys and margins")
struct TraceabilityTests {
    let planner = Planner()

    /// Two nodes with no equipment (the planner's built-in source and detector) and one fiber link of `km`.
    private func bareLink(km: Double, dispersion: Quantity? = nil) -> Topology {
        var link = Fixtures.fiber("L500", "A", "B", km: km)
        link.dispersion = dispersion
        return Topology(name: "bare", nodes: [Node(id: "A", kind: .trusted), Node(id: "B", kind: .trusted)], links: [link])
    }

    // MARK: Margin of a link without key (M9)

    @Test("a link without key reports the loss to remove: removing a little more gives a key, a little less none")
    func negativeMarginIsTheLossToRemove() throws {
        let zero = Quantity(0, .picosecondPerNanometreKilometre)  // no dispersion: e_d does not change with length
        let far = try #require(planner.plan(bareLink(km: 500, dispersion: zero)).links.first)
        let margin = try #require(far.marginDB)
        #expect(far.keyRateBps == 0 && margin < -1)
        let perKm = 0.2  // dB/km, the built-in attenuation
        let beyond = try #require(planner.plan(bareLink(km: 500 - (-margin + 0.3) / perKm, dispersion: zero)).links.first)
        let short = try #require(planner.plan(bareLink(km: 500 - (-margin - 0.3) / perKm, dispersion: zero)).links.first)
        #expect(beyond.keyRateBps > 0)
        #expect(short.keyRateBps == 0)
    }

    @Test("the tester's L500: no loss gives a key at its optical error, so no margin (null) and the reason says why")
    func noThresholdKeepsNullAndSaysWhy() throws {
        let plan = planner.plan(bareLink(km: 500))
        let link = try #require(plan.links.first)
        let detector = try #require(link.detector)
        #expect(link.keyRateBps == 0 && link.marginDB == nil)
        // e_d = 1 % + 1/2 of the inter-symbol fraction that 850 ps of dispersion gives.
        let errorRate = 0.01 + 0.5 * detector.interSymbolFraction
        #expect(errorRate > 0.09)
        // The physics agrees: at this e_d not even a lossless channel gives a key.
        let parameters = DecoyBB84Parameters(transmittance: 1, darkYield: detector.darkProbabilityPerWindow,
                                             misalignment: errorRate, ecEfficiency: 1.16, siftingFactor: 0.5,
                                             decoy: .vacuumWeak(decoyIntensity: 0.1))
        #expect(DecoyBB84.thresholdTransmittance(parameters, signalIntensity: nil) == nil)
        let reason = try #require(link.noKeyReason)
        #expect(reason.hasPrefix("no loss gives a key, not even a lossless channel"))
        #expect(reason.contains("e_d \(Format.percent(errorRate))") && reason.contains("misalignment 1 %"))
        #expect(reason.contains(Format.percent(detector.interSymbolFraction)))
        // At 400 km a threshold exists and the margin is negative, as the tester saw (−28.9 dB).
        let near = try #require(planner.plan(bareLink(km: 400)).links.first)
        #expect(near.keyRateBps == 0 && (near.marginDB ?? 0) < -28 && (near.marginDB ?? 0) > -30)
    }

    @Test("a detector with 0.2 dark counts per gate: no loss gives a key, and the reason blames the noise, not e_d")
    func noiseWithoutThresholdIsBlamed() throws {
        var topology = bareLink(km: 10)
        var detector = Detector(name: "noisy")
        detector.kind = .ingaasAPD
        detector.efficiency = Quantity(10, .percent)
        detector.darkCountProbability = Quantity(0.2, .one)
        topology.equipment.detectors = [detector]
        topology.links[0].detector = "noisy"
        let link = try #require(planner.plan(topology).links.first)
        #expect(link.keyRateBps == 0 && link.marginDB == nil)
        let reason = try #require(link.noKeyReason)
        #expect(reason.hasPrefix("no loss gives a key, not even a lossless channel: 0.2"))
        #expect(reason.contains("noise clicks per window") && reason.hasSuffix("e_d 1 % alone would allow one"))
    }

    // MARK: Built-in figures by detector kind (QA M8)

    @Test("a detector that gives only its kind is planned with that kind's figures, each quoting its reference",
          arguments: [DetectorKind.ingaasAPD, .siAPD, .snspd])
    func detectorKindDefaults(kind: DetectorKind) throws {
        var topology = bareLink(km: 20)
        var detector = Detector(name: "d")
        detector.kind = kind
        topology.equipment.detectors = [detector]
        topology.links[0].detector = "d"
        let link = try #require(planner.plan(topology).links.first)
        let budget = try #require(link.detector), bases = budget.bases
        let table = kind.builtInDefaults, builtIn = PlanningDefaults.detector(kind)
        #expect(budget.detectorEfficiency == table.efficiency.quantity.si)
        #expect(bases.detectorEfficiency == builtIn.efficiency.basis && bases.detectorEfficiency.contains(table.efficiency.reference))
        #expect(bases.afterpulseProbability == builtIn.afterpulseProbability.basis)
        #expect(bases.deadTime == builtIn.deadTime.basis)
        let darkRate = try #require(table.darkCountRate).quantity.si
        #expect(abs(budget.darkProbabilityPerWindow - darkRate * budget.windowSeconds) < 1e-15)
        if kind != .snspd { #expect(!bases.detectorEfficiency.contains("SNSPD")) }
    }

    @Test("a homodyne detector that gives no efficiency is planned at the 60 % its form and `keys` name")
    func homodyneDefault() throws {
        var topology = bareLink(km: 20)
        var source = PhotonSource(name: "g")
        source.kind = .coherentGaussian
        var detector = Detector(name: "h")
        detector.kind = .homodyne
        topology.equipment.sources = [source]
        topology.equipment.detectors = [detector]
        topology.links[0].source = "g"
        topology.links[0].detector = "h"
        topology.links[0].protocolKind = .cvGG02
        let cv = try #require(planner.plan(topology).links.first?.continuousVariable)
        #expect(cv.detectorEfficiency == DetectorKind.homodyne.builtInDefaults.efficiency.quantity.si)
        #expect(Detector.field(named: "efficiency")?.help.contains("homodyne 60 %") == true)
    }

    // MARK: Detector budget bases and the background assumption (M4)

    @Test("every receiver figure of the detector budget names its key; the background names links[i].background_rate")
    func detectorBudgetBases() throws {
        var link = Link(id: "FS", from: "A", to: "B", medium: .freeSpace, length: Quantity(80, .metre))
        link.backgroundRate = Quantity(20, .kilohertz)
        var topology = Fixtures.topology(nodes: [Fixtures.node("A"), Fixtures.node("B")], links: [link])
        topology.equipment.detectors[0].gateWidth = Quantity(2, .nanosecond)
        let plan = try #require(planner.plan(topology).links.first)
        let detector = try #require(plan.detector)
        let bases = detector.bases
        #expect(bases.detectorEfficiency == "equipment.detectors.snspd.efficiency")
        #expect(bases.window == "equipment.detectors.snspd.gate_width")
        #expect(bases.darkCounts == "equipment.detectors.snspd.dark_count_rate x window")
        #expect(bases.backgroundRate == "links[0].background_rate")
        #expect(bases.afterpulseProbability == PlanningDefaults.defaultDetector.afterpulseProbability.basis)
        #expect(bases.repetitionRate == "equipment.sources.wcp.repetition_rate")
        #expect(bases.deadTime == PlanningDefaults.defaultDetector.deadTime.basis)
        // 20 kHz × 2 ns = 4e-5 per window, the Vienna free-space link's figure.
        #expect(abs(detector.backgroundProbabilityPerWindow - 4e-5) < 1e-12)
        let background = try #require(plan.assumptions.first { $0.name == "background" })
        #expect(background.value == "4e-05 per window" && background.basis == "links[0].background_rate x window")
    }

    // MARK: Repeater elementary fidelity (M5)

    @Test("the elementary fidelity names the misalignment it comes from: 1 % gives 0.985, 3 % gives 0.955", arguments: [
        (1.0, "0.985"), (3.0, "0.955"),
    ])
    func elementaryFidelityAssumption(percent: Double, fidelity: String) throws {
        var nodes = [Fixtures.node("A"), Fixtures.node("R", .repeater), Fixtures.node("B")]
        nodes[1].memory = "mem"
        let links = [Fixtures.fiber("Q0", "A", "R", km: 25, protocol: .entanglement),
                     Fixtures.fiber("Q1", "R", "B", km: 25, protocol: .entanglement)]
        var topology = Fixtures.topology(nodes: nodes, links: links)
        topology.equipment.memories = [QuantumMemory(name: "mem")]
        topology.defaults.misalignment = Quantity(percent, .percent)
        let chain = try #require(planner.plan(topology).segments.first?.repeater)
        let line = try #require(chain.assumptions.first { $0.name == "elementary fidelity" })
        #expect(Format.number(chain.elementaryFidelity[0], digits: 3) == fidelity)
        // The fixture's detector (100 Hz dark counts) makes a few false heralds: F_h is 1 to three digits.
        #expect(line.value.contains("F0 = (1 - 2 e_d) F_h + e_d/2 = \(fidelity), F_h = 1 the two-click fidelity with false heralds"))
        #expect(line.value.contains("misalignment \(Format.number(percent)) %") && line.value.contains("(2 link(s))"))
        #expect(line.basis.hasPrefix("defaults.misalignment;"))
    }

    // MARK: Inherited link keys (M8)

    @Test("a link key left empty takes the file's defaults.X when set, else the built-in with its reference")
    func inheritedValues() throws {
        var topology = Fixtures.topology(nodes: [Fixtures.node("A"), Fixtures.node("B")],
                                         links: [Fixtures.fiber("L", "A", "B", km: 10)])
        let builtIn = try #require(InheritedLinkValue.values(ofLinkAt: 0, in: topology))
        #expect(builtIn["misalignment"] == InheritedLinkValue(value: "1 %", basis: PlanningDefaults.misalignment.basis))
        #expect(builtIn["ec_efficiency"] == InheritedLinkValue(value: "1.16", basis: PlanningDefaults.ecEfficiency.basis))
        #expect(builtIn["attenuation"] == InheritedLinkValue(value: "0.2 dB/km", basis: PlanningDefaults.fiberAttenuation.basis))
        topology.defaults.misalignment = Quantity(2, .percent)
        topology.defaults.ecEfficiency = Quantity(1.2, .one)
        topology.defaults.sifting = .efficient
        topology.defaults.fiberDispersion = Quantity(18, .picosecondPerNanometreKilometre)
        topology.equipment.sources[0].wavelength = Quantity(1310, .nanometre)
        let set = try #require(InheritedLinkValue.values(ofLinkAt: 0, in: topology))
        #expect(set["misalignment"] == InheritedLinkValue(value: "2 %", basis: "defaults.misalignment"))
        #expect(set["ec_efficiency"] == InheritedLinkValue(value: "1.2", basis: "defaults.ec_efficiency"))
        #expect(set["sifting"] == InheritedLinkValue(value: "efficient", basis: "defaults.sifting"))
        #expect(set["dispersion"] == InheritedLinkValue(value: "18 ps/nm/km", basis: "defaults.fiber_dispersion"))
        #expect(set["wavelength"] == InheritedLinkValue(value: "1310 nm", basis: "equipment.sources.wcp.wavelength"))
        // The plan assumes the same.
        let plan = try #require(planner.plan(topology).links.first)
        #expect(plan.assumptions.contains { $0.name == "misalignment" && $0.value == "2 %" && $0.basis == "defaults.misalignment" })
    }

    @Test("every key of defaults: is one a link inherits, and the link key's help says so")
    func everyDefaultsKeyIsInheritedAndDocumented() throws {
        let topology = Fixtures.topology(nodes: [Fixtures.node("A"), Fixtures.node("B")],
                                         links: [Fixtures.fiber("L", "A", "B", km: 10)])
        var withDefaults = topology
        for field in TopologyDefaults.fields {
            let sample: FieldValue = switch field.key {
            case "protocol": .scalar("bbm92")
            case "sifting": .scalar("efficient")
            case "wavelength": .scalar("1310 nm")
            case "fiber_attenuation": .scalar("0.3 dB/km")
            case "fiber_dispersion": .scalar("3 ps/nm/km")
            case "clock_sync_jitter": .scalar("20 ps")
            case "misalignment": .scalar("2 %")
            default: .scalar("1.3")
            }
            try field.write(sample, into: &withDefaults.defaults)
        }
        let inherited = try #require(InheritedLinkValue.values(ofLinkAt: 0, in: withDefaults))
        for field in TopologyDefaults.fields {
            let entry = inherited.first { $0.value.basis == "defaults.\(field.key)" }
            let key = try #require(entry?.key, "no link key inherits defaults.\(field.key)")
            let help = try #require(Link.field(named: key)?.help)
            #expect(help.contains("default ") && help.contains("defaults.\(field.key), else "), "\(key): \(help)")
        }
    }
}
