import QNetFormats
import QNetModel
import Testing

/// A bad input and the located error it must produce.
struct BadInput: CustomTestStringConvertible, Sendable {
    var name: String
    var yaml: String
    var line: Int
    var column: Int
    var keyPath: String?
    var fragment: String

    var testDescription: String { name }
}

/// The first eight lines of most bad inputs: two nodes and a link between them.
private let base = """
    qnet: 1
    name: test
    nodes:
      - id: A
      - id: B
    links:
      - id: L1
        between: [A, B]

    """

private func replacing(_ old: String, with new: String) -> String {
    base.replacingOccurrences(of: old, with: new)
}

private let badInputs: [BadInput] = [
    BadInput(name: "missing unit", yaml: base + "    length: 50\n", line: 9, column: 13, keyPath: "links[0].length",
             fragment: "'50' has no unit; a length takes one of: km, m, cm, mm, um, nm"),
    BadInput(name: "wrong unit", yaml: base + "    length: 50 dB\n", line: 9, column: 13, keyPath: "links[0].length",
             fragment: "'dB' is not a unit of length; use one of: km, m"),
    BadInput(name: "digit groups split by a space (QA)", yaml: base + "    length: 30 000 km\n", line: 9, column: 13,
             keyPath: "links[0].length", fragment: "a number cannot contain a space (digit groups are not read); write 30000 km"),
    BadInput(name: "a decimal comma (QA)", yaml: base + "    length: 40,5 km\n", line: 9, column: 13,
             keyPath: "links[0].length", fragment: "'40,5 km': a decimal comma is not read; write 40.5 km, with a decimal point"),
    BadInput(name: "a word for a number", yaml: base + "    length: far\n", line: 9, column: 13,
             keyPath: "links[0].length", fragment: "'far' is not a number; expected a length"),
    BadInput(name: "negative length", yaml: base + "    length: -5 km\n", line: 9, column: 13,
             keyPath: "links[0].length", fragment: "must not be negative (got -5 km)"),
    BadInput(name: "YAML NaN", yaml: base + "    length: .nan\n", line: 9, column: 13, keyPath: "links[0].length",
             fragment: "'.nan' is not a finite number"),
    BadInput(name: "nan with a unit", yaml: base + "    length: nan km\n", line: 9, column: 13,
             keyPath: "links[0].length", fragment: "'nan km' is not a finite number"),
    BadInput(name: "infinity with a unit", yaml: base + "    length: inf km\n", line: 9, column: 13,
             keyPath: "links[0].length", fragment: "'inf km' is not a finite number"),
    BadInput(name: "null where a value is needed", yaml: base + "    length: ~\n", line: 9, column: 13,
             keyPath: "links[0].length", fragment: "has no value"),
    BadInput(name: "a list where a value belongs", yaml: base + "    length: [1 km, 2 km]\n", line: 9, column: 13,
             keyPath: "links[0].length", fragment: "takes a single value, not a list"),
    BadInput(name: "a list nested in a mapping value",
             yaml: base + "    pass: {min_elevation: [1 deg]}\n", line: 9, column: 27,
             keyPath: "links[0].pass.min_elevation", fragment: "takes a single value here, not a list"),
    BadInput(name: "unknown key at the top", yaml: base + "nodez: []\n", line: 9, column: 1, keyPath: "nodez",
             fragment: "unknown key 'nodez' in the topology (did you mean 'nodes'?); known keys: qnet, name,"),
    BadInput(name: "unknown key in a link", yaml: base + "    lenght: 5 km\n", line: 9, column: 5,
             keyPath: "links[0].lenght", fragment: "unknown key 'lenght' in a link (did you mean 'length'?)"),
    BadInput(name: "unknown key in a node", yaml: replacing("  - id: B", with: "  - {id: B, positon: {x: 0 km, y: 0 km}}"),
             line: 5, column: 13, keyPath: "nodes[1].positon",
             fragment: "unknown key 'positon' in a node (did you mean 'position'?); known keys: id, name, kind,"),
    BadInput(name: "unknown equipment section", yaml: base + "equipment:\n  detector:\n    d: {}\n", line: 10, column: 3,
             keyPath: "equipment.detector",
             fragment: "unknown key 'detector' in equipment (did you mean 'detectors'?); known keys: sources, detectors, memories"),
    BadInput(name: "unknown key in a detector", yaml: base + "equipment:\n  detectors:\n    d: {efficency: 50 %}\n",
             line: 11, column: 9, keyPath: "equipment.detectors.d.efficency",
             fragment: "unknown key 'efficency' in a detector (did you mean 'efficiency'?)"),
    BadInput(name: "unknown key in a nested pass",
             yaml: base + "    pass: {min_elevation: 10 deg, max_elev: 70 deg}\n", line: 9, column: 35,
             keyPath: "links[0].pass.max_elev", fragment: "unknown key 'max_elev' in pass"),
    BadInput(name: "a block of 1.5 detections", yaml: base + "    finite_key: {block_size: 1.5}\n", line: 9, column: 18,
             keyPath: "links[0].finite_key.block_size", fragment: "must be a whole number of at least 1 (got 1.5)"),
    BadInput(name: "epsilon_sec of 2, with no percentage hint", yaml: base + "    finite_key: {epsilon_sec: 2}\n", line: 9, column: 18,
             keyPath: "links[0].finite_key.epsilon_sec", fragment: "must be above 0 and below 1 (a failure probability) (got 2)"),
    BadInput(name: "a misspelt tail bound", yaml: base + "    finite_key: {tail_bound: chernof}\n", line: 9, column: 18,
             keyPath: "links[0].finite_key.tail_bound",
             fragment: "'chernof' is not one of hoeffding | chernoff (did you mean 'chernoff'?)"),
    BadInput(name: "misalignment above 50 %", yaml: base + "    misalignment: 59.9 %\n", line: 9, column: 19,
             keyPath: "links[0].misalignment", fragment: "must not be above 50 %"),
    BadInput(name: "default misalignment above 50 %", yaml: base + "defaults:\n  misalignment: 0.6\n", line: 10, column: 17,
             keyPath: "defaults.misalignment", fragment: "must not be above 50 % (an error rate above 50 % is worse than guessing) (got 0.6)"),
    BadInput(name: "efficiency above 100 %", yaml: base + "equipment:\n  detectors:\n    d: {efficiency: 120 %}\n",
             line: 11, column: 21, keyPath: "equipment.detectors.d.efficiency",
             fragment: "must not be above 100 % (got 120 %)"),
    BadInput(name: "a bad subkey of position", yaml: replacing("  - id: B", with: "  - {id: B, position: {x: far, y: 0 km}}"),
             line: 5, column: 24, keyPath: "nodes[1].position.x", fragment: "'far' is not a number"),
    BadInput(name: "duplicate node id", yaml: replacing("  - id: B", with: "  - id: A"), line: 5, column: 9,
             keyPath: "nodes[1].id", fragment: "duplicate id 'A' (first used at nodes[0].id)"),
    BadInput(name: "link to an unknown node", yaml: replacing("[A, B]", with: "[A, C]"), line: 8, column: 14,
             keyPath: "links[0].between", fragment: "link L1 names unknown node 'C'"),
    BadInput(name: "link from a node to itself", yaml: replacing("[A, B]", with: "[A, A]"), line: 8, column: 14,
             keyPath: "links[0].between", fragment: "link L1 joins node 'A' to itself"),
    BadInput(name: "unknown equipment name", yaml: replacing("  - id: B", with: "  - {id: B, detector: snspd}"),
             line: 5, column: 23, keyPath: "nodes[1].detector",
             fragment: "unknown detector 'snspd' (equipment.detectors: none defined)"),
    BadInput(name: "missing between", yaml: replacing("    between: [A, B]\n", with: "    length: 5 km\n"),
             line: 7, column: 5, keyPath: "links[0].between", fragment: "missing required key 'between'"),
    BadInput(name: "between with one end", yaml: replacing("[A, B]", with: "[A]"), line: 8, column: 14,
             keyPath: "links[0].between", fragment: "takes a list of two node ids, e.g. [A, B]"),
    BadInput(name: "a list where a mapping belongs", yaml: base + "defaults: [1550 nm]\n", line: 9, column: 11,
             keyPath: "defaults", fragment: "defaults is a mapping of keys (wavelength: …, fiber_attenuation: …), not a list"),
    BadInput(name: "a mapping where a list belongs", yaml: "qnet: 1\nname: n\nlinks:\n  id: L1\n", line: 4, column: 3,
             keyPath: "links", fragment: "takes a list, each item a link starting with `- `, not a mapping"),
    BadInput(name: "a value where a node belongs", yaml: "qnet: 1\nname: n\nnodes:\n  - A\n", line: 4, column: 5,
             keyPath: "nodes[0]", fragment: "a node is a mapping of keys (id: …, name: …), not a single value"),
    BadInput(name: "wrong format version", yaml: replacing("qnet: 1", with: "qnet: 2"), line: 1, column: 7,
             keyPath: "qnet", fragment: "unsupported format version 2; this qnetplan reads version 1"),
    BadInput(name: "missing name", yaml: replacing("name: test\n", with: ""), line: 1, column: 1, keyPath: "name",
             fragment: "missing required key 'name'"),
    BadInput(name: "empty file", yaml: "", line: 1, column: 1, keyPath: nil,
             fragment: "empty file: a topology needs at least `qnet: 1` and `name:`"),
    BadInput(name: "only comments", yaml: "# nothing yet\n", line: 1, column: 1, keyPath: nil, fragment: "empty file"),
    BadInput(name: "a list at the top", yaml: "- qnet: 1\n", line: 1, column: 1, keyPath: nil,
             fragment: "a topology file is a mapping of keys (qnet: 1, name: …, nodes: …), not a list"),
    BadInput(name: "malformed YAML", yaml: "qnet: 1\nname: [unclosed\nnodes: []\n", line: 3, column: 6, keyPath: nil,
             fragment: "malformed YAML: "),
    BadInput(name: "a tab in the indentation", yaml: "qnet: 1\nname: n\nnodes:\n\t- id: A\n", line: 4, column: 1,
             keyPath: nil, fragment: "a tab: YAML indents with spaces"),
    BadInput(name: "a tab after spaces in the indentation", yaml: "qnet: 1\nname: n\nnodes:\n  - id: A\n  \tkind: relay\n",
             line: 5, column: 3, keyPath: nil, fragment: "a tab: YAML indents with spaces"),
    BadInput(name: "a YAML merge key", yaml: "qnet: 1\nname: n\nnodes:\n  - &a {id: A}\n  - <<: *a\n    id: B\n",
             line: 5, column: 5, keyPath: "nodes[1]", fragment: "YAML merge keys (<<) are not supported: write the keys out"),
    BadInput(name: "a required id without a value", yaml: replacing("  - id: B", with: "  - id:"), line: 5, column: 8,
             keyPath: "nodes[1].id", fragment: "has no value, and the key is required: write one (unique id, [A-Za-z0-9_-]+)"),
    BadInput(name: "a name without a value", yaml: replacing("name: test", with: "name:"), line: 2, column: 6,
             keyPath: "name", fragment: "has no value, and the key is required: write one (e.g. `name: Vienna metro`)"),
    BadInput(name: "a duplicate id in an earlier section", yaml: """
             qnet: 1
             name: n
             nodes:
               - id: A
               - id: B
             demands:
               - {id: X, between: [A, B]}
             links:
               - {id: X, between: [A, B], length: 1 km}

             """, line: 9, column: 10, keyPath: "links[0].id", fragment: "duplicate id 'X' (first used at demands[0].id)"),
    BadInput(name: "a wavelength in km (QA)", yaml: base + "    wavelength: 1550 km\n", line: 9, column: 17,
             keyPath: "links[0].wavelength",
             fragment: "must be an optical wavelength, between 200 nm and 20 um (ultraviolet to mid-infrared; QKD uses 405 nm to 1625 nm) (got 1550 km)"),
    BadInput(name: "a source's wavelength of 10 nm", yaml: base + "equipment:\n  sources:\n    s: {wavelength: 10 nm}\n",
             line: 11, column: 21, keyPath: "equipment.sources.s.wavelength", fragment: "must be an optical wavelength"),
    BadInput(name: "a link to a satellite that names no medium defaulted to fiber (QA)",
             yaml: replacing("  - id: B", with: "  - {id: B, kind: satellite, altitude: 500 km}") + "    length: 10 km\n",
             line: 7, column: 5, keyPath: "links[0]", fragment: "link L1 names no medium, so it defaulted to fiber, but B is a satellite"),
    BadInput(name: "a misspelt medium", yaml: base + "    medium: fibre\n", line: 9, column: 13, keyPath: "links[0].medium",
             fragment: "'fibre' is not one of fiber | free-space | satellite (did you mean 'fiber'?)"),
    BadInput(name: "a misspelt protocol", yaml: base + "    protocol: bb84-decoi\n", line: 9, column: 15,
             keyPath: "links[0].protocol", fragment: "(did you mean 'bb84-decoy'?)"),
    BadInput(name: "a misspelt heralding", yaml: base + "    heralding: two-clik\n", line: 9, column: 16,
             keyPath: "links[0].heralding", fragment: "(did you mean 'two-click'?)"),
    BadInput(name: "a misspelt node kind", yaml: replacing("  - id: B", with: "  - {id: B, kind: Trusted}"), line: 5,
             column: 19, keyPath: "nodes[1].kind",
             fragment: "'Trusted' is not one of endpoint | trusted | repeater | relay | source | satellite (did you mean 'trusted'?)"),
    BadInput(name: "a misspelt unit", yaml: base + "    length: 50 kms\n", line: 9, column: 13, keyPath: "links[0].length",
             fragment: "'kms' is not a unit of length (did you mean 'km'?); use one of: km, m"),
    BadInput(name: "a unit in the wrong case", yaml: base + "    length: 50 KM\n", line: 9, column: 13, keyPath: "links[0].length",
             fragment: "'KM' is not a unit of length (did you mean 'km'?); use one of: km, m"),
    BadInput(name: "a unit of mass", yaml: base + "    length: 50 kg\n", line: 9, column: 13, keyPath: "links[0].length",
             fragment: "'kg' is not a unit of length; use one of: km, m"),
    BadInput(name: "a unit on a bare number", yaml: base + "    ec_efficiency: 1.2 %\n", line: 9, column: 20,
             keyPath: "links[0].ec_efficiency", fragment: "'%' is not allowed: this key takes a bare number, without a unit"),
    BadInput(name: "a missing unit after 'an'", yaml: base + "    attenuation: 0.2\n", line: 9, column: 18,
             keyPath: "links[0].attenuation", fragment: "'0.2' has no unit; an attenuation takes one of: dB/km, dB/m"),
    BadInput(name: "a percentage without %", yaml: base + "equipment:\n  detectors:\n    d: {efficiency: 85}\n",
             line: 11, column: 21, keyPath: "equipment.detectors.d.efficiency",
             fragment: "must not be above 100 % (got 85; write 85 % for a percentage)"),
    BadInput(name: "850 gets no hint: 850 % is refused too", yaml: base + "equipment:\n  detectors:\n    d: {efficiency: 850}\n",
             line: 11, column: 21, keyPath: "equipment.detectors.d.efficiency", fragment: "must not be above 100 % (got 850)"),
    BadInput(name: "duplicate key in one mapping", yaml: "qnet: 1\nname: a\nname: b\n", line: 3, column: 1, keyPath: nil,
             fragment: "duplicate key 'name' in one mapping: each key may be written once"),
    BadInput(name: "duplicate key in a nested block mapping, after a comment", yaml: base + "equipment:\n  detectors:\n    d:\n      efficiency: 80 %\n      # again\n      efficiency: 70 %\n",
             line: 14, column: 7, keyPath: nil, fragment: "duplicate key 'efficiency' in one mapping"),
    BadInput(name: "duplicate key in a flow mapping", yaml: base + "equipment:\n  detectors:\n    d: {efficiency: 80 %, efficiency: 70 %}\n",
             line: 11, column: 27, keyPath: nil, fragment: "duplicate key 'efficiency' in one mapping"),
]

