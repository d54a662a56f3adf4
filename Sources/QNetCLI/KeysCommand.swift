import ArgumentParser
import QNetModel

/// `qnetplan keys`: every key a topology file accepts, with its units and default, from the model's schema.
struct KeysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys",
        abstract: "List every key a topology file accepts, with its meaning, default and, for a quantity, its dimension and units."
    )

    @Argument(help: "Only this section: defaults, sources, detectors, memories, nodes, links, demands, pass, finite_key.")
    var section: String?

    func validate() throws {
        if let section, Self.sections.first(where: { $0.name == section }) == nil {
            throw ValidationError("unknown section '\(section)'; use one of: \(Self.sections.map(\.name).joined(separator: ", "))")
        }
    }

    func run() throws {
        for entry in Self.sections where section == nil || entry.name == section {
            print("\(entry.title):")
            for (key, help) in entry.keys {
                print("  " + key.padding(toLength: 26, withPad: " ", startingAt: 0) + help)
            }
            print("")
        }
        if section == nil {
            print("Units: " + Dimension.allCases.map { "\($0.noun) (\($0.unitSymbols))" }
                .joined(separator: "; "))
            print("Also read: " + Dimension.allCases.map(\.unitAliases).filter { !$0.isEmpty }.joined(separator: "; "))
        }
    }

    private static let sections: [(name: String, title: String, keys: [(String, String)])] = [
        ("defaults", "defaults (inherited by every link)", listing(TopologyDefaults.self)),
        ("sources", "equipment.sources.NAME", listing(PhotonSource.self)),
        ("detectors", "equipment.detectors.NAME", listing(Detector.self)),
        ("memories", "equipment.memories.NAME", listing(QuantumMemory.self)),
        ("nodes", "nodes[]", listing(Node.self)),
        ("links", "links[]", listing(Link.self)),
        ("pass", "links[].pass", listing(SatellitePass.self)),
        ("finite_key", "links[].finite_key", listing(FiniteKeySettings.self)),
        ("demands", "demands[]", listing(Demand.self)),
    ]

    private static func listing<Record: SchemaRecord>(_ record: Record.Type) -> [(String, String)] {
        record.fields.map { ($0.key + ($0.isRequired ? " *" : ""), $0.helpWithUnits) }
    }
}
