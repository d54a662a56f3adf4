/// Where a node stands: planar x/y, or latitude/longitude.
public enum Position: Sendable, Hashable {
    /// Planar coordinates (lengths), as on a sketch.
    case planar(x: Quantity, y: Quantity)
    /// Geographic coordinates (angles).
    case geographic(latitude: Quantity, longitude: Quantity)

    /// The value written under `position:`.
    var fieldValue: FieldValue {
        switch self {
        case .planar(let x, let y):
            return .mapping([.init("x", x.text), .init("y", y.text)])
        case .geographic(let latitude, let longitude):
            return .mapping([.init("lat", latitude.text), .init("lon", longitude.text)])
        }
    }

    /// Reads `{x, y}` or `{lat, lon}`.
    static func parse(_ value: FieldValue) throws(FieldError) -> Position {
        guard case .mapping(let entries) = value else {
            throw FieldError("position takes {x: …, y: …} or {lat: …, lon: …}, not \(value.shapeName)")
        }
        let keys = Set(entries.map(\.key))
        func entry(_ key: String) -> String? { entries.first { $0.key == key }?.value }
        if keys == ["x", "y"], let x = entry("x"), let y = entry("y") {
            return .planar(x: try parseQuantity(x, .length, .any, key: "position.x", subkey: "x"),
                           y: try parseQuantity(y, .length, .any, key: "position.y", subkey: "y"))
        }
        if keys == ["lat", "lon"], let lat = entry("lat"), let lon = entry("lon") {
            return .geographic(
                latitude: try parseQuantity(lat, .angle, .latitude, key: "position.lat", subkey: "lat"),
                longitude: try parseQuantity(lon, .angle, .longitude, key: "position.lon", subkey: "lon"))
        }
        let stray = entries.first { !["x", "y", "lat", "lon"].contains($0.key) }?.key
        throw FieldError("position takes exactly {x, y} or {lat, lon}", subkey: stray)
    }
}
