import Testing
import QNetModel
@testable import QNetTUI

@Suite("Editing with : commands goes through the schema and validation")
struct EditCommandTests {
    @Test("press :set L1.length 30 km, Enter → L1 is 30 km, status says so, a re-plan is asked for")
    func setLength() {
        var session = Session()
        session.command("set L1.length 25 km")
        #expect(session.state.topology.link("L1")?.length == Quantity(25, .kilometre))
        #expect(session.status == "L1.length = 25 km")
        #expect(session.state.isDirty)
        #expect(session.state.selection == .link("L1"))
        #expect(session.effects == [.replan(session.state.topology)])
    }

    @Test("a unit written without a space is taken as the file takes it")
    func unitWithoutSpace() {
        var session = Session()
        session.command("set L1.attenuation 0.18dB/km")
        #expect(session.state.topology.link("L1")?.attenuation == Quantity(0.18, .decibelPerKilometre))
    }

    @Test("a decimal comma is refused with the value to write instead (QA)")
    func decimalComma() {
        var session = Session()
        session.command("set L1.length 40,5 km")
        #expect(session.status == "refused: length: '40,5 km': a decimal comma is not read; write 40.5 km, with a decimal point")
        #expect(session.state.topology == Fixtures.metro)
    }

    @Test("a refused value leaves the topology as it was and says why in the status line")
    func refusedValue() {
        var session = Session()
        let before = session.state.topology
        session.command("set L1.length -3 km")
        #expect(session.state.topology == before)
        #expect(session.statusIsError)
        #expect(session.status == "refused: length must not be negative (got -3 km)")
        session.command("set L1.misalignment 59.9 %")
        #expect(session.status?.hasPrefix("refused: misalignment must not be above 50 %") == true)
        session.command("set defaults.misalignment 51 %")
        #expect(session.status?.hasPrefix("refused: misalignment must not be above 50 %") == true)
        session.command("set L1.length 30 parsecs")
        #expect(session.status?.contains("'parsecs' is not a unit of length") == true)
        session.command("set L1.colour blue")
        #expect(session.status?.hasPrefix("unknown key 'colour' (known: id, between, medium") == true)
        session.command("set L9.length 3 km")
        #expect(session.status == "no node, link, demand or equipment named 'L9': did you mean 'L1'?")
        session.command("set L1.lenght 3 km")
        #expect(session.status == "unknown key 'lenght': did you mean 'length'?")
        #expect(session.state.topology == before)
        #expect(session.state.undoStack.isEmpty)
    }

    @Test("an edit that breaks a reference is refused by Topology.validate()")
    func validationRefuses() {
        var session = Session()
        session.command("set L1.between [A, Nowhere]")
        #expect(session.status == "refused: link L1 names unknown node 'Nowhere'")
        #expect(session.state.topology == Fixtures.metro)
    }

    @Test("inner keys of a mapping: :set A.position.x 5 km moves node A east")
    func innerKey() {
        var session = Session()
        session.command("set A.position.x 5 km")
        #expect(session.state.topology.node("A")?.position == .planar(x: Quantity(5, .kilometre), y: Quantity(0, .kilometre)))
        session.command("set L1.extra_losses.connectors 1 dB")
        #expect(session.state.topology.link("L1")?.extraLosses == [NamedLoss(name: "connectors", loss: Quantity(1, .decibel))])
    }

    @Test("a key written twice in a mapping value is refused, as the file reader refuses it (the file could not be read back)")
    func duplicateInnerKey() {
        var session = Session()
        session.command("set L1.extra_losses {a: 1 dB, a: 2 dB}")
        #expect(session.status == "duplicate key 'a' in {a: 1 dB, a: 2 dB}: each key may be written once")
        #expect(session.state.topology == Fixtures.metro)
        session.command("set L1.extra_losses {a: 1 dB, b: 2 dB}")
        #expect(session.state.topology.link("L1")?.extraLosses.map(\.name) == ["a", "b"])
    }

    @Test(":add node, then :add link with the length from the positions, then :add demand")
    func addThings() {
        var session = Session()
        session.command("add node C endpoint 60 -30")
        #expect(session.state.topology.node("C")?.kind == .endpoint)
        #expect(session.state.selection == .node("C"))
        session.command("add link L3 B C fiber")
        #expect(session.state.topology.link("L3")?.length == Quantity(40, .kilometre))
        #expect(session.status == "added fiber link L3, length 40 km from the positions")
        session.command("add demand A C 500 bit/s")
        #expect(session.state.topology.demands.last?.resolvedID == "A-C")
        #expect(session.state.topology.demands.last?.keyRate == Quantity(500, .bitPerSecond))
        #expect(session.status == "added demand A-C for 500 bit/s")
    }

