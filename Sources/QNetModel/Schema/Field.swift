/// One key of a topology record: its name, help text, and how its value is
/// read from and written to the record.
///
/// The same fields drive loading, saving, the workbench's `:set ID.KEY VALUE`
/// and its forms, so a key is described once.
public struct Field<Root>: @unchecked Sendable {
    /// The key as written in the file (`attenuation`).
    public let key: String
    /// One line for help screens: what the key means, its units and default.
    public let help: String
    /// Whether a record without this key is an error.
    public let isRequired: Bool
    /// The dimension of a quantity key, whose units its value takes; nil for other keys.
    public let dimension: Dimension?
    /// Whether the value is `true` or `false` (the writer leaves those plain here, and quotes them elsewhere,
    /// where they are text: an id `true` that other YAML tools would read as a boolean).
    public let isBoolean: Bool
    /// Which links or nodes read the key (link and node keys only; the keys of other records apply everywhere).
    public internal(set) var scope = KeyScope.everywhere
    /// Where the record keeps the key's value when that is a stored optional property (`KeyPresence`).
    var slot: OptionalSlot?
    private let reader: (Root) -> FieldValue?
    private let writer: (inout Root, FieldValue?) throws(FieldError) -> Void

    /// A field from its accessors; `write` receives nil to remove the key.
    public init(
        _ key: String, help: String, required: Bool = false, boolean: Bool = false, dimension: Dimension? = nil,
        read: @escaping (Root) -> FieldValue?,
        write: @escaping (inout Root, FieldValue?) throws(FieldError) -> Void
    ) {
        self.key = key
        self.help = help
        self.isRequired = required
        self.isBoolean = boolean
        self.dimension = dimension
        self.reader = read
        self.writer = write
    }

    /// `help`, followed for a quantity key by its dimension and units (`transmit aperture diameter
    /// [length: km m cm mm um nm]`), as `qnetplan keys` and the workbench's forms show it.
    public var helpWithUnits: String {
        dimension.map { "\(help) [\($0.noun): \($0.unitSymbols)]" } ?? help
    }

    /// The value `root` holds under this key, or nil when the key is absent.
    public func read(_ root: Root) -> FieldValue? { reader(root) }

    /// Stores `value` (nil removes the key), or throws why it does not fit.
    public func write(_ value: FieldValue?, into root: inout Root) throws(FieldError) {
        if value == nil, isRequired { throw FieldError("\(key) is required") }
        try writer(&root, value)
    }
}

/// A value type whose keys are described by `Field`s.
public protocol SchemaRecord: Sendable, Hashable {
    /// Every key of the record, in the order a save writes them.
    static var fields: [Field<Self>] { get }
    /// A record with every optional key absent, to read keys into.
    static var blank: Self { get }
}

extension SchemaRecord {
    /// The field named `key`, if the record has one.
    public static func field(named key: String) -> Field<Self>? {
        fields.first { $0.key == key }
    }
}

// MARK: - Scalar conversions shared by the field builders

func scalarText(_ value: FieldValue, key: String) throws(FieldError) -> String {
    guard case .scalar(let text) = value else {
        throw FieldError("\(key) takes a single value, not \(value.shapeName)")
    }
    return text
}

func parseQuantity(_ text: String, _ dimension: Dimension, _ bounds: ValueBounds, key: String, subkey: String? = nil)
    throws(FieldError) -> Quantity
{
    let quantity: Quantity
    do {
        quantity = try Quantity.parse(text, as: dimension)
    } catch {
        throw FieldError("\(key): \(error.description)", subkey: subkey)
    }
    if let problem = bounds.violation(quantity.si) {
        // A bare ratio above 1 was most likely meant as a percentage (`efficiency: 85`).
        // Only when the percentage would be accepted (85, not 850 or, for an error rate, 85).
        let percentHint = bounds.takesPercentages && quantity.unit == .fraction && quantity.magnitude > 1
            && bounds.violation(quantity.magnitude / 100) == nil ? "; write \(quantity.text) % for a percentage" : ""
        throw FieldError("\(key) \(problem) (got \(quantity.text)\(percentHint))", subkey: subkey)
    }
    return quantity
}
