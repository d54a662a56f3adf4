import Foundation
import QNetModel
import QNetPhysics

/// Link lengths that no such link can have: a fiber longer than the Earth is round, a line of sight beyond the horizon.
enum LinkLengthBounds {
    /// Earth's equatorial circumference, m (WGS-84: 2π × 6,378.137 km = 40,075.017 km): no fiber between two places on
    /// Earth need be longer, so a longer one is a slip of the unit (`1e30 km`), not a route.
    static let longestFiber = 40_075_017.0
    /// The highest ground a terrestrial free-space terminal stands on, m: Mount Everest, 8,849 m (Nepal–China survey, 2020).
    static let highestGround = 8_849.0
    /// Effective Earth radius factor for a ray bent by the standard atmosphere, 4/3 (ITU-R P.453/P.834), which lengthens
    /// the horizon more than light's own refraction (about 7/6) does: the bound errs long.
    static let refraction = 4.0 / 3.0

    /// An error at `links[i].length` when the link's length cannot be its medium's: a fiber beyond `longestFiber`, a
    /// free-space link beyond the line of sight between its ends (each end's horizon distance summed: a ground end on
    /// `highestGround` under standard refraction, a satellite at its altitude, grazing the Earth), a satellite link's
    /// length read as the slant range beyond the satellite's horizon range (elevation 0°). Empty otherwise.
    static func errors(_ link: ResolvedLink) -> [Diagnostic] {
        let raw = link.inputs.link
        guard let length = raw.length?.si else { return [] }
        let limit: (metres: Double, why: String)
        switch link.medium {
        case .fiber:
            limit = (longestFiber, "Earth's circumference (WGS-84 equator): no fiber on Earth need be longer")
        case .freeSpace:
            let ends = [link.inputs.fromNode, link.inputs.toNode]
            limit = (ends.map(horizon).reduce(0, +),
                     "the line of sight between its ends over the Earth (each end's horizon: a ground end on "
                        + "Everest's 8,849 m with standard refraction, a satellite at its altitude)")
        case .satellite:
            guard raw.elevation == nil, raw.pass == nil else { return [] }
            let altitude = LossBudgetBuilder.satelliteAltitude(link).0
            limit = (SatelliteGeometry.slantRange(altitude: altitude.value, elevation: 0),
                     "the slant range at 0 deg elevation from \(Format.km(altitude.value)) (\(altitude.basis)): "
                        + "a longer range is below the horizon")
        }
        guard length > limit.metres else { return [] }
        return [Diagnostic(.error, "length \(Format.km(length)) is longer than a \(link.medium.rawValue) link can be: at most "
                            + "\(Format.number(limit.metres / 1000, digits: 5)) km, \(limit.why)", keyPath: "\(link.path).length")]
    }

    /// The distance to the horizon from `node`, m: from a satellite at its altitude over the spherical Earth, from the
    /// ground at `highestGround` over the refracted Earth, d = sqrt((R + h)² − R²) (law of cosines at 0° elevation).
    private static func horizon(_ node: Node) -> Double {
        let earth = SatelliteGeometry.earthRadius
        let (radius, height) = node.resolvedKind == .satellite
            ? (earth, node.altitude?.si ?? PlanningDefaults.satelliteAltitude.value)
            : (earth * refraction, highestGround)
        return ((radius + height) * (radius + height) - radius * radius).squareRoot()
    }
}
