/// A node of the network: an endpoint, trusted node, repeater, relay, entangled-pair source or satellite.
public struct Node: SchemaRecord {
    public var id: Identifier
    public var name: String?
    public var kind: NodeKind?
    public var position: Position?
    public var source: String?
    public var detector: String?
    public var memory: String?
    public var swapSuccess: Quantity?
    public var cutoffTime: Quantity?
    public var purification: Purification?
    public var purificationRounds: Int?
    public var altitude: Quantity?
    public var trusted: Bool?

    public init(id: Identifier, kind: NodeKind? = nil, position: Position? = nil) {
        self.id = id
        self.kind = kind
        self.position = position
    }

    public static var blank: Node { Node(id: "") }

    /// The node's kind; a node that names none is an endpoint.
    public var resolvedKind: NodeKind { kind ?? .endpoint }

    /// Whether the node holds key material: endpoints, trusted nodes, and
    /// satellites unless marked `trusted: false`.
    public var holdsKey: Bool {
        switch resolvedKind {
        case .endpoint, .trusted: return true
        case .satellite: return trusted ?? true
        case .repeater, .relay, .source: return false
        }
    }

    public static let fields: [Field<Node>] = [
        Field("id", help: "unique id, [A-Za-z0-9_-]+", required: true,
              read: { .scalar($0.id.rawValue) },
              write: { (node: inout Node, value: FieldValue?) throws(FieldError) in
                  guard let value else { return }
                  node.id = Identifier(try scalarText(value, key: "id"))
              }),
        .text("name", \.name, help: "display name"),
        .choice("kind", \.kind, help: "endpoint | trusted | repeater | relay | source | satellite (default endpoint)"),
        Field("position", help: "{x: 0 km, y: 0 km} or {lat: 48.2 deg, lon: 16.37 deg}",
              read: { $0.position?.fieldValue },
              write: { (node: inout Node, value: FieldValue?) throws(FieldError) in
                  node.position = try value.map { (value) throws(FieldError) in try Position.parse(value) }
              }),
        .text("source", \.source, help: "name of a source in equipment.sources"),
        .text("detector", \.detector, help: "name of a detector in equipment.detectors"),
        // A repeater chain, an entanglement segment, reads these at its inner nodes, the nodes that hold no key
        // (`ChainInputs.nodes`, `RepeaterChainPlanner`); its key-holding ends measure at once, with no memory, swap or
        // cutoff, and the other protocols' segments (an MDI or twin-field relay, a BBM92 source) read none of them.
        .text("memory", \.memory, help: "name of a memory in equipment.memories (repeaters)").onlyInside([.entanglement]),
        .quantity("swap_success", \.swapSuccess, .ratio, .positiveFraction,
                  help: "Bell-state measurement success probability (default 50 %)").onlyInside([.entanglement]),
        .quantity("cutoff_time", \.cutoffTime, .time, .positive, help: "memory cutoff: discard pairs older than this")
            .onlyInside([.entanglement]),
        .choice("purification", \.purification, help: "dejmps").onlyInside([.entanglement]),
        .integer("purification_rounds", \.purificationRounds, 0...10, help: "rounds of purification, read with purification (default 1 when it is named, else none)")
            .onlyInside([.entanglement]),
        .quantity("altitude", \.altitude, .length, .positive, help: "orbit altitude of a satellite").only(kinds: [.satellite]),
        .boolean("trusted", \.trusted, help: "whether a satellite is trusted (default true)").only(kinds: [.satellite]),
    ]
}
