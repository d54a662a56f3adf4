import Foundation

/// How far apart two positions are: what a link between their nodes spans at the least.
extension Position {
    /// The Earth's mean radius R1, m (IUGG; Moritz, "Geodetic Reference System 1980", J. Geodesy 74, 128, 2000).
    public static let earthRadius = 6_371_008.8

    /// Whether the position is planar `{x, y}` rather than geographic `{lat, lon}`.
    public var isPlanar: Bool {
        if case .planar = self { return true }
        return false
    }

    /// The shortest way to `other` over the ground, m: straight between two planar positions, the great circle
    /// (haversine, Sinnott, "Virtues of the Haversine", Sky & Telescope 68, 159, 1984) on a sphere of `earthRadius`
    /// between two geographic ones; nil when one is planar and the other geographic (they share no origin).
    public func groundDistance(to other: Position) -> Double? {
        switch (self, other) {
        case let (.planar(ax, ay), .planar(bx, by)):
            return hypot(ax.si - bx.si, ay.si - by.si)
        case (.geographic, .geographic):
            return haversine(other).map { 2 * Self.earthRadius * asin($0.squareRoot()) }
        default:
            return nil
        }
    }

    /// The straight line to `other`, m, a line of sight: as `groundDistance` between planar positions, the chord
    /// 2R·√hav(θ) under the great circle between geographic ones (both at sea level); nil for one of each.
    public func lineOfSightDistance(to other: Position) -> Double? {
        guard case .geographic = self else { return groundDistance(to: other) }
        return haversine(other).map { 2 * Self.earthRadius * $0.squareRoot() }
    }

    /// hav(θ) of the central angle θ between two geographic positions (Sinnott 1984); nil unless both are geographic.
    private func haversine(_ other: Position) -> Double? {
        guard case let (.geographic(lat1, lon1), .geographic(lat2, lon2)) = (self, other) else { return nil }
        let dLat = lat2.si - lat1.si, dLon = lon2.si - lon1.si
        return min(1, pow(sin(dLat / 2), 2) + cos(lat1.si) * cos(lat2.si) * pow(sin(dLon / 2), 2))
    }
}
