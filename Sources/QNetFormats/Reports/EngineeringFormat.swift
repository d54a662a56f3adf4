import Foundation

/// How numbers are shown in human-readable reports: rates with SI prefixes,
/// losses to 0.01 dB, ratios in percent, times in ps/ns/µs.
public enum EngineeringFormat {
    /// `1.20 kbit/s`, `0 bit/s`.
    public static func rate(_ bitsPerSecond: Double) -> String {
        scaled(bitsPerSecond, unit: "bit/s")
    }

    /// What a rate `left` of `whole` costs, where the two read the same at three digits (QA: "leaves 4.09 Mbit/s of
    /// 4.09 Mbit/s" hid 1.06 kbit/s); nil where they read apart, or nothing is lost.
    public static func hiddenCost(_ left: Double, of whole: Double) -> String? {
        guard whole > left, rate(left) == rate(whole) else { return nil }
        return rate(whole - left)
    }

    /// A PLOB bound: its rate, or `no limit` for nil, a lossless channel's (Pirandola et al., Nat. Commun. 8, 15043 (2017):
    /// −log2(1 − η) has no upper limit at η = 1).
    public static func plobBound(_ bitsPerSecond: Double?) -> String {
        bitsPerSecond.map(rate) ?? "no limit"
    }

    /// A rate change with its sign: `+1.20 kbit/s`, `-350 bit/s`, `0 bit/s`.
    public static func signedRate(_ bitsPerSecond: Double) -> String {
        (bitsPerSecond > 0 ? "+" : "") + rate(bitsPerSecond)
    }

    /// An amount of key: `301 kbit`, `0 bit`.
    public static func bits(_ bits: Double) -> String {
        scaled(bits, unit: "bit")
    }

    /// An angle given in radians, in degrees to 0.1: `49.0°`.
    public static func degrees(_ radians: Double) -> String {
        String(format: "%.1f°", radians * 180 / .pi)
    }

    /// A distance given in metres, in whole km: `645 km`.
    public static func kilometres(_ metres: Double) -> String {
        String(format: "%.0f km", metres / 1000)
    }

    /// `1.00 GHz`.
    public static func frequency(_ hertz: Double) -> String {
        scaled(hertz, unit: "Hz")
    }

    /// `6.30 dB`.
    public static func decibels(_ value: Double) -> String {
        value.isFinite ? String(format: "%.2f dB", value) : "∞ dB"
    }

    /// `1.05 %`, with more digits for small values; below 1e-10 % (a Gaussian tail far out, 6e-209 %) `< 1e-10 %`.
    public static func percent(_ ratio: Double) -> String {
        let value = ratio * 100
        if value > 0, value < 1e-10 { return "< 1e-10 %" }
        if value != 0, abs(value) < 0.01 { return String(format: "%.2e %%", value) }
        // Up to two more decimals where two would round the value up to the next whole percent: 49.999 % is not the
        // 50 % a limit is. (A value within 5e-5 % of it, 99.99999 % say, prints as it.)
        let decimals = (2...4).first { decimals in
            (Double(String(format: "%.\(decimals)f", value)) ?? value).rounded(.down) <= value.rounded(.down)
        } ?? 2
        return String(format: "%.\(decimals)f %%", value)
    }

    /// `30.0 ps`, `1.00 ns`, `50.0 µs`.
    public static func time(_ seconds: Double) -> String {
        let steps: [(Double, String)] = [(1, "s"), (1e-3, "ms"), (1e-6, "µs"), (1e-9, "ns"), (1e-12, "ps")]
        let rounded = Double(String(format: "%.3g", seconds)) ?? seconds
        for (factor, unit) in steps where abs(rounded) >= factor {
            return String(format: "%.3g", rounded / factor) + " \(unit)"
        }
        return seconds == 0 ? "0 s" : String(format: "%.3g fs", seconds / 1e-15)
    }

    /// A plain number with 4 significant digits (`0.2344`, `2.00e-08`).
    public static func number(_ value: Double) -> String {
        if value == 0 { return "0" }
        if abs(value) >= 1e-3, abs(value) < 1e6 { return String(format: "%.4g", value) }
        return String(format: "%.3e", value)
    }

    private static func scaled(_ unrounded: Double, unit: String) -> String {
        // Round to 3 significant digits first, so 999.9999e6 shows as 1 G, not 1e+03 M.
        let value = Double(String(format: "%.3g", unrounded)) ?? unrounded
        if value == 0 { return "0 \(unit)" }
        let prefixes: [(Double, String)] = [(1e12, "T"), (1e9, "G"), (1e6, "M"), (1e3, "k"), (1, "")]
        for (factor, prefix) in prefixes where abs(value) >= factor {
            return String(format: "%.3g", value / factor) + " \(prefix)\(unit)"
        }
        return String(format: "%.3g", value) + " \(unit)"
    }
}
