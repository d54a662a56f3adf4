import Foundation

/// Numbers as budget lines and reasons print them: a few significant digits, no trailing zeros.
enum Format {
    /// `value` with up to `digits` significant digits (`25`, `0.2`, `1.234e-05`).
    static func number(_ value: Double, digits: Int = 4) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value > 0 ? "inf" : "-inf") }
        if value == 0 { return "0" }
        let magnitude = abs(value)
        if magnitude >= 1e-3 && magnitude < 1e6 {
            let decimals = max(0, digits - 1 - Int(floor(log10(magnitude))))
            var text = String(format: "%.\(decimals)f", value)
            if text.contains(".") {
                while text.hasSuffix("0") { text.removeLast() }
                if text.hasSuffix(".") { text.removeLast() }
            }
            return text
        }
        return String(format: "%.\(max(0, digits - 1))e", value)
    }

    /// A ratio as a percentage (`11.3 %`).
    static func percent(_ ratio: Double, digits: Int = 3) -> String { "\(number(ratio * 100, digits: digits)) %" }

    /// A length in km (`25 km`).
    static func km(_ metres: Double) -> String { "\(number(metres / 1000)) km" }

    /// A loss in dB with one decimal (`52.1 dB`).
    static func dB(_ value: Double) -> String { String(format: "%.1f dB", value) }
}
