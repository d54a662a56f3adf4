import Foundation

/// Numbers as budget lines and reasons print them: a few significant digits, no trailing zeros.
///
/// Pure Swift (no `String(format:)`, which goes through Foundation's string
/// formatting and dominated the planning time of large networks).
enum Format {
    /// `value` with up to `digits` significant digits (`25`, `0.2`, `1.234e-05`).
    static func number(_ value: Double, digits: Int = 4) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value > 0 ? "inf" : "-inf") }
        if value == 0 { return "0" }
        let exponent = floor(log10(abs(value)))
        let shift = Double(digits - 1) - exponent
        let scale = pow(10, shift)
        var rounded = (value * scale).rounded() / scale
        // Beyond 1e22 a power of ten is inexact, and so is the division (6.430000000000001e-58): the nearest double
        // to the rounded digits is read back from their text instead.
        if abs(shift) > 22, let exact = Double("\((value * scale).rounded())e\(Int(-shift))") { rounded = exact }
        if !rounded.isFinite { rounded = value }
        if rounded == rounded.rounded(), abs(rounded) < 1e15 { return String(Int64(rounded)) }
        return "\(rounded)"
    }

    /// A ratio as a percentage (`11.3 %`), with more digits where fewer would round it up to the next whole
    /// percent (`49.99 %`, not the `50 %` a limit is).
    static func percent(_ ratio: Double, digits: Int = 3) -> String {
        let value = ratio * 100
        // At most two more digits: a value closer to it than that (99.99999 %) prints as it.
        let shown = (digits...digits + 2).first { shown in
            (Double(number(value, digits: shown)) ?? value).rounded(.down) <= value.rounded(.down)
        } ?? digits
        return "\(number(value, digits: shown)) %"
    }

    /// A frequency with an SI prefix (`10 MHz`, `1 GHz`, `500 Hz`).
    static func frequency(_ hertz: Double) -> String {
        let prefixes: [(Double, String)] = [(1e12, "THz"), (1e9, "GHz"), (1e6, "MHz"), (1e3, "kHz")]
        guard let (scale, unit) = prefixes.first(where: { abs(hertz) >= $0.0 }) else { return "\(number(hertz)) Hz" }
        return "\(number(hertz / scale)) \(unit)"
    }

    /// A rate with an SI prefix to 3 significant digits (`808 kbit/s`, `9.65 kbit/s`, `0 bit/s`).
    static func rate(_ bitsPerSecond: Double) -> String {
        let prefixes: [(Double, String)] = [(1e9, "Gbit/s"), (1e6, "Mbit/s"), (1e3, "kbit/s")]
        let value = Double(number(bitsPerSecond, digits: 3)) ?? bitsPerSecond
        guard let (scale, unit) = prefixes.first(where: { abs(value) >= $0.0 }) else { return "\(number(value, digits: 3)) bit/s" }
        return "\(number(value / scale, digits: 3)) \(unit)"
    }

    /// A duration with an SI prefix (`50 ps`, `1 ns`, `10 us`, `2 s`).
    static func duration(_ seconds: Double) -> String {
        let prefixes: [(Double, String)] = [(1, "s"), (1e-3, "ms"), (1e-6, "us"), (1e-9, "ns")]
        guard let (scale, unit) = prefixes.first(where: { abs(seconds) >= $0.0 * (1 - 1e-9) }) else {
            return "\(number(seconds * 1e12)) ps"
        }
        return "\(number(seconds / scale)) \(unit)"
    }

    /// A length in km (`25 km`).
    static func km(_ metres: Double) -> String { "\(number(metres / 1000)) km" }

    /// A loss in dB with one decimal (`52.1 dB`).
    static func dB(_ value: Double) -> String {
        guard value.isFinite, abs(value) < 1e15 else { return "\(number(value)) dB" }
        let tenths = Int64((value * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        return "\(sign)\(abs(tenths) / 10).\(abs(tenths) % 10) dB"
    }
}
