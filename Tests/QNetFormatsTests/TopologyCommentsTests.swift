import Foundation
import QNetFormats
import QNetModel
import Testing

@Suite("Keeping comments when a topology is saved")
struct TopologyCommentsTests {
    /// The comments of `yaml` as the reader finds them.
    private func comments(_ yaml: String) throws -> [String] {
        try TopologyReader.document(yaml: yaml, file: "test").comments.texts
    }

    /// Every line's text from its first `#` at the start or after a blank: the comments of
    /// a file that holds no `#` inside quotes or `|`/`>` blocks, as the files in topologies/ do.
    private func hashedTails(_ text: String) -> [String] {
        text.split(separator: "\n").compactMap { line in
            guard let hash = line.indices.first(where: { line[$0] == "#" && ($0 == line.startIndex || line[line.index(before: $0)] == " ") })
            else { return nil }
            return String(line[hash...]).trimmingCharacters(in: .whitespaces)
        }
    }

    /// A file with a header, blocks before items and keys, end-of-line comments and blank
    /// lines, laid out as the writer lays it out (so a save without edits gives it back).
    private let commented = """
        # Header: what this network is.
        # Second header line.

        qnet: 1
        name: commented   # the name
        equipment:
          detectors:
            # The receivers' detector.
            snspd:
              kind: snspd
              efficiency: 85 %   # data sheet
        nodes:
        # Alice's site.
        - id: A
          position: {x: 0 km, y: 0 km}
          detector: snspd
        - id: B   # Bob
          position: {x: 10 km, y: 0 km}

        # The relay, added later.
        - id: C
          position: {x: 20 km, y: 0 km}
        links:
        - id: L1
          between: [A, B]
          length: 10 km
        - id: L2
          between: [B, C]
          length: 10 km
          misalignment: 2 %  # worst case
        demands:
        - between: [A, C]   # the only demand
          key_rate: 1 kbit/s
        # Footer.

        """

