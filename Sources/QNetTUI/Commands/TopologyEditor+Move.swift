import Foundation
import QNetModel

extension TopologyEditor {
    /// Moves node `id` to map point `point` (km east and north), keeping the kind of
    /// position it has: planar x/y in km, or latitude/longitude in degrees, projected
    /// around `referenceLatitude` (radians). A coordinate that moves is rounded to the
    /// power of ten at or below `resolutionKm` (the metre at finest, about ten metres in
    /// degrees), so a node moved on a coarse map lands on a round value; one that does not
    /// move keeps its value and unit.
    public static func move(_ id: Identifier, to point: MapPoint, referenceLatitude: Double, resolutionKm: Double = 0.001,
                            in topology: Topology) throws(CommandError) -> Outcome
    {
        guard let index = topology.nodeIndex(id) else { throw CommandError("no node '\(id)'") }
        guard (point.x * 1000).isFinite, (point.y * 1000).isFinite else {
            throw CommandError("\(id) cannot move that far: its position would not be a finite number")
        }
        guard let current = topology.nodes[index].position else {
            throw CommandError("\(id) has no position to move: :set \(id).position {x: 0 km, y: 0 km}")
        }
        // Decimals of the rounding step: of km for planar positions (at most 3), of degrees for geographic ones (at most 4).
        let kmDecimals = min(3, max(0, Int(-floor(log10(max(resolutionKm, 1e-9))))))
        let degreeDecimals = min(4, max(0, Int(-floor(log10(max(resolutionKm / kmPerDegree, 1e-12))))))
        let position: Position
        switch current {
        case .planar(let x, let y):
            position = .planar(x: moved(x, to: point.x, .kilometre, decimals: kmDecimals),
                               y: moved(y, to: point.y, .kilometre, decimals: kmDecimals))
        case .geographic(let oldLatitude, let oldLongitude):
            let degrees = 180 / Double.pi
            let latitude = min(90, max(-90, point.y / MapPoint.earthRadiusKm * degrees))
            var longitude = point.x / (MapPoint.earthRadiusKm * cos(referenceLatitude)) * degrees
            longitude = (longitude + 540).truncatingRemainder(dividingBy: 360) - 180
            position = .geographic(latitude: moved(oldLatitude, to: latitude, .degree, decimals: degreeDecimals),
                                   longitude: moved(oldLongitude, to: longitude, .degree, decimals: degreeDecimals))
        }
        var next = topology
        next.nodes[index].position = position
        let shown: String
        switch position {
        case .planar(let x, let y): shown = "x \(x.text), y \(y.text)"
        case .geographic(let lat, let lon): shown = "lat \(lat.text), lon \(lon.text)"
        }
        let message = "moved \(id) to \(shown)" + lengthsAsWritten(at: id, in: next)
        return try checked(Outcome(topology: next, message: message, selection: .node(id)), against: topology)
    }

    /// A note that the lengths of the links at `id` stay as the file writes them where they now differ from the
    /// map's distance by more than 1 % (the length, not the map, is what the budgets use); empty when none does.
    private static func lengthsAsWritten(at id: Identifier, in topology: Topology) -> String {
        let differing = topology.links.compactMap { link -> String? in
            // A satellite link's length is a slant range, not a distance on the map.
            guard link.from == id || link.to == id, link.resolvedMedium != .satellite, let length = link.length,
                  let a = topology.node(link.from)?.position, let b = topology.node(link.to)?.position,
                  let distance = a.groundDistance(to: b), abs(distance - length.si) > 0.01 * length.si else { return nil }
            return "\(link.id) \(length.text) (\(Quantity.format((distance / 100).rounded() / 10)) km on the map)"
        }
        guard !differing.isEmpty else { return "" }
        let shown = differing.prefix(2).joined(separator: ", ") + (differing.count > 2 ? ", …" : "")
        return lengthsAsWrittenMarker + shown
    }

    /// How a move's aside on the lengths starts (`EditNotes` puts a new plan note before it).
    static let lengthsAsWrittenMarker = "; lengths stay as written: "

    /// Kilometres of a degree of latitude (the map's spherical earth).
    private static let kmPerDegree = MapPoint.earthRadiusKm * Double.pi / 180

    /// `old` unchanged (value and unit) when `value` (in `unit`) is where it is, else `value` rounded to `decimals`:
    /// scaled up, rounded and divided by the power of ten, the nearest double to the decimal, which prints short.
    private static func moved(_ old: Quantity, to value: Double, _ unit: QNetModel.Unit, decimals: Int) -> Quantity {
        let oldValue = old.si / unit.factor
        if abs(oldValue - value) <= 1e-9 * max(1, abs(value)) { return old }
        let scale = pow(10, Double(decimals))
        return Quantity((value * scale).rounded() / scale, unit)
    }
}
