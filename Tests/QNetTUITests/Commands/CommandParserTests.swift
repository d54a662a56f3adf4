import Testing
import QNetModel
@testable import QNetTUI

@Suite("Command parser: the stable : syntax")
struct CommandParserTests {
    private func parse(_ line: String) -> Command? { try? CommandParser.parse(line).get() }
    private func error(_ line: String) -> String? {
        if case .failure(let error) = CommandParser.parse(line) { return error.message }
        return nil
    }

    @Test("file commands")
    func files() {
        #expect(parse("w") == .write(path: nil, force: false))
        #expect(parse("w out/my net.yaml") == .write(path: "out/my net.yaml", force: false))
        #expect(parse("w!") == .write(path: nil, force: true))
        #expect(parse("w! copy.yaml") == .write(path: "copy.yaml", force: true))
        #expect(parse("saveas out/my net.yaml") == .saveAs(path: "out/my net.yaml", force: false))
        #expect(parse("sav copy.yaml") == .saveAs(path: "copy.yaml", force: false))
        #expect(parse("saveas! copy.yaml") == .saveAs(path: "copy.yaml", force: true))
        #expect(parse("sav! copy.yaml") == .saveAs(path: "copy.yaml", force: true))
        #expect(error("saveas") == "usage: :saveas FILE (write FILE and edit it from now on)")
        #expect(parse("q") == .quit(force: false))
        #expect(parse("q!") == .quit(force: true))
        #expect(parse("wq") == .writeQuit(force: false))
        #expect(parse("wq!") == .writeQuit(force: true))
        #expect(parse("e other.yaml") == .edit(path: "other.yaml", force: false))
        #expect(parse("e! other.yaml") == .edit(path: "other.yaml", force: true))
        #expect(parse("e!") == .edit(path: nil, force: true))
        #expect(parse("export report.md") == .export(path: "report.md", force: false))
        #expect(parse("export! report.md") == .export(path: "report.md", force: true))
    }

    @Test(":set keeps the spaces of its value and splits ID.KEY at the first dot")
    func set() {
        #expect(parse("set L1.length 30 km") == .set(id: "L1", keyPath: ["length"], value: "30 km"))
        #expect(parse("set N1.position.x 12 km") == .set(id: "N1", keyPath: ["position", "x"], value: "12 km"))
        #expect(parse("set L1.extra_losses {connectors: 1 dB, splices: 0.3 dB}")
            == .set(id: "L1", keyPath: ["extra_losses"], value: "{connectors: 1 dB, splices: 0.3 dB}"))
    }

    @Test(":add and :del")
    func addAndDelete() {
        #expect(parse("add node C endpoint 10 -5") == .addNode(id: "C", kind: "endpoint", x: "10", y: "-5", altitude: nil))
        #expect(parse("add link L3 A B fiber") == .addLink(id: "L3", from: "A", to: "B", medium: "fiber", length: nil))
        #expect(parse("add link L3 A B fiber 12 km") == .addLink(id: "L3", from: "A", to: "B", medium: "fiber", length: "12 km"))
        #expect(parse("add demand A B 1 kbit/s") == .addDemand(from: "A", to: "B", rate: "1 kbit/s", id: nil))
        #expect(parse("del L1") == .delete("L1"))
        #expect(parse("select T") == .select("T"))
        #expect(parse("undo") == .undo)
        #expect(parse("redo") == .redo)
    }

    @Test(":add demand takes an id after its rate, whether the rate has a space or an alias unit")
    func addDemandWithID() {
        #expect(parse("add demand A B 1 kbit/s D2") == .addDemand(from: "A", to: "B", rate: "1 kbit/s", id: "D2"))
        #expect(parse("add demand A B 1kbit/s D2") == .addDemand(from: "A", to: "B", rate: "1kbit/s", id: "D2"))
        #expect(parse("add demand A B 1 kbps") == .addDemand(from: "A", to: "B", rate: "1 kbps", id: nil))
        #expect(parse("add demand A B 1 kbps kbps") == .addDemand(from: "A", to: "B", rate: "1 kbps", id: "kbps"))
        // A rate that does not read is passed on whole, for the schema to say why.
        #expect(parse("add demand A B 1 kbits/s") == .addDemand(from: "A", to: "B", rate: "1 kbits/s", id: nil))
        // Nor with an id after it: the id is not taken into the rate (`5 km D2`: 'km' is the fault, not 'km D2').
        #expect(parse("add demand A B 5 km D2") == .addDemand(from: "A", to: "B", rate: "5 km", id: "D2"))
        #expect(parse("add demand A B 5km D2") == .addDemand(from: "A", to: "B", rate: "5km", id: "D2"))
        #expect(parse("add demand A B 5 km") == .addDemand(from: "A", to: "B", rate: "5 km", id: nil))
    }

    @Test(":set name and :set description take the rest of the line")
    func setTopologyTexts() {
        #expect(parse("set name Vienna metro") == .setTopology(.name, "Vienna metro"))
        #expect(parse("set description Six trusted nodes.") == .setTopology(.description, "Six trusted nodes."))
        #expect(parse("set name.kind trusted") == .set(id: "name", keyPath: ["kind"], value: "trusted"))
        #expect(error("set name") == "no value for name; usage: :set name TEXT")
    }

    @Test("mistakes get a message with the usage")
    func errors() {
        #expect(error("set L1.length")
            == "no value for L1.length; usage: :set ID.KEY VALUE (e.g. :set L1.length 30 km), or :set name|description TEXT")
        #expect(error("set L1 30 km")?.hasPrefix("usage: :set ID.KEY VALUE") == true)
        #expect(error("add node C endpoint 10")?.hasPrefix("usage: :add node ID KIND X Y") == true)
        #expect(error("add router R1") == "usage: :add node|link|demand|source|detector|memory …")
        #expect(error("frobnicate") == "unknown command 'frobnicate'; ? lists the commands")
        #expect(error("q now") == ":q takes no arguments")
        #expect(error("") == "empty command; ? lists the commands")
    }
}
