/// A unit of measure: its symbol as written in files, and its factor to SI.
///
/// SI here means metres, seconds, hertz, radians, bit/s; dB for losses,
/// dB per metre for attenuation, s/m² for dispersion, and fractions for ratios.
public struct Unit: Sendable, Hashable {
    /// The symbol written after the number (`km`, `%`); empty for a bare number.
    public let symbol: String
    /// Other spellings accepted when reading (`µs` for `us`).
    public let aliases: [String]
    /// Value in SI = magnitude × factor.
    public let factor: Double
    /// The dimension this unit measures.
    public let dimension: Dimension

    init(_ symbol: String, _ factor: Double, _ dimension: Dimension, aliases: [String] = []) {
        self.symbol = symbol
        self.factor = factor
        self.dimension = dimension
        self.aliases = aliases
    }

    /// Whether `text` names this unit.
    public func matches(_ text: String) -> Bool {
        text == symbol || aliases.contains(text)
    }
}

extension Unit {
    // Bare units
    public static let fraction = Unit("", 1, .ratio)
    public static let one = Unit("", 1, .dimensionless)
    public static let perMetreTwoThirds = Unit("", 1, .refractiveStructure, aliases: ["m^-2/3", "m^(-2/3)"])

    // Lengths
    public static let metre = Unit("m", 1, .length)
    public static let kilometre = Unit("km", 1e3, .length)
    public static let centimetre = Unit("cm", 1e-2, .length)
    public static let millimetre = Unit("mm", 1e-3, .length)
    public static let micrometre = Unit("um", 1e-6, .length, aliases: ["µm", "μm"])
    public static let nanometre = Unit("nm", 1e-9, .length)

    // Attenuation and loss
    public static let decibelPerKilometre = Unit("dB/km", 1e-3, .attenuation)
    public static let decibelPerMetre = Unit("dB/m", 1, .attenuation)
    public static let decibel = Unit("dB", 1, .loss)

    // Frequency
    public static let hertz = Unit("Hz", 1, .frequency)
    public static let kilohertz = Unit("kHz", 1e3, .frequency)
    public static let megahertz = Unit("MHz", 1e6, .frequency)
    public static let gigahertz = Unit("GHz", 1e9, .frequency)

    // Time
    public static let second = Unit("s", 1, .time)
    public static let millisecond = Unit("ms", 1e-3, .time)
    public static let microsecond = Unit("us", 1e-6, .time, aliases: ["µs", "μs"])
    public static let nanosecond = Unit("ns", 1e-9, .time)
    public static let picosecond = Unit("ps", 1e-12, .time)
    public static let femtosecond = Unit("fs", 1e-15, .time)
    public static let minute = Unit("min", 60, .time)
    public static let hour = Unit("h", 3600, .time)

    // Ratio
    public static let percent = Unit("%", 1e-2, .ratio)

    // Angle
    public static let radian = Unit("rad", 1, .angle)
    public static let milliradian = Unit("mrad", 1e-3, .angle)
    public static let microradian = Unit("urad", 1e-6, .angle, aliases: ["µrad", "μrad"])
    public static let degree = Unit("deg", Double.pi / 180, .angle, aliases: ["°"])

    // Dispersion: 1 ps/(nm·km) = 1e-12 s / (1e-9 m · 1e3 m) = 1e-6 s/m²
    public static let picosecondPerNanometreKilometre = Unit(
        "ps/nm/km", 1e-6, .dispersion, aliases: ["ps/(nm km)", "ps/(nm·km)", "ps/nm·km"])
    public static let secondPerSquareMetre = Unit("s/m^2", 1, .dispersion, aliases: ["s/m2"])

    // Key rate
    public static let bitPerSecond = Unit("bit/s", 1, .keyRate, aliases: ["bps", "b/s"])
    public static let kilobitPerSecond = Unit("kbit/s", 1e3, .keyRate, aliases: ["kbps", "kb/s"])
    public static let megabitPerSecond = Unit("Mbit/s", 1e6, .keyRate, aliases: ["Mbps", "Mb/s"])
    public static let gigabitPerSecond = Unit("Gbit/s", 1e9, .keyRate, aliases: ["Gbps", "Gb/s"])

    /// Every written unit, by dimension; the first of each list is the default display unit.
    static let catalog: [Dimension: [Unit]] = [
        .length: [.kilometre, .metre, .centimetre, .millimetre, .micrometre, .nanometre],
        .attenuation: [.decibelPerKilometre, .decibelPerMetre],
        .loss: [.decibel],
        .frequency: [.hertz, .kilohertz, .megahertz, .gigahertz],
        .time: [.second, .millisecond, .microsecond, .nanosecond, .picosecond, .femtosecond, .minute, .hour],
        .ratio: [.percent, .fraction],
        .angle: [.degree, .radian, .milliradian, .microradian],
        .dispersion: [.picosecondPerNanometreKilometre, .secondPerSquareMetre],
        .keyRate: [.bitPerSecond, .kilobitPerSecond, .megabitPerSecond, .gigabitPerSecond],
        .dimensionless: [.one],
        .refractiveStructure: [.perMetreTwoThirds],
    ]
}
