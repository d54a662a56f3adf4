import QNetModel

/// A record of a topology by section and name: (`links`, `L3`), (`equipment.sources`, `wcp-1g`).
struct RecordName: Hashable, Sendable {
    var section: String
    var name: String

    /// Every section of named records, as `CommentAnchor.record` names them.
    static let sections = [TopLevelKey.nodes, .links, .demands].map(\.rawValue)
        + EquipmentSection.allCases.map { "equipment.\($0.rawValue)" }

    /// The names of the records of `section` in `topology`, in order: ids of nodes,
    /// links and demands (a demand's resolved id), names of equipment entries.
    static func names(of section: String, in topology: Topology) -> [String] {
        switch section {
        case TopLevelKey.nodes.rawValue: return topology.nodes.map(\.id.rawValue)
        case TopLevelKey.links.rawValue: return topology.links.map(\.id.rawValue)
        case TopLevelKey.demands.rawValue: return topology.demands.map(\.resolvedID.rawValue)
        default:
            guard section.hasPrefix("equipment.") else { return [] }
            switch EquipmentSection(rawValue: String(section.dropFirst("equipment.".count))) {
            case .sources?: return topology.equipment.sources.map(\.name)
            case .detectors?: return topology.equipment.detectors.map(\.name)
            case .memories?: return topology.equipment.memories.map(\.name)
            case nil: return []
            }
        }
    }
}
