import QNetModel

/// A warning for a topology whose nodes mix planar `{x, y}` and geographic `{lat, lon}` positions: the two kinds
/// share no origin, yet the map draws them on one plane, and no distance between nodes of different kinds is known
/// (QA: such a file was accepted without a word). One warning per topology, at the position of the first node of
/// the kind fewer nodes have.
enum MixedPositionKinds {
    /// The warning for `nodes`, nil when every node that has a position has one of the same kind. The minority kind
    /// is the one fewer nodes have; on a tie, the one the first node with a position does not have.
    /// - Complexity: O(N) in the number of nodes.
    static func warning(_ nodes: [Node]) -> Diagnostic? {
        var planar = 0, geographic = 0
        var firstPlanar: Int?, firstGeographic: Int?
        for index in nodes.indices {
            switch nodes[index].position {
            case .planar?:
                planar += 1
                if firstPlanar == nil { firstPlanar = index }
            case .geographic?:
                geographic += 1
                if firstGeographic == nil { firstGeographic = index }
            case nil:
                continue
            }
        }
        guard let firstPlanar, let firstGeographic else { return nil }
        let planarIsMinority = planar != geographic ? planar < geographic : firstGeographic < firstPlanar
        let (index, few, many) = planarIsMinority ? (firstPlanar, planar, geographic) : (firstGeographic, geographic, planar)
        let (kind, otherKind) = planarIsMinority ? ("planar {x, y}", "geographic {lat, lon}") : ("geographic {lat, lon}", "planar {x, y}")
        let others = few == 1 ? "the only one" : "the first of \(few) nodes with one"
        return Diagnostic(.warning, "node \(nodes[index].id) has a \(kind) position, \(others), while \(many) "
            + "node\(many == 1 ? " has" : "s have") a \(otherKind) one: the two kinds share no origin, yet the map draws "
            + "them on one plane, and no distance between nodes of different kinds is known (a new link between them "
            + "takes no length from the positions, nor is its length checked against them): give every node the same kind "
            + "of position", keyPath: "nodes[\(index)].position")
    }
}
