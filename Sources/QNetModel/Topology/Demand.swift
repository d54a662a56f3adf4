/// What the network must deliver: a key rate between two key-holding nodes.
public struct Demand: SchemaRecord {
    /// The demand's id; a demand that names none is `FROM-TO`.
    public var id: Identifier?
    public var from: Identifier
    public var to: Identifier
    public var keyRate: Quantity?
    public var maxTrustedNodes: Int?

    public init(id: Identifier? = nil, from: Identifier, to: Identifier, keyRate: Quantity? = nil) {
        self.id = id
        self.from = from
        self.to = to
        self.keyRate = keyRate
    }

    public static var blank: Demand { Demand(from: "", to: "") }

    /// The id, or `FROM-TO` when none is written.
    public var resolvedID: Identifier { id ?? Identifier("\(from.rawValue)-\(to.rawValue)") }

    public static let fields: [Field<Demand>] = [
        Field("id", help: "optional id (default FROM-TO)",
              read: { $0.id.map { .scalar($0.rawValue) } },
              write: { (demand: inout Demand, value: FieldValue?) throws(FieldError) in
                  demand.id = try value.map { (value) throws(FieldError) in Identifier(try scalarText(value, key: "id")) }
              }),
        Field("between", help: "[FROM, TO]: the two node ids", required: true,
              read: { .sequence([$0.from.rawValue, $0.to.rawValue]) },
              write: { (demand: inout Demand, value: FieldValue?) throws(FieldError) in
                  guard case .sequence(let ends)? = value, ends.count == 2 else {
                      throw FieldError("between takes a list of two node ids, e.g. [A, B]")
                  }
                  demand.from = Identifier(ends[0])
                  demand.to = Identifier(ends[1])
              }),
        .quantity("key_rate", \.keyRate, .keyRate, .nonNegative, help: "required secret-key rate (default 0 bit/s)"),
        .integer("max_trusted_nodes", \.maxTrustedNodes, 0...1000,
                 help: "most trusted nodes a path may cross (default: no limit)"),
    ]
}