    @Test("adding with a bad kind, a duplicate id or a relay demand is refused")
    func addRefused() {
        var session = Session()
        session.command("add node C router 1 1")
        #expect(session.status?.hasPrefix("refused: kind: 'router' is not one of endpoint | trusted") == true)
        session.command("add node A endpoint 1 1")
        #expect(session.status == "refused: duplicate id 'A' (first used at nodes[0].id)")
        session.command("add node R relay 1 1")
        session.command("add demand A R 1 kbit/s")
        #expect(session.status == "refused: demand A-R ends at R, a relay that holds no key")
        session.command("add node S satellite 0 0")
        #expect(session.status == "refused: a satellite needs an altitude (e.g. 500 km)")
        session.command("add node S satellite 0 0 500")
        #expect(session.state.topology.node("S")?.altitude == Quantity(500, .kilometre))
        // The altitude with its unit, as :set takes it.
        session.command("add node S2 satellite 0 0 1200 km")
        #expect(session.state.topology.node("S2")?.altitude == Quantity(1200, .kilometre))
        session.command("add node S3 satellite 0 0 600 000 m")
        #expect(session.status?.hasPrefix("usage: :add node ID KIND X Y") == true)
        // A satellite link: with nothing, a pass at the defaults; with an angle, its elevation; with a length, that.
        session.command("add link S-A S A satellite")
        #expect(session.state.topology.link("S-A")?.pass == SatellitePass())
        #expect(session.status == "added satellite link S-A with a pass at the defaults (:set S-A.pass {max_elevation: 60 deg} to change)")
        session.command("add link S-B S B satellite 45 deg")
        #expect(session.state.topology.link("S-B")?.elevation == Quantity(45, .degree))
        session.command("add link S2-A S2 A satellite 1500")
        #expect(session.state.topology.link("S2-A")?.length == Quantity(1500, .kilometre))
    }

