/// A top-level key of a topology file, in the order a save writes them.
///
/// Records (`nodes`, `links`, …) take their keys from the model's `Field` tables;
/// these and `EquipmentSection` are the only keys the file format adds around them.
enum TopLevelKey: String, CaseIterable {
    case qnet, name, description, sources, defaults, equipment, nodes, links, demands

    /// Whether a file without this key is an error, and an example of it.
    var requiredExample: String? {
        switch self {
        case .qnet: return "qnet: 1"
        case .name: return "name: Vienna metro"
        default: return nil
        }
    }
}

/// A section of `equipment:`, in the order a save writes them.
enum EquipmentSection: String, CaseIterable {
    case sources, detectors, memories
}
