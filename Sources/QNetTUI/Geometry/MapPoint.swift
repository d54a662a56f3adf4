import Foundation
import QNetModel

/// A node's place on a flat map, in kilometres east (`x`) and north (`y`).
///
/// Planar positions are used as written; latitude and longitude are projected
/// equirectangularly around a reference latitude (distances are true near it).
public struct MapPoint: Sendable, Hashable {
    public var x: Double
    public var y: Double

    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }

    /// The mean radius of the Earth, km (IUGG, `Position.earthRadius`).
    public static let earthRadiusKm = Position.earthRadius / 1000

    /// Where `position` lies on the map, for a map centred on `referenceLatitude` (radians).
    public init(_ position: Position, referenceLatitude: Double) {
        switch position {
        case .planar(let x, let y):
            self.init(x: x.si / 1000, y: y.si / 1000)
        case .geographic(let latitude, let longitude):
            self.init(x: MapPoint.earthRadiusKm * longitude.si * cos(referenceLatitude),
                      y: MapPoint.earthRadiusKm * latitude.si)
        }
    }

    /// The mean latitude of the geographic positions of `topology` (radians); 0 when there are none.
    public static func referenceLatitude(of topology: Topology) -> Double {
        let latitudes = topology.nodes.compactMap { node -> Double? in
            guard case .geographic(let latitude, _)? = node.position else { return nil }
            return latitude.si
        }
        return latitudes.isEmpty ? 0 : latitudes.reduce(0, +) / Double(latitudes.count)
    }
}
