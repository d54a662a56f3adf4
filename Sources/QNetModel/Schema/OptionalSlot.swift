/// Where a record keeps the value of one key, a stored optional property (`Field.slot`): whether a record holds the
/// key is then told from its bytes, without a key-path call (which copies the whole record) or formatting the value.
struct OptionalSlot: Sendable {
    /// The property's offset in the record.
    let offset: Int
    /// Whether the optional at a place holds a value. It captures nothing (`isSet(at:)` adds the offset), so that no
    /// context is retained on every check by every planning thread at once (a contended count cost more than the check).
    let holdsValue: @Sendable (UnsafeRawPointer) -> Bool

    /// The slot of `path` in `Root`; nil when the layout keeps no value at a fixed place in the record for it (a
    /// computed property, an optional chain, a class's property: `MemoryLayout.offset(of:)`).
    init?<Root, Value>(_ path: KeyPath<Root, Value?>) {
        guard let offset = MemoryLayout<Root>.offset(of: path) else { return nil }
        self.offset = offset
        holdsValue = { place in place.assumingMemoryBound(to: Value?.self).pointee != nil }  // read in place (second reader: load(as:) copied the value)
    }

    /// Whether the record at `record`, of the type whose slot this is, holds a value in it.
    func isSet(at record: UnsafeRawPointer) -> Bool {
        holdsValue(record + offset)
    }
}
