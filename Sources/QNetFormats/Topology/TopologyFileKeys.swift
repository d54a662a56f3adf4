/// The keys of a topology file outside the records, in the order a save writes them.
///
/// Records (`nodes`, `links`, …) take their keys from the model's `Field` tables;
/// these are the only keys the file format adds around them.
enum TopologyFileKeys {
    /// The top-level keys.
    static let top = ["qnet", "name", "description", "sources", "defaults", "equipment", "nodes", "links", "demands"]
    /// The keys that a file must have.
    static let required = ["qnet", "name"]
    /// The sections of `equipment:`.
    static let equipment = ["sources", "detectors", "memories"]
}
