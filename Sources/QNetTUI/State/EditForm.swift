/// The edit form of one record: its keys from the schema, a cursor, and the
/// value being typed or the equipment being picked.
public struct EditForm: Sendable, Hashable {
    /// The record being edited.
    public var record: Selection
    /// The row of the cursor (an index into the record's keys).
    public var cursor = 0
    /// The text being typed for the cursor's key, with its cursor; nil when not editing.
    public var input: TextField?
    /// Why the value typed was refused (the schema's reason), shown in the form.
    public var error: String?
    /// While choosing equipment: the entries offered and the one highlighted.
    public var pick: Pick?
    /// The form this one was opened from (an equipment entry opened from a link's form), to go back to.
    public var parent: Parent?

    /// A pick list of equipment: "(none)", the library's names, then "new …".
    public struct Pick: Sendable, Hashable {
        /// What the list shows, in order.
        public var names: [String]
        public var index: Int

        /// The pick list of `library`'s names of `kind`, highlighting `current`.
        public init(_ kind: EquipmentKind, library: [String], current: String?) {
            names = [Pick.none] + library + ["new \(kind.rawValue)…"]
            index = current.flatMap { library.firstIndex(of: $0).map { $0 + 1 } } ?? 0
        }

        /// The first entry: clears the key.
        public static let none = "(none)"
        /// Whether the highlighted entry is the last, "new …".
        public var isNew: Bool { index == names.count - 1 }
    }

    /// The record a form was opened from, and where its cursor was.
    public struct Parent: Sendable, Hashable {
        public var record: Selection
        public var cursor: Int
    }

    public init(record: Selection, parent: Parent? = nil) {
        self.record = record
        self.parent = parent
    }
}
