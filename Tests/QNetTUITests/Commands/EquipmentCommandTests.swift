import Testing
import QNetModel
@testable import QNetTUI

@Suite("The equipment library by : commands: add, set, rename, select, delete")
struct EquipmentCommandTests {
    /// Metro where node B's detector and a source share the name "x".
    private var clashing: Topology {
        var topology = Fixtures.metro
        topology.equipment.sources = [PhotonSource(name: "x")]
        topology.equipment.detectors = [Detector(name: "x"), Detector(name: "fast")]
        topology.nodes[2].detector = "x"
        return topology
    }

    @Test(":add detector spad-1 ingaas-apd, then :set detectors.spad-1.efficiency 30 %, then :set B.detector spad-1")
    func addAndUse() {
        var session = Session()
        session.command("add detector spad-1 ingaas-apd")
        #expect(session.state.topology.equipment.detector(named: "spad-1")?.kind == .ingaasAPD)
        #expect(session.state.selection == .equipment(.detector, "spad-1"))
        session.command("set detectors.spad-1.efficiency 30 %")
        #expect(session.state.topology.equipment.detector(named: "spad-1")?.efficiency == Quantity(30, .percent))
        #expect(session.status == "detectors.spad-1.efficiency = 30 %")
        session.command("set B.detector spad-1")
        #expect(session.state.topology.node("B")?.detector == "spad-1")
        #expect(session.state.undoStack.count == 3)
        session.command("add detector spad-1")
        #expect(session.status == "refused: there is already a detector named 'spad-1'")
        session.command("add memory m1 fancy")
        #expect(session.status == "usage: :add memory NAME")
    }

    @Test("an equipment name that a node, link or demand has, or 'defaults', is refused: :set NAME.KEY would reach that record")
    func nameOfAnotherRecord() {
        var session = Session(clashing)
        session.command("add detector A")
        #expect(session.status == "refused: 'A' names node A, which :set A.KEY would reach: pick another detector name")
        session.command("add source L1 wcp")
        #expect(session.status == "refused: 'L1' names link L1, which :set L1.KEY would reach: pick another source name")
        session.command("add memory defaults")
        #expect(session.status == "refused: 'defaults' names the defaults, which :set defaults.KEY would reach: pick another memory name")
        session.command("set detectors.fast.name T")
        #expect(session.status == "refused: 'T' names node T, which :set T.KEY would reach: pick another detector name")
        #expect(session.state.topology == clashing)
    }

    @Test("naming equipment not in the library says how to add it")
    func unknownEquipment() {
        var session = Session()
        session.command("set A.source wcp")
        #expect(session.statusIsError)
        #expect(session.status == "no source 'wcp' in the library (none yet): :add source wcp first")
        #expect(session.state.topology == Fixtures.metro)
    }

    @Test("a name a source and a detector share: NAME.KEY is refused naming both; sources.NAME.KEY is not")
    func ambiguous() {
        var session = Session(clashing)
        session.command("set x.jitter 20 ps")
        #expect(session.statusIsError)
        #expect(session.status == "'x' names a source and a detector: say which, sources.x or detectors.x")
        session.command("set detectors.x.jitter 20 ps")
        #expect(session.state.topology.equipment.detector(named: "x")?.jitter == Quantity(20, .picosecond))
        #expect(session.state.topology.equipment.source(named: "x")?.jitter == nil)
        session.command("set sources.x.jitter 5 ps")
        #expect(session.state.topology.equipment.source(named: "x")?.jitter == Quantity(5, .picosecond))
        session.command("set fast.jitter 30 ps")  // the old form, where the name is unique
        #expect(session.state.topology.equipment.detector(named: "fast")?.jitter == Quantity(30, .picosecond))
        session.command("set detectors.nope.jitter 1 ps")
        #expect(session.status == "no detector 'nope' (detectors: x, fast)")
    }

    @Test(":set detectors.x.name spad renames the entry and the node that names it, in one undo step")
    func rename() {
        var session = Session(clashing)
        session.command("set detectors.x.name spad")
        #expect(session.state.topology.equipment.detectors.map(\.name) == ["spad", "fast"])
        #expect(session.state.topology.node("B")?.detector == "spad")
        #expect(session.state.topology.equipment.source(named: "x") != nil)
        #expect(session.status == "renamed detector x to spad")
        session.command("set detectors.spad.name fast")
        #expect(session.status == "refused: there is already a detector named 'fast'")
        session.press(.character("u"))
        #expect(session.state.topology == clashing)
    }

    @Test(":select and :del take equipment; an entry in use is not deleted, and says who uses it")
    func selectAndDelete() {
        var session = Session(clashing)
        session.command("select detectors.x")
        #expect(session.state.selection == .equipment(.detector, "x"))
        session.command("select fast")
        #expect(session.state.selection == .equipment(.detector, "fast"))
        session.command("select defaults")
        #expect(session.state.selection == .defaults)
        session.command("del detectors.x")
        #expect(session.status == "refused: detectors.x is in use by node B: pick another detector there first")
        session.command("del fast")
        #expect(session.state.topology.equipment.detectors.map(\.name) == ["x"])
        #expect(session.status == "deleted detector fast")
        session.command("del defaults")
        #expect(session.statusIsError)
    }

    @Test(":set defaults.misalignment 2 % sets what every link inherits")
    func defaults() {
        var session = Session()
        session.command("set defaults.misalignment 2 %")
        #expect(session.state.topology.defaults.misalignment == Quantity(2, .percent))
        #expect(session.state.selection == .defaults)
        #expect(session.effects.last == .replan(session.state.topology))
    }
}
