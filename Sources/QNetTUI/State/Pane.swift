/// The panes of the workbench; the focused one takes the keys that move within a pane.
public enum Pane: String, Sendable, Hashable, CaseIterable {
    case map, list, inspector

    /// The pane after this one, wrapping around.
    public var next: Pane {
        let all = Pane.allCases
        let index = all.firstIndex(of: self) ?? 0
        return all[(index + 1) % all.count]
    }

    /// The pane before this one, wrapping around.
    public var previous: Pane {
        let all = Pane.allCases
        let index = all.firstIndex(of: self) ?? 0
        return all[(index + all.count - 1) % all.count]
    }

    /// The pane's title, as its border shows it.
    public var title: String {
        switch self {
        case .map: return "Map"
        case .list: return "Network"
        case .inspector: return "Inspector"
        }
    }
}
