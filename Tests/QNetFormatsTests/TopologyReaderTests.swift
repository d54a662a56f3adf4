import Foundation
import QNetFormats
import QNetModel
import Testing

@Suite("Reading topology files")
struct TopologyReaderTests {
    private func load(_ yaml: String) throws -> Topology {
        try TopologyReader.read(yaml: yaml, file: "test.qnet.yaml")
    }

    @Test("the Shape example of the format loads with every key in the model")
    func shapeExample() throws {
        let topology = try load(Fixtures.shapeExample)
        #expect(topology.name == "Vienna metro (SECOQC-like)")
        #expect(topology.description == "free text")
        #expect(topology.sources == ["Peev et al., New J. Phys. 11, 075001 (2009)"])

        let defaults = topology.defaults
        #expect(defaults.wavelength == Quantity(1550, .nanometre))
        #expect(defaults.fiberAttenuation == Quantity(0.2, .decibelPerKilometre))
        #expect(defaults.fiberDispersion == Quantity(17, .picosecondPerNanometreKilometre))
        #expect(defaults.clockSyncJitter == Quantity(10, .picosecond))
        #expect(defaults.protocolKind == .bb84Decoy)

        let source = try #require(topology.equipment.source(named: "wcp-1g"))
        #expect(source.kind == .weakCoherent)
        #expect(source.repetitionRate == Quantity(1, .gigahertz))
        #expect(source.signalIntensity == .auto)
        #expect(source.decoy == .vacuumWeak)
        #expect(source.decoyIntensity == .fixed(0.1))
        #expect(source.jitter == Quantity(10, .picosecond))
        #expect(source.linewidth == Quantity(0.1, .nanometre))

        let detector = try #require(topology.equipment.detector(named: "snspd"))
        #expect(detector.kind == .snspd)
        #expect(detector.efficiency == Quantity(85, .percent))
        #expect(detector.darkCountRate == Quantity(100, .hertz))
        #expect(detector.deadTime == Quantity(50, .nanosecond))
        #expect(detector.deadTimeModel == .nonParalysable)
        #expect(detector.jitter == Quantity(30, .picosecond))
        #expect(detector.afterpulseProbability == Quantity(0, .percent))
        #expect(detector.gateWidth == Quantity(200, .picosecond))

        let memory = try #require(topology.equipment.memory(named: "nv-centre"))
        #expect(memory.efficiency == Quantity(50, .percent))
        #expect(memory.coherenceTime == Quantity(1, .second))
        #expect(memory.modes == 1)

        #expect(topology.nodes.map(\.id) == ["A", "T1", "R1", "M1", "B", "SAT", "OGS"])
        let alice = try #require(topology.node("A"))
        #expect(alice.name == "Alice HQ")
        #expect(alice.kind == .endpoint)
        #expect(alice.position == .planar(x: Quantity(0, .kilometre), y: Quantity(0, .kilometre)))
        #expect(alice.source == "wcp-1g")
        #expect(alice.detector == "snspd")
        let repeater = try #require(topology.node("R1"))
        #expect(repeater.memory == "nv-centre")
        #expect(repeater.swapSuccess == Quantity(50, .percent))
        #expect(topology.node("M1")?.kind == .relay)
        #expect(topology.node("SAT")?.altitude == Quantity(500, .kilometre))
        #expect(topology.node("OGS")?.position
            == .geographic(latitude: Quantity(47.07, .degree), longitude: Quantity(15.44, .degree)))

