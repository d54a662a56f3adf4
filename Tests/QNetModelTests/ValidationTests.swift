import Testing
@testable import QNetModel

@Suite("Cross-key validation")
struct ValidationTests {
    private func twoNodes() -> Topology {
        Topology(
            name: "t",
            nodes: [Node(id: "A"), Node(id: "B")],
            links: [Link(id: "L1", from: "A", to: "B", length: Quantity(10, .kilometre))])
    }

    @Test("a well-formed topology has no problems")
    func clean() {
        #expect(twoNodes().validate().isEmpty)
    }

    @Test("duplicate ids are refused across nodes, links and demands")
    func duplicates() {
        var topology = twoNodes()
        topology.links.append(Link(id: "A", from: "A", to: "B", length: Quantity(1, .kilometre)))
        let problems = topology.validate()
        #expect(problems.contains { $0.keyPath == "links[1].id" && $0.message.contains("duplicate id 'A'") })
    }

    @Test("ids take ASCII letters, digits, _ and - only", arguments: [
        ("A-1_b", true), ("Z9", true), ("", false), ("a b", false), ("é", false), ("Ω", false),
        ("[", false), ("@", false), ("{", false), ("`", false), ("A.B", false),
    ])
    func wellFormedIDs(text: String, valid: Bool) {
        #expect(Identifier(text).isWellFormed == valid)
    }

    @Test("a duplicate names where the id was first used")
    func duplicateNamesFirstUse() {
        var topology = twoNodes()
        topology.demands.append(Demand(id: "L1", from: "A", to: "B"))
        let problem = topology.validate().first { $0.keyPath == "demands[0].id" }
        #expect(problem?.message == "duplicate id 'L1' (first used at links[0].id)")
    }

    @Test("a link to an unknown node, and a link to itself, name the link's between")
    func dangling() {
        var topology = twoNodes()
        topology.links.append(Link(id: "L2", from: "A", to: "Z", length: Quantity(1, .kilometre)))
        topology.links.append(Link(id: "L3", from: "B", to: "B", length: Quantity(1, .kilometre)))
        let problems = topology.validate()
        #expect(problems.contains { $0.keyPath == "links[1].between" && $0.message.contains("'Z'") })
        #expect(problems.contains { $0.keyPath == "links[2].between" && $0.message.contains("itself") })
    }

    @Test("unknown equipment names list what is defined")
    func unknownEquipment() {
        var topology = twoNodes()
        topology.equipment.detectors = [Detector(name: "snspd")]
        topology.nodes[1].detector = "apd"
        let problems = topology.validate()
        #expect(problems.contains { $0.keyPath == "nodes[1].detector" && $0.message.contains("snspd") })
    }

    @Test("a demand must join two key-holding nodes")
    func demandEnds() {
        var topology = twoNodes()
        topology.nodes.append(Node(id: "R", kind: .repeater))
        topology.demands = [Demand(from: "A", to: "R"), Demand(from: "A", to: "Q")]
        let problems = topology.validate()
        #expect(problems.contains { $0.keyPath == "demands[0].between" && $0.message.contains("holds no key") })
        #expect(problems.contains { $0.keyPath == "demands[1].between" && $0.message.contains("'Q'") })
    }

    @Test("ids may not hold dots or spaces")
    func malformedIds() {
        var topology = twoNodes()
        topology.nodes[0].id = "A.1"
        #expect(topology.validate().contains { $0.keyPath == "nodes[0].id" })
    }
}
