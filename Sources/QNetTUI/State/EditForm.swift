/// The edit form of one record: its keys from the schema, a cursor, and the
/// value being typed or the equipment being picked.
public struct EditForm: Sendable, Hashable {
    /// The record being edited.
    public var record: RecordRef
    /// The row of the cursor (an index into the record's keys).
    public var cursor = 0
    /// The text being typed for the cursor's key; nil when not editing.
    public var input: String?
    /// Why the value typed was refused (the schema's reason), shown in the form.
    public var error: String?
    /// While choosing equipment: the names offered (the first is "none") and the one highlighted.
    public var pick: Pick?
    /// The form this one was opened from (an equipment entry opened from a link's form), to go back to.
    public var parent: RecordRef?

    /// A pick list of equipment names.
    public struct Pick: Sendable, Hashable {
        public var names: [String]
        public var index: Int
    }

    public init(record: RecordRef, parent: RecordRef? = nil) {
        self.record = record
        self.parent = parent
    }
}
