import Foundation
import QNetModel

/// A link split at its midpoint by a new station: a trusted node, a relay, a
/// pair source or a repeater, joined to both ends by links of half the length
/// that keep the link's other keys. Its itemised extra losses (a ROADM, connectors,
/// splices) lie once along the path, where the file does not say: the half from the
/// link's first end keeps them all and the other half gets none (QA: copied into both
/// halves, a 17 dB ROADM counted twice).
struct MidpointSplit {
    /// The new station.
    var node: Node
    /// The two halves.
    var links: [Link]
    /// The link split.
    let original: Identifier

    /// `link` split by a station of `kind` named uniquely after it (`taken`: ids in use); nil for satellite links.
    /// Who sends on each half follows the station: a trusted node or repeater relays from the first end on,
    /// both ends send to a relay, a pair source sends to both ends.
    init?(_ link: Link, kind: NodeKind, protocol protocolKind: ProtocolKind, ends: (Node, Node), taken: inout Set<Identifier>) {
        guard link.resolvedMedium != .satellite else { return nil }
        let middle = Self.unique("\(link.id)-mid", &taken)
        let node = Node(id: middle, kind: kind, position: Self.midpoint(ends.0.position, ends.1.position).map(Self.rounded))
        let (a, b) = (link.from, link.to)
        let pairs: [(Identifier, Identifier)]
        switch kind {
        case .relay: pairs = [(a, middle), (b, middle)]
        case .source: pairs = [(middle, a), (middle, b)]
        case .endpoint, .trusted, .repeater, .satellite: pairs = [(a, middle), (middle, b)]
        }
        let half = link.length.map { Quantity($0.si / 2000, .kilometre) }
        links = zip(["a", "b"], pairs).map { suffix, ends in
            var piece = link
            piece.id = Self.unique("\(link.id)-\(suffix)", &taken)
            (piece.from, piece.to) = ends
            piece.length = half
            piece.protocolKind = protocolKind
            if suffix == "b" { piece.extraLosses = [] }
            return piece
        }
        self.node = node
        original = link.id
    }

    /// The new station given a repeater's equipment and settings: its source, detector, memory, swap
    /// success, cutoff and purification (what a repeater added to a chain beside `repeater` would use).
    mutating func copyRepeaterSettings(of repeater: Node) {
        node.source = repeater.source
        node.detector = repeater.detector
        node.memory = repeater.memory
        node.swapSuccess = repeater.swapSuccess
        node.cutoffTime = repeater.cutoffTime
        node.purification = repeater.purification
        node.purificationRounds = repeater.purificationRounds
    }

    /// The edits in the file's keys.
    var changes: [String] {
        let station = [("at", node.position.map(Self.text)), ("source", node.source), ("detector", node.detector),
                       ("memory", node.memory), ("swap_success", node.swapSuccess?.text), ("cutoff_time", node.cutoffTime?.text),
                       ("purification", node.purification?.rawValue), ("purification_rounds", node.purificationRounds.map(String.init))]
            .compactMap { key, value in value.map { "\(key) \($0)" } }
        return [(["new node \(node.id): kind \(node.resolvedKind.rawValue)"] + station).joined(separator: ", ")]
            + links.map { Self.newLinkText($0) + (dropsExtraLosses($0) ? ", no extra losses" : "") }
            + ["remove link \(original) (" + keptKeysText + ")"]
    }

    /// Whether `half` is the half that leaves out the split link's extra losses (those lie on the other half).
    private func dropsExtraLosses(_ half: Link) -> Bool {
        half.extraLosses.isEmpty && links.contains { !$0.extraLosses.isEmpty }
    }

    /// Which of the split link's keys each half keeps, said where the halves' extra losses differ.
    private var keptKeysText: String {
        guard let first = links.first, let second = links.last, !first.extraLosses.isEmpty else {
            return "each half keeps its other keys"
        }
        return "each half keeps its other keys; \(first.id) keeps \(original)'s extra losses (where they lie is not in the "
            + "file); \(second.id) has none"
    }

    /// A new link's edit in the file's keys: its ends, length, protocol, and the source and detector it names.
    static func newLinkText(_ link: Link) -> String {
        (["new link \(link.id): between [\(link.from), \(link.to)]", link.length?.text ?? "no length",
          "protocol \(link.protocolKind?.rawValue ?? "default")"]
            + [("source", link.source), ("detector", link.detector)].compactMap { key, value in value.map { "\(key) \($0)" } })
            .joined(separator: ", ")
    }

    /// `base`, or `base-2`, `base-3`… : the first not in `taken`, which then holds it.
    static func unique(_ base: String, _ taken: inout Set<Identifier>) -> Identifier {
        var candidate = Identifier(base)
        var number = 2
        while taken.contains(candidate) {
            candidate = Identifier("\(base)-\(number)")
            number += 1
        }
        taken.insert(candidate)
        return candidate
    }

    /// The midpoint of two positions of the same kind (geographic: the mean latitude and longitude,
    /// across the antimeridian when that is shorter); nil otherwise.
    static func midpoint(_ a: Position?, _ b: Position?) -> Position? {
        switch (a, b) {
        case let (.planar(x1, y1)?, .planar(x2, y2)?):
            return .planar(x: Quantity((x1.si + x2.si) / 2000, .kilometre), y: Quantity((y1.si + y2.si) / 2000, .kilometre))
        case let (.geographic(lat1, lon1)?, .geographic(lat2, lon2)?):
            let degree = Double.pi / 180
            var (west, east) = (lon1.si / degree, lon2.si / degree)
            if abs(east - west) > 180 { east += east < west ? 360 : -360 }
            var longitude = (west + east) / 2
            if longitude > 180 { longitude -= 360 } else if longitude < -180 { longitude += 360 }
            return .geographic(latitude: Quantity((lat1.si + lat2.si) / 2 / degree, .degree), longitude: Quantity(longitude, .degree))
        default:
            return nil
        }
    }

    /// A position as the file writes it.
    private static func text(_ position: Position) -> String {
        switch position {
        case .planar(let x, let y): return "{x: \(x.text), y: \(y.text)}"
        case .geographic(let lat, let lon): return "{lat: \(lat.text), lon: \(lon.text)}"
        }
    }

    /// `position` with each coordinate rounded to three decimals of its unit (a metre, or a thousandth of a degree),
    /// as its edit writes it.
    private static func rounded(_ position: Position) -> Position {
        func rounded(_ quantity: Quantity) -> Quantity {
            Quantity((quantity.magnitude * 1000).rounded() / 1000, quantity.unit)
        }
        switch position {
        case .planar(let x, let y): return .planar(x: rounded(x), y: rounded(y))
        case .geographic(let lat, let lon): return .geographic(latitude: rounded(lat), longitude: rounded(lon))
        }
    }
}
