import Foundation
import Testing
import QNetFormats
import QNetModel

/// `KeyPresence` tells which keys a record holds from the record's bytes: it must say what reading every key says,
/// for every kind of field (quantities, choices, texts, numbers, booleans, nested records) and every kind of record.
@Suite struct KeyPresenceTests {
    /// The positions of the keys that reading them finds set.
    private func read<Root>(_ record: Root, _ fields: [Field<Root>]) -> [Int] {
        fields.indices.filter { fields[$0].read(record) != nil }
    }

    private func expectAgreement(_ topology: Topology) {
        let (nodes, links, demands) = (KeyPresence(Node.fields), KeyPresence(Link.fields), KeyPresence(Demand.fields))
        for node in topology.nodes { #expect(nodes.held(by: node) == read(node, Node.fields), "node \(node.id)") }
        for link in topology.links { #expect(links.held(by: link) == read(link, Link.fields), "link \(link.id)") }
        for demand in topology.demands { #expect(demands.held(by: demand) == read(demand, Demand.fields)) }
    }

    @Test("the keys held are those read, in every record of a sample", arguments: SampleLayoutTests.samples)
    func heldKeysAreThoseRead(_ name: String) throws {
        expectAgreement(try TopologyReader.document(contentsOf: SampleLayoutTests.folder.appendingPathComponent(name)).topology)
    }

    @Test func everyKindOfKeyIsToldSetAndUnset() throws {
        var link = Link(id: "L", from: "A", to: "B", medium: .fiber, length: Quantity(25, .kilometre))
        for (key, value) in [("tx_aperture", "10 cm"), ("direction", "downlink"), ("bright_state_population", "auto"),
                             ("source", "wcp"), ("excess_noise", "0.01")] {
            try Link.field(named: key)?.write(.scalar(value), into: &link)
        }
        link.pass = SatellitePass()
        link.finiteKey = FiniteKeySettings()
        let blank = Link.blank
        let presence = KeyPresence(Link.fields)
        #expect(presence.held(by: link) == read(link, Link.fields))
        #expect(presence.held(by: blank) == read(blank, Link.fields))
        #expect(presence.held(by: link).count > presence.held(by: blank).count + 6)
    }
}
