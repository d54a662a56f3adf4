import QNetModel

/// A satellite link given at one elevation (or one slant range) and no `pass:`, from a satellite that is not
/// geostationary: its key holds only while the satellite is at that elevation, minutes a day for a low orbit, so it has
/// no daily average, the rate at which a satellite segment enters the key graph (physics.md §4, key per day / 86,400 s).
/// Its link keeps its figures at that geometry (what `elevation` means, topology-format.md); its segment carries no key.
enum FixedElevationLink {
    /// Geostationary altitude, m: a circular equatorial orbit of one sidereal day.
    static let geostationaryAltitude = 35_786e3
    /// Half-width of the band around `geostationaryAltitude` in which a satellite stays in view at a nearly fixed
    /// elevation all day, m: the GEO protected region (geostationary altitude ± 200 km) of the IADC Space Debris
    /// Mitigation Guidelines (IADC-02-01).
    static let geostationaryBand = 200e3

    /// Whether a satellite at `altitude` (m) stays in view at one elevation all day.
    static func isGeostationary(altitude: Double) -> Bool {
        abs(altitude - geostationaryAltitude) <= geostationaryBand
    }

    /// The warning at the key that fixes the link's geometry (`key`: `elevation` or `length`), nil for a
    /// geostationary satellite.
    static func warning(_ link: ResolvedLink, key: String, altitude: Sourced<Double>) -> Diagnostic? {
        guard !isGeostationary(altitude: altitude.value) else { return nil }
        let what = key == "elevation" ? "one elevation" : "one slant range (its length)"
        return Diagnostic(.warning, "link \(link.inputs.link.id) gives \(what) and no pass: its key holds only while the "
            + "satellite (altitude \(Format.km(altitude.value)), \(altitude.basis)) is there, minutes a day for a satellite that "
            + "is not geostationary (\(Format.number(geostationaryAltitude / 1000, digits: 5)) ± \(Format.km(geostationaryBand)), IADC GEO region); "
            + "routed as if continuous it would overstate the daily key, so its segment carries no key in the key graph: "
            + "give it a pass: {max_elevation: …} for its key per pass and per day", keyPath: "\(link.path).\(key)")
    }

    /// Why a segment through such a link carries no key: `links` are its ids, `rate` the key while the satellite is in view.
    static func segmentReason(links: [Identifier], rate: Double) -> String {
        let names = links.map(\.rawValue).joined(separator: ", ")
        return "satellite link \(names) gives one geometry and no pass: its \(Format.rate(rate)) holds only while the satellite "
            + "is there, and a satellite segment enters the key graph at its daily average (docs/format-choices.md, Satellite passes), which needs a pass"
    }

    /// The demand note for a demand short of its rate while such segments (`ids`) carry no key.
    static func demandNote(segments ids: [String]) -> String {
        "satellite segment\(ids.count == 1 ? "" : "s") \(ids.joined(separator: ", ")) carr\(ids.count == 1 ? "ies" : "y") no key "
            + "in the routing: a link of each gives one elevation and no pass (give it a pass: for its key per day)"
    }
}