    @Test("every file in topologies/ keeps every comment in a save without edits, and reads back the same")
    func shippedTopologiesKeepTheirComments() throws {
        let folder = Fixtures.packageRoot().appendingPathComponent("topologies")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".qnet.yaml") }
        #expect(names.count >= 8)
        var total = 0
        defer { #expect(total >= 50, "the shipped topologies hold comments to keep") }
        for name in names.sorted() {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            let document = try TopologyReader.document(yaml: text, file: name)
            #expect(document.comments.texts == hashedTails(text), "\(name): the comments were not all found")
            total += document.comments.texts.count
            let saved = TopologyWriter.yaml(document)
            let reloaded = try TopologyReader.document(yaml: saved, file: "saved \(name)")
            #expect(reloaded.topology == document.topology, "\(name) read back differently:\n\(saved)")
            #expect(reloaded.comments.texts.sorted() == document.comments.texts.sorted(), "\(name) lost comments:\n\(saved)")
            #expect(TopologyWriter.yaml(reloaded) == saved, "\(name) saved differently the second time")
        }
    }

    @Test("a file without comments is written exactly as its bare topology")
    func noCommentsSameBytes() throws {
        let document = try TopologyReader.document(yaml: Fixtures.rich, file: "rich")
        #expect(document.comments.isEmpty)
        #expect(TopologyWriter.yaml(document) == TopologyWriter.yaml(document.topology))
    }

    @Test("a # in quoted texts and in | and > blocks is text, not a comment")
    func hashesInTexts() throws {
        let yaml = """
            qnet: 1
            name: 'issue #12 ''quoted'' # still text'
            description: |
              line with # a hash
              # and a line that looks like a comment
            sources:
              - "double #1 \\" # quote"
              - >-
                folded # text
              - plain#hash   # but this is a comment
            # a real comment
            nodes: []

            """
        #expect(try comments(yaml) == ["# but this is a comment", "# a real comment"])
    }

    @Test("a comment indented deeper than its key, after a text the writer puts in a | block, stays a comment")
    func commentAfterBlockText() throws {
        let yaml = """
            qnet: 1
            name: n
            description: "line1\\nline2"
                # indented note about sources
            sources: [a]
            nodes: []

            """
        let document = try TopologyReader.document(yaml: yaml, file: "n.qnet.yaml")
        let saved = TopologyWriter.yaml(document)
        let reloaded = try TopologyReader.document(yaml: saved, file: "n.qnet.yaml")
        #expect(reloaded.topology == document.topology, "\(saved)")
        #expect(reloaded.comments.texts == ["# indented note about sources"], "\(saved)")
    }

    @Test("a comment after a block's header, or inside a list written over lines, stays with its key")
    func blockHeaderAndFlowList() throws {
        let document = try TopologyReader.document(yaml: """
            qnet: 1
            name: blocks
            description: >-   # folded on save
              two
              lines
            sources: ["first",   # the paper
                      "second"]

            """, file: "blocks")
        #expect(TopologyWriter.yaml(document) == """
            qnet: 1
            name: blocks
            description: two lines # folded on save
            sources:             # the paper
            - first
            - second

            """)
    }

    @Test("a file with CRLF line ends keeps its comments in their places")
    func crlf() throws {
        let document = try TopologyReader.document(yaml: commented.replacingOccurrences(of: "\n", with: "\r\n"), file: "crlf")
        #expect(TopologyWriter.yaml(document) == commented)
    }

    @Test("header, blocks, end-of-line comments and blank lines come back in their places")
    func placesKept() throws {
        let document = try TopologyReader.document(yaml: commented, file: "commented")
        #expect(TopologyWriter.yaml(document) == commented)
    }

    @Test("comments follow their keys when the writer indents lists less and writes a mapping in flow style")
    func relaidOut() throws {
        let document = try TopologyReader.document(yaml: """
            name: relaid
            qnet: 1
            links:
              - id: L1
                between: [A, B]
                length: 5 km
                extra_losses:
                  # measured in 2024
                  connectors: 1 dB   # two connectors
                  splices: 0.5 dB    # one splice
            nodes:
              # first
              - id: A       # end of A
                name: Alice
              - id: B

            """, file: "relaid")
        #expect(TopologyWriter.yaml(document) == """
            qnet: 1
            name: relaid
            nodes:
            # first
            - id: A       # end of A
              name: Alice
            - id: B
            links:
            - id: L1
              between: [A, B]
              length: 5 km
              # measured in 2024
              # two connectors
              # one splice
              extra_losses: {connectors: 1 dB, splices: 0.5 dB}

            """)
    }

    @Test("a deleted item's comments go with it and a new item has none")
    func deleteAndAdd() throws {
        var document = try TopologyReader.document(yaml: commented, file: "commented")
        document.topology.nodes.removeAll { $0.id == "B" }
        document.topology.links.removeAll { $0.touches("B") }
        document.topology.nodes.append(Node(id: "D", position: .planar(x: Quantity(5, .kilometre), y: Quantity(5, .kilometre))))
        let saved = TopologyWriter.yaml(document)
        #expect(try comments(saved) == ["# Header: what this network is.", "# Second header line.", "# the name",
                                        "# The receivers' detector.", "# data sheet", "# Alice's site.",
                                        "# The relay, added later.", "# the only demand", "# Footer."])
        #expect(!saved.contains("\n\n\n"))
        #expect(saved.contains("  position: {x: 20 km, y: 0 km}\n- id: D\n  position: {x: 5 km, y: 5 km}\ndemands:\n"), "\(saved)")
    }

    @Test("a block below an item's last key, deeper than the next item, stays with the item above")
    func blockBelowAnItem() throws {
        let yaml = """
            qnet: 1
            name: below
            nodes:
            - id: A
              position: {x: 0 km, y: 0 km}
              # A's rack is in building 2.

              # Its fibre enters from the north.
            # B, added later.
            - id: B
              position: {x: 10 km, y: 0 km}
            - id: C
              position: {x: 20 km, y: 0 km}

            """
        var document = try TopologyReader.document(yaml: yaml, file: "below")
        #expect(TopologyWriter.yaml(document) == yaml)
        document.topology.nodes.removeAll { $0.id == "B" }
        document.topology.nodes.removeAll { $0.id == "C" }
        document.topology.nodes.append(Node(id: "C", position: .planar(x: Quantity(20, .kilometre), y: Quantity(0, .kilometre))))
        let saved = TopologyWriter.yaml(document)
        #expect(saved.contains("""
            - id: A
              position: {x: 0 km, y: 0 km}
              # A's rack is in building 2.

              # Its fibre enters from the north.
            - id: C

            """), "\(saved)")
        #expect(try comments(saved) == ["# A's rack is in building 2.", "# Its fibre enters from the north."])
    }

    @Test("a block below the last item of a list belongs to that item, not to the list")
    func blockBelowTheLastItem() throws {
        let yaml = """
            qnet: 1
            name: last
            nodes:
            - id: A
              position: {x: 0 km, y: 0 km}
            - id: B
              position: {x: 10 km, y: 0 km}
              # about B, the last node

            links:
            - id: L1
              between: [A, B]
              length: 10 km

            """
        let document = try TopologyReader.document(yaml: yaml, file: "last")
        #expect(TopologyWriter.yaml(document) == yaml)
        var appended = document
        appended.topology.nodes.append(Node(id: "D", position: .planar(x: Quantity(5, .kilometre), y: Quantity(5, .kilometre))))
        #expect(TopologyWriter.yaml(appended).contains("  position: {x: 10 km, y: 0 km}\n  # about B, the last node\n\n- id: D\n"))
        var deleted = document
        deleted.topology.nodes.removeAll { $0.id == "B" }
        deleted.topology.links.removeAll()
        #expect(try comments(TopologyWriter.yaml(deleted)).isEmpty)
    }

    @Test("a block below a one-line item is written deeper than the next item, so it stays with its item")
    func blockBelowAOneLineItem() throws {
        let yaml = """
            qnet: 1
            name: short
            nodes:
            - id: A
              # about A
            - id: B
            - id: C

            """
        var document = try TopologyReader.document(yaml: TopologyWriter.yaml(TopologyReader.document(yaml: yaml, file: "short")),
                                                    file: "short")
        document.topology.nodes.removeAll { $0.id == "B" }
        #expect(TopologyWriter.yaml(document).hasSuffix("- id: A\n  # about A\n- id: C\n"), "\(TopologyWriter.yaml(document))")
    }

    @Test("a deeper block at the end of the file stays a comment after a | text, with the item it sits under")
    func deepBlockAtTheEnd() throws {
        let yaml = """
            qnet: 1
            name: end
            description: "line one\\nline two"
              # deep at the end
            # footer

            """
        let document = try TopologyReader.document(yaml: yaml, file: "end")
        let saved = TopologyWriter.yaml(document)
        let reloaded = try TopologyReader.document(yaml: saved, file: "end")
        #expect(saved.contains("description: |") && reloaded.topology == document.topology, "\(saved)")
        #expect(reloaded.comments.texts == ["# deep at the end", "# footer"], "\(saved)")
        #expect(TopologyWriter.yaml(reloaded) == saved)
        // Without a footer, blank lines after the block at the end of the file are not kept, as after a footer.
        let ending = yaml.replacingOccurrences(of: "# footer\n", with: "\n")
        #expect(TopologyWriter.yaml(try TopologyReader.document(yaml: ending, file: "end")).hasSuffix("# deep at the end\n"))
    }

    @Test("a block below a | text, deeper than the next key, ends the text: the text reads back unchanged")
    func blockBelowALiteralText() throws {
        let yaml = """
            qnet: 1
            name: below
            description: "first line\\nsecond line"
                # deep under the description
            nodes: []

            """
        let document = try TopologyReader.document(yaml: yaml, file: "below")
        let saved = TopologyWriter.yaml(document)
        let reloaded = try TopologyReader.document(yaml: saved, file: "below")
        #expect(saved.contains("description: |") && reloaded.topology == document.topology, "\(saved)")
        #expect(reloaded.comments.texts == ["# deep under the description"], "\(saved)")
        #expect(TopologyWriter.yaml(reloaded) == saved)
    }

    @Test("the comments of a key no longer written go at the end of the file, before its footer")
    func clearedKeyAtTheEnd() throws {
        let yaml = commented.replacingOccurrences(of: "  misalignment: 2 %  # worst case\n",
                                                  with: "  misalignment: 2 %  # worst case\n  # assumed\n  ec_efficiency: 1.1\n")
        var document = try TopologyReader.document(yaml: yaml, file: "cleared")
        document.topology.links[1].ecEfficiency = nil
        document.topology.links[1].misalignment = nil
        #expect(TopologyWriter.yaml(document).hasSuffix("""
              key_rate: 1 kbit/s

            # worst case
            # assumed
            # Footer.

            """))
    }

    @Test("a workbench rename carries the item's comments to its new name")
    func renameFollows() throws {
        let document = try TopologyReader.document(yaml: commented, file: "commented")
        var renamed = document.topology
        renamed.links[1].id = "L2-new"
        renamed.equipment.detectors[0].name = "snspd-2"
        renamed.nodes[0].detector = "snspd-2"
        let comments = document.comments.following(renamesFrom: document.topology, to: renamed)
        let saved = TopologyWriter.yaml(TopologyDocument(topology: renamed, comments: comments))
        #expect(saved == commented.replacingOccurrences(of: " snspd:", with: " snspd-2:")
            .replacingOccurrences(of: "detector: snspd", with: "detector: snspd-2").replacingOccurrences(of: "L2", with: "L2-new"))
        let undone = comments.following(renamesFrom: renamed, to: document.topology)
        #expect(TopologyWriter.yaml(TopologyDocument(topology: document.topology, comments: undone))
                == TopologyWriter.yaml(document))
    }
}
