/// Which of a list of keys a record holds, told at one look at the record: from the bytes of each key kept in a
/// stored optional property (`OptionalSlot`), without reading it; any other key is read. For checks that ask it of
/// many records: the planner's warning of the keys written out of a link's scope, on every plan of every link.
public struct KeyPresence<Root>: Sendable {
    private let fields: [Field<Root>]
    private let slots: [OptionalSlot?]

    /// The presence of the keys of `fields`, in that order.
    public init(_ fields: [Field<Root>]) {
        self.fields = fields
        slots = fields.map(\.slot)
    }

    /// The positions in the list of the keys that `record` holds.
    /// - Complexity: O(K) in the keys of the list.
    public func held(by record: Root) -> [Int] {
        withUnsafePointer(to: record) { pointer in
            slots.indices.filter { index in
                guard let slot = slots[index] else { return fields[index].read(pointer.pointee) != nil }
                return slot.isSet(at: UnsafeRawPointer(pointer))
            }
        }
    }
}
