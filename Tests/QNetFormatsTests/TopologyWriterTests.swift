import Foundation
@testable import QNetFormats
import QNetModel
import Testing

@Suite("Writing topology files")
struct TopologyWriterTests {
    /// Load → save → load gives an equal topology; save → load → save the same bytes.
    private func expectRoundTrip(_ yaml: String, file: String) throws {
        let loaded = try TopologyReader.read(yaml: yaml, file: file)
        let saved = TopologyWriter.yaml(loaded)
        let reloaded = try TopologyReader.read(yaml: saved, file: "saved \(file)")
        #expect(reloaded == loaded, "\(file) changed in a round trip:\n\(saved)")
        #expect(TopologyWriter.yaml(reloaded) == saved, "\(file) saved differently the second time")
    }

    @Test("the Shape example and the rich fixture survive a round trip")
    func fixturesRoundTrip() throws {
        try expectRoundTrip(Fixtures.shapeExample, file: "shape")
        try expectRoundTrip(Fixtures.rich, file: "rich")
    }

    @Test("every topology in topologies/ survives a round trip")
    func shippedTopologiesRoundTrip() throws {
        let folder = Fixtures.packageRoot().appendingPathComponent("topologies")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        for name in names.sorted() where name.hasSuffix(".qnet.yaml") {
            let file = folder.appendingPathComponent(name)
            try expectRoundTrip(try String(contentsOf: file, encoding: .utf8), file: name)
        }
    }

    @Test("finite_key.tail_bound is written by name and read back")
    func tailBoundRoundTrip() throws {
        var topology = Topology(name: "tail bound")
        topology.nodes = [Node(id: "A"), Node(id: "B")]
        var link = Link(id: "L1", from: "A", to: "B", length: Quantity(50, .kilometre))
        link.finiteKey = FiniteKeySettings()
        link.finiteKey?.tailBound = .chernoff
        topology.links = [link]
        let saved = TopologyWriter.yaml(topology)
        #expect(saved.contains("\n  finite_key: {tail_bound: chernoff}\n"), "\(saved)")
        try expectRoundTrip(saved, file: "tail bound")
        #expect(try TopologyReader.read(yaml: saved, file: "tail bound") == topology)
    }

    @Test("keys come in a fixed order, short mappings in flow style, absent keys left out")
    func layout() throws {
        var topology = Topology(name: "two nodes")
        topology.nodes = [Node(id: "A", position: .planar(x: Quantity(0, .kilometre), y: Quantity(1.5, .kilometre))),
                          Node(id: "B")]
        var link = Link(id: "L1", from: "A", to: "B", length: Quantity(25, .kilometre))
        link.extraLosses = [NamedLoss(name: "connectors", loss: Quantity(1, .decibel))]
        topology.links = [link]
        topology.description = "first\nsecond"
        #expect(TopologyWriter.yaml(topology) == """
            qnet: 1
            name: two nodes
            description: |-
              first
              second
            nodes:
            - id: A
              position: {x: 0 km, y: 1.5 km}
            - id: B
            links:
            - id: L1
              between: [A, B]
              length: 25 km
              extra_losses: {connectors: 1 dB}

            """)
    }

    @Test("texts that YAML would misread are quoted and read back as written",
          arguments: ["yes", "no", "true", "1e3", "007", "0x1F", "a: b", "#x", "", " leading space", "trailing ",
                      "Zürich – Ω 量子", "null", "~", "2024-01-01", "- item", "[A, B]", "{x: 1}", "'quoted'",
                      "\"double\"", "@at", "`tick`", "*star", "&amp", "!bang", "%pct", "50 km", "1.16", "tab\there"])
    func trickyStrings(text: String) throws {
        var topology = Topology(name: text)
        topology.description = text
        topology.sources = [text]
        var node = Node(id: "A")
        node.name = text
        topology.nodes = [node]
        let saved = TopologyWriter.yaml(topology)
        let reloaded = try TopologyReader.read(yaml: saved, file: "tricky")
        #expect(reloaded == topology, "\(saved)")
    }

    @Test("numbers in shortest form and a boolean key's true/false stay plain; other numbers and YAML words, true as text too, are quoted")
    func quotingChoices() {
        var topology = Topology(name: "1e3")
        topology.sources = ["1.16", "yes", "plain text", "~", "true"]
        var satellite = Node(id: "SAT", kind: .satellite)
        satellite.trusted = false
        var named = Node(id: "true")
        named.name = "false"
        topology.nodes = [satellite, named]
        #expect(TopologyWriter.yaml(topology) == """
            qnet: 1
            name: '1e3'
            sources:
            - 1.16
            - 'yes'
            - plain text
            - '~'
            - 'true'
            nodes:
            - id: SAT
              kind: satellite
              trusted: false
            - id: 'true'
              name: 'false'

            """)
    }

    @Test("a long description is written as a folded block wrapped at spaces to 100 columns, and reads back as it was")
    func longDescriptionIsFolded() throws {
        var topology = Topology(name: "long")
        topology.description = (1...60).map { "word\($0)" }.joined(separator: " ") + "  two  spaces kept, a #hash, - a dash"
        let text = TopologyWriter.yaml(topology)
        let lines = text.components(separatedBy: "\n")
        let start = try #require(lines.firstIndex(of: "description: >-"))
        let block = lines[(start + 1)...].prefix { $0.hasPrefix("  ") }
        #expect(block.count > 3 && block.allSatisfy { $0.count <= TopologyWriter.foldWidth && !$0.dropFirst(2).hasPrefix(" ") })
        let back = try TopologyReader.read(yaml: text, file: "long")
        #expect(back.description == topology.description)
        #expect(TopologyWriter.yaml(back) == text)
        // A short one stays on its line.
        topology.description = "A short note."
        #expect(TopologyWriter.yaml(topology).contains("description: A short note.\n"))
        // The reviewer's case: a text of several lines (a literal block) with a line that ends in ': >-' is not folded.
        let words = (1...40).map { "word\($0)" }.joined(separator: " ")
        topology.description = "intro\nsee: >-\n" + words
        let literal = TopologyWriter.yaml(topology)
        #expect(try TopologyReader.read(yaml: literal, file: "literal").description == topology.description)
        // A hand-written `description: >` (one line and its line break) is folded and wrapped too.
        topology.description = words + " " + words + "\n"
        let folded = TopologyWriter.yaml(topology)
        #expect(folded.contains("description: >\n") && !folded.contains(words + " " + words))
        #expect(try TopologyReader.read(yaml: folded, file: "folded").description == topology.description)
    }
}
