/// The keys of a record type that some records do not read (a link of one medium, protocol and direction; a node of
/// one kind), each with the warning to give where such a record sets it: worked out once, so that a check of many
/// records looks only at those keys (`KeyPresence`).
public struct OutOfScopeKeys<Root>: Sendable {
    private let presence: KeyPresence<Root>
    private let names: [String]
    private let warnings: [String]

    /// The keys of `fields` that `warning` names a reason for (the others are read), with that reason.
    public init(_ fields: [Field<Root>], warning: (Field<Root>) -> String?) {
        let unread = fields.compactMap { field in warning(field).map { (field, $0) } }
        presence = KeyPresence(unread.map(\.0))
        names = unread.map(\.0.key)
        warnings = unread.map(\.1)
    }

    /// The keys of the list that `record` sets, with their warnings.
    /// - Complexity: O(K) in the keys of the list.
    public func held(by record: Root) -> [(key: String, warning: String)] {
        presence.held(by: record).map { (names[$0], warnings[$0]) }
    }
}
