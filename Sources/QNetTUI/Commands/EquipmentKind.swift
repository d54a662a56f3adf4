import QNetModel

/// The kinds of entries in the equipment library, as the file names its sections.
public enum EquipmentKind: String, Sendable, Hashable, CaseIterable {
    case source, detector, memory

    /// The section of the file that holds this kind (`sources`), also the prefix of `:set sources.NAME.KEY`.
    public var section: String {
        switch self {
        case .source: return "sources"
        case .detector: return "detectors"
        case .memory: return "memories"
        }
    }

    /// The kind whose section is `section` (`detectors` → detector), if any.
    public init?(section: String) {
        guard let kind = EquipmentKind.allCases.first(where: { $0.section == section }) else { return nil }
        self = kind
    }

    /// The kind a node's or link's key picks from (`detector` → detector), if it names equipment.
    public init?(key: String) {
        self.init(rawValue: key)
    }

    /// The key of a node that names an entry of this kind.
    public var nodeKey: WritableKeyPath<Node, String?> {
        switch self {
        case .source: return \.source
        case .detector: return \.detector
        case .memory: return \.memory
        }
    }

    /// The key of a link that names an entry of this kind; nil for memories, which only nodes have.
    public var linkKey: WritableKeyPath<Link, String?>? {
        switch self {
        case .source: return \.source
        case .detector: return \.detector
        case .memory: return nil
        }
    }

    /// `Source`, `Detector`, `Memory`.
    public var title: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }

    /// The names in `topology`'s library of this kind, in file order.
    public func names(in topology: Topology) -> [String] {
        switch self {
        case .source: return topology.equipment.sources.map(\.name)
        case .detector: return topology.equipment.detectors.map(\.name)
        case .memory: return topology.equipment.memories.map(\.name)
        }
    }

    /// A name of this kind not yet in `topology`'s library: `detector-1`, `detector-2`, …
    public func freshName(in topology: Topology) -> String {
        let taken = Set(names(in: topology))
        var number = 1
        while taken.contains("\(rawValue)-\(number)") { number += 1 }
        return "\(rawValue)-\(number)"
    }
}