    /// QA: `:set S.pass {max_elevation: 60 deg}` put min_elevation and passes_per_day back to their defaults unsaid.
    @Test("a mapping written whole names the inner keys it left out")
    func mappingWrittenWhole() {
        var session = Session()
        session.command("add node S satellite 0 0 500")
        session.command("add link S-A S A satellite")
        session.command("set S-A.pass {max_elevation: 70 deg, min_elevation: 20 deg, passes_per_day: 3}")
        #expect(session.status == "S-A.pass = {min_elevation: 20 deg, max_elevation: 70 deg, passes_per_day: 3}")
        session.command("set S-A.pass {max_elevation: 60 deg}")
        #expect(session.state.topology.link("S-A")?.pass?.minElevation == nil)
        #expect(session.status == "S-A.pass = {max_elevation: 60 deg} (min_elevation and passes_per_day left out, "
            + "so no longer set: :set S-A.pass.KEY VALUE changes one key)")
        // A position written anew is another position, not one with keys left out (second reader).
        session.command("set S.position {lat: 48.2 deg, lon: 16.4 deg}")
        #expect(session.status?.hasPrefix("S.position = ") == true && session.status?.contains("left out") == false)
        session.command("set S-A.pass.min_elevation 15 deg")
        #expect(session.status == "S-A.pass.min_elevation = {min_elevation: 15 deg, max_elevation: 60 deg}")
    }

    @Test("an id taken in another section is refused naming the record that has it")
    func addTakenID() {
        var session = Session()
        session.command("add link A-B A B fiber")
        #expect(session.status == "refused: duplicate id 'A-B' (first used at demands[0].id)")
        session.command("add node L2 endpoint 1 1")
        #expect(session.status == "refused: duplicate id 'L2' (first used at links[1].id)")
        #expect(session.state.topology == Fixtures.metro)
    }

    @Test("a second demand between the same nodes is refused with how to name it, and added with an id")
    func addDemandWithID() {
        var session = Session()
        session.command("add demand A B 2 kbit/s")
        #expect(session.status == "refused: duplicate id 'A-B' (first used at demands[0].id); "
            + "give it an id: :add demand A B 2 kbit/s A-B-2")
        #expect(session.state.topology == Fixtures.metro)
        session.command("add demand A B 2 kbit/s A-B-2")
        #expect(session.status == "added demand A-B-2 for 2 kbit/s")
        #expect(session.state.topology.demands.last == Demand(id: "A-B-2", from: "A", to: "B", keyRate: Quantity(2, .kilobitPerSecond)))
        #expect(session.state.selection == .demand("A-B-2"))
        session.command("add demand A B 2 kbit/s")
        #expect(session.status?.hasSuffix("give it an id: :add demand A B 2 kbit/s A-B-3") == true)
        session.command("add demand A B 2 kbit/s L1")
        #expect(session.status == "refused: duplicate id 'L1' (first used at links[0].id)")
        #expect(KeyBindings.commands.contains { $0.usage == ":add demand A B RATE [ID]" })
    }

    @Test("a second demand with a rate that does not read is refused for its rate, not for its id, with or without an id")
    func addDemandBadRate() {
        var session = Session()
        let badUnit = "refused: key_rate: 'km' is not a unit of key rate; use one of: bit/s, kbit/s, Mbit/s, Gbit/s"
        session.command("add demand A B 5 km")
        #expect(session.status == badUnit)
        session.command("add demand A B 5 km A-B-2")
        #expect(session.status == badUnit)
        session.command("add demand A B 5km A-B-2")
        #expect(session.status == badUnit)
        session.command("add demand A B 5")
        #expect(session.status == "refused: key_rate: '5' has no unit; a key rate takes one of: bit/s, kbit/s, Mbit/s, Gbit/s")
        #expect(session.state.topology == Fixtures.metro)
    }

    @Test(":set name and :set description change the topology's texts, one undo step each")
    func setTopologyTexts() {
        var session = Session()
        session.command("select L1")
        session.command("set name Vienna metro")
        #expect(session.state.topology.name == "Vienna metro")
        #expect(session.status == "name = Vienna metro")
        #expect(session.state.selection == .link("L1"))
        session.command("set description Three nodes, one trusted.")
        #expect(session.state.topology.description == "Three nodes, one trusted.")
        #expect(session.state.undoStack.count == 2)
        #expect(session.state.isDirty)
        session.command("undo")
        #expect(session.state.topology.description == nil)
        #expect(session.state.topology.name == "Vienna metro")
        session.command("undo")
        #expect(session.state.topology == Fixtures.metro)
        #expect(KeyBindings.commands.contains { $0.usage == ":set name TEXT" })
    }

    /// QA: `:set R1.cutoff_time …` tried on a demand's bottleneck took the demand's what-ifs off the screen.
    @Test(":set keeps a selected demand selected; otherwise it selects the record it set")
    func setKeepsDemand() {
        var session = Session()
        session.command("select A-B")
        session.command("set L1.length 40 km")
        #expect(session.state.topology.links[0].length == Quantity(40, .kilometre))
        #expect(session.state.selection == .demand("A-B"))
        session.command("set A-B.id D1")   // the demand renamed: the selection follows it
        #expect(session.state.selection == .demand("D1"))
        session.command("select L2")
        session.command("set L1.length 35 km")
        #expect(session.state.selection == .link("L1"))
    }

    @Test(":del T deletes the node with its links and the demand through it")
    func deleteNode() {
        var session = Session()
        session.command("del A")
        #expect(session.state.topology.node("A") == nil)
        #expect(session.state.topology.links.map(\.id) == ["L2"])
        #expect(session.state.topology.demands.isEmpty)
        #expect(session.status == "deleted node A, its link L1 and its demand A-B")
        session.command("del Nope")
        #expect(session.status == "no node, link, demand or equipment named 'Nope'")
    }

    @Test("undo and redo walk back and forth without limit, and undo to the saved state is clean")
    func undoRedo() {
        var session = Session()
        for length in 1...30 { session.command("set L1.length \(length) km") }
        #expect(session.state.undoStack.count == 30)
        session.press(.character("u"))
        #expect(session.status == "undone: L1.length = 30 km (29 more to undo)")
        for _ in 2...30 { session.press(.character("u")) }
        #expect(session.state.topology == Fixtures.metro)
        #expect(!session.state.isDirty)
        session.press(.character("u"))
        #expect(session.status == "nothing to undo")
        session.press(.ctrl("r"))
        #expect(session.state.topology.link("L1")?.length == Quantity(1, .kilometre))
        #expect(session.status == "redone: L1.length = 1 km (29 more to redo)")
        session.command("redo")
        #expect(session.state.topology.link("L1")?.length == Quantity(2, .kilometre))
        session.command("set L2.length 5 km")
        #expect(session.state.redoStack.isEmpty)
    }

    @Test("undoing an :add clears a selection of what no longer exists")
    func undoClearsSelection() {
        var session = Session()
        session.command("add node C endpoint 1 1")
        session.command("undo")
        #expect(session.state.selection == nil)
    }
}