@Suite("Errors in topology files")
struct TopologyErrorTests {
    private func problems(_ yaml: String) -> [Diagnostic] {
        do {
            _ = try TopologyReader.read(yaml: yaml, file: "test.qnet.yaml")
            return []
        } catch {
            return error.diagnostics
        }
    }

    @Test("each bad input gets an error at its line, column and key path", arguments: badInputs)
    func locatedError(_ input: BadInput) throws {
        let found = problems(input.yaml)
        let problem = try #require(found.first { $0.keyPath == input.keyPath && $0.message.contains(input.fragment) },
                                   "no error at \(input.keyPath ?? "the file") containing '\(input.fragment)' in \(found)")
        #expect(problem.severity == .error)
        #expect(problem.location == SourceLocation(file: "test.qnet.yaml", line: input.line, column: input.column),
                "\(problem)")
    }

    @Test("an error prints as compilers print, naming file, place, key path and the units accepted")
    func printedForm() throws {
        let problem = try #require(problems(base + "    length: 50\n").first)
        #expect(problem.description
            == "test.qnet.yaml:9:13: error: links[0].length: '50' has no unit; a length takes one of: km, m, cm, mm, um, nm")
    }

    @Test("several errors in one file are all reported, sorted by line")
    func everyErrorReported() {
        let yaml = """
            qnet: 1
            name: several
            nodes:
              - id: A
              - {id: A, colour: red}
            links:
              - id: L1
                between: [A, Z]
                length: 50
              - {id: L2, between: [A, A], length: 1 km, misalignment: 200 %}

            """
        let found = problems(yaml)
        #expect(found.map(\.keyPath) == ["nodes[1].id", "nodes[1].colour", "links[0].between", "links[0].length",
                                         "links[1].between", "links[1].misalignment"])
        #expect(found.map { $0.location?.line } == [5, 5, 8, 9, 10, 10])
    }

    @Test("every bad inner key of a mapping value is reported, not only the first (finite_key: {…})")
    func everyInnerKeyReported() {
        let yaml = """
            qnet: 1
            name: inner
            nodes:
              - id: A
              - id: B
            links:
              - {id: L1, between: [A, B], length: 1 km, finite_key: {block_size: 1.5, epsilon_sec: 2, epsilon_sc: 3}}

            """
        let found = problems(yaml)
        #expect(found.map(\.keyPath) == ["links[0].finite_key.block_size", "links[0].finite_key.epsilon_sec",
                                         "links[0].finite_key.epsilon_sc"])
        #expect(found.last?.message.contains("did you mean 'epsilon_sec'?") == true)
    }

    @Test("a satellite link whose pass is refused is not also told it needs an elevation, a pass or a length (QA)")
    func refusedPassIsNoMissingGeometry() {
        let yaml = """
            qnet: 1
            name: pass
            nodes:
              - id: A
              - {id: S, kind: satellite, altitude: 500 km}
            links:
              - {id: S1, between: [S, A], medium: satellite, pass: {max_elevation: 100 deg}}
              - {id: S2, between: [S, A], medium: satellite}

            """
        let found = problems(yaml)
        #expect(found.map(\.keyPath) == ["links[0].pass.max_elevation", "links[1].elevation"])
    }

    @Test("a problem echoing one already reported is left out")
    func noEchoes() {
        let found = problems(replacing("    between: [A, B]\n", with: "    between: A\n    length: 1 km\n"))
        #expect(found.map(\.keyPath) == ["links[0].between"])
    }
}