        #expect(topology.links.map(\.id) == ["L1", "F1", "S1"])
        let fiber = try #require(topology.link("L1"))
        #expect((fiber.from, fiber.to) == ("A", "T1"))
        #expect(fiber.medium == .fiber)
        #expect(fiber.length == Quantity(25, .kilometre))
        #expect(fiber.attenuation == Quantity(0.2, .decibelPerKilometre))
        #expect(fiber.extraLosses == [NamedLoss(name: "connectors", loss: Quantity(1, .decibel)),
                                      NamedLoss(name: "splices", loss: Quantity(0.3, .decibel))])
        #expect(fiber.misalignment == Quantity(1, .percent))
        #expect(fiber.protocolKind == .bb84Decoy)
        #expect(fiber.ecEfficiency == Quantity(1.16, .one))
        #expect(fiber.sifting == .standard)

        let freeSpace = try #require(topology.link("F1"))
        #expect(freeSpace.medium == .freeSpace)
        #expect(freeSpace.length == Quantity(2, .kilometre))
        #expect(freeSpace.txAperture == Quantity(10, .centimetre))
        #expect(freeSpace.rxAperture == Quantity(20, .centimetre))
        #expect(freeSpace.atmosphericAttenuation == Quantity(0.5, .decibelPerKilometre))
        #expect(freeSpace.turbulenceCn2 == Quantity(1e-15, .perMetreTwoThirds))
        #expect(freeSpace.pointingJitter == Quantity(2, .microradian))
        #expect(freeSpace.backgroundRate == Quantity(500, .hertz))

        let satellite = try #require(topology.link("S1"))
        #expect(satellite.medium == .satellite)
        #expect(satellite.direction == .downlink)
        #expect(satellite.turbulence == nil)   // a downlink reads none: the example leaves it in a comment
        #expect(satellite.elevation == Quantity(30, .degree))
        #expect(satellite.txAperture == Quantity(30, .centimetre))
        #expect(satellite.beamDivergence == Quantity(10, .microradian))
        #expect(satellite.rxAperture == Quantity(1, .metre))
        #expect(satellite.wavelength == Quantity(850, .nanometre))
        #expect(satellite.zenithTransmittance == Quantity(80, .percent))
        #expect(satellite.pointingJitter == Quantity(1, .microradian))

        let demand = try #require(topology.demands.first)
        #expect(topology.demands.count == 1)
        #expect(demand.id == "A-B")
        #expect((demand.from, demand.to) == ("A", "B"))
        #expect(demand.keyRate == Quantity(1, .kilobitPerSecond))
        #expect(demand.maxTrustedNodes == 2)
    }

    @Test("numbers are read from their text, whatever YAML would guess")
    func numbersFromText() throws {
        let yaml = { (count: String) in
            "qnet: 1\nname: n\nequipment:\n  detectors:\n    d: {dark_count_probability: \(count)}\n"
        }
        let values = try ["1e-6", "1.0e-6", "0.000001", "'1e-6'"].map { text in
            try load(yaml(text)).equipment.detectors.first?.darkCountProbability?.si
        }
        #expect(values == Array(repeating: 1e-6, count: 4))
    }

    @Test("the rich fixture reads protocol parameters, nested mappings and quoted texts")
    func richFixture() throws {
        let topology = try load(Fixtures.rich)
        #expect(topology.name == "yes")
        #expect(topology.description == "Two lines of text,\nwith a colon: here and # a hash")
        #expect(topology.sources == ["1e3", "", " leading space", "Zürich – Ω", "a: b", "#x", "null", "~", "2024-01-01"])
        #expect(topology.node("B")?.name == "1e3")
        #expect(topology.link("F1")?.finiteKey?.blockSize == Quantity(1e9, .one))
        #expect(topology.link("S1")?.pass?.passesPerDay == Quantity(2, .one))
        #expect(topology.link("M1")?.extraLosses.map(\.name) == ["connectors", "patch: panel"])
        #expect(topology.demands.map(\.resolvedID) == ["A-B", "far"])
    }

    @Test("empty sections read as empty")
    func emptySections() throws {
        let topology = try load("qnet: 1\nname: empty\nnodes:\nlinks: []\nequipment:\n  sources:\n")
        #expect(topology.nodes.isEmpty && topology.links.isEmpty && topology.equipment.sources.isEmpty)
    }

    @Test("a file on disk loads, and a missing one is a located error naming it")
    func readsFiles() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("qnet-read-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("shape.qnet.yaml")
        try Fixtures.shapeExample.write(to: file, atomically: false, encoding: .utf8)
        #expect(try TopologyReader.read(contentsOf: file).nodes.count == 7)

        let missing = folder.appendingPathComponent("missing.qnet.yaml")
        let error = try #require(throws: TopologyLoadError.self) { try TopologyReader.read(contentsOf: missing) }
        #expect(error.description == "\(missing.path):1:1: error: cannot read the file: no such file")
    }

    @Test("bytes that are not UTF-8 are an error naming their line")
    func notUTF8() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("qnet-utf8-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("latin1.qnet.yaml")
        try Data("qnet: 1\nname: Z".utf8 + [0xFC] + Data("rich\n".utf8)).write(to: file)
        let error = try #require(throws: TopologyLoadError.self) { try TopologyReader.read(contentsOf: file) }
        let diagnostic = try #require(error.diagnostics.first)
        #expect(diagnostic.location == SourceLocation(file: file.path, line: 2, column: 1))
        #expect(diagnostic.message.contains("not UTF-8"))
    }
}
