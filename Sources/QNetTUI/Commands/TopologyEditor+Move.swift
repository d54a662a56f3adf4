import Foundation
import QNetModel

extension TopologyEditor {
    /// Moves node `id` to map point `point` (km east and north), keeping the kind of
    /// position it has: planar x/y in km (to the metre), or latitude/longitude in
    /// degrees (to about ten metres), projected around `referenceLatitude` (radians).
    public static func move(_ id: Identifier, to point: MapPoint, referenceLatitude: Double, in topology: Topology)
        throws(CommandError) -> Outcome
    {
        guard let index = topology.nodeIndex(id) else { throw CommandError("no node '\(id)'") }
        guard let current = topology.nodes[index].position else {
            throw CommandError("\(id) has no position to move: :set \(id).position {x: 0 km, y: 0 km}")
        }
        // Scaled up, rounded and divided by the power of ten: the nearest double to the decimal, which prints short.
        func rounded(_ value: Double, decimals: Double) -> Double {
            let scale = pow(10, decimals)
            return (value * scale).rounded() / scale
        }
        let position: Position
        switch current {
        case .planar:
            position = .planar(x: Quantity(rounded(point.x, decimals: 3), .kilometre), y: Quantity(rounded(point.y, decimals: 3), .kilometre))
        case .geographic:
            let degrees = 180 / Double.pi
            let latitude = min(90, max(-90, point.y / MapPoint.earthRadiusKm * degrees))
            var longitude = point.x / (MapPoint.earthRadiusKm * cos(referenceLatitude)) * degrees
            longitude = (longitude + 540).truncatingRemainder(dividingBy: 360) - 180
            position = .geographic(latitude: Quantity(rounded(latitude, decimals: 4), .degree),
                                   longitude: Quantity(rounded(longitude, decimals: 4), .degree))
        }
        var next = topology
        next.nodes[index].position = position
        let shown: String
        switch position {
        case .planar(let x, let y): shown = "x \(x.text), y \(y.text)"
        case .geographic(let lat, let lon): shown = "lat \(lat.text), lon \(lon.text)"
        }
        return try checked(Outcome(topology: next, message: "moved \(id) to \(shown)", selection: .node(id)), against: topology)
    }
}
