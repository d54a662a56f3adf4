import Foundation

extension Position {
    /// The mean radius of the Earth, km (IUGG; Moritz, "Geodetic Reference System 1980", J. Geodesy 74, 128 (2000)).
    public static let earthRadiusKm = 6371.0088

    /// Distance between two positions in km: straight for planar ones, great-circle (haversine; Sinnott, "Virtues of
    /// the haversine", Sky and Telescope 68, 159 (1984)) for geographic ones; nil when one is planar and the other geographic.
    public static func distanceKm(_ a: Position, _ b: Position) -> Double? {
        switch (a, b) {
        case let (.planar(ax, ay), .planar(bx, by)):
            return hypot(ax.si - bx.si, ay.si - by.si) / 1000
        case let (.geographic(lat1, lon1), .geographic(lat2, lon2)):
            let dLat = lat2.si - lat1.si, dLon = lon2.si - lon1.si
            let h = pow(sin(dLat / 2), 2) + cos(lat1.si) * cos(lat2.si) * pow(sin(dLon / 2), 2)
            return 2 * earthRadiusKm * asin(min(1, sqrt(h)))
        default:
            return nil
        }
    }
}
