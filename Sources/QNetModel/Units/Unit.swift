/// A unit of measure: its symbol as written in files, and its factor to SI.
///
/// SI here means metres, seconds, hertz, radians, bit/s; dB for losses,
/// dB per metre for attenuation, s/m² for dispersion, and fractions for ratios.
/// One byte: a topology holds tens of thousands of quantities.
public enum Unit: UInt8, Sendable, Hashable, CaseIterable {
    // Bare units
    case fraction, one, perMetreTwoThirds
    // Lengths
    case metre, kilometre, centimetre, millimetre, micrometre, nanometre
    // Attenuation and loss
    case decibelPerKilometre, decibelPerMetre, decibel
    // Frequency
    case hertz, kilohertz, megahertz, gigahertz
    // Time
    case second, millisecond, microsecond, nanosecond, picosecond, femtosecond, minute, hour
    // Ratio
    case percent
    // Angle
    case radian, milliradian, microradian, degree
    // Dispersion
    case picosecondPerNanometreKilometre, secondPerSquareMetre
    // Key rate
    case bitPerSecond, kilobitPerSecond, megabitPerSecond, gigabitPerSecond

    /// The symbol written after the number (`km`, `%`); empty for a bare number.
    public var symbol: String { definition.symbol }
    /// Other spellings accepted when reading (`µs` for `us`).
    public var aliases: [String] { definition.aliases }
    /// Value in SI = magnitude × factor.
    public var factor: Double { definition.factor }
    /// The dimension this unit measures.
    public var dimension: Dimension { definition.dimension }

    /// Whether `text` names this unit.
    public func matches(_ text: String) -> Bool {
        text == symbol || aliases.contains(text)
    }

    private var definition: UnitDefinition { Self.definitions[Int(rawValue)] }

    /// Symbol, factor and dimension of every case, in case order.
    private static let definitions: [UnitDefinition] = Unit.allCases.map(\.describe)

    private var describe: UnitDefinition {
        switch self {
        case .fraction: return UnitDefinition("", 1, .ratio)
        case .one: return UnitDefinition("", 1, .dimensionless)
        case .perMetreTwoThirds: return UnitDefinition("", 1, .refractiveStructure, aliases: ["m^-2/3", "m^(-2/3)"])
        case .metre: return UnitDefinition("m", 1, .length)
        case .kilometre: return UnitDefinition("km", 1e3, .length)
        case .centimetre: return UnitDefinition("cm", 1e-2, .length)
        case .millimetre: return UnitDefinition("mm", 1e-3, .length)
        case .micrometre: return UnitDefinition("um", 1e-6, .length, aliases: ["µm", "μm"])
        case .nanometre: return UnitDefinition("nm", 1e-9, .length)
        case .decibelPerKilometre: return UnitDefinition("dB/km", 1e-3, .attenuation)
        case .decibelPerMetre: return UnitDefinition("dB/m", 1, .attenuation)
        case .decibel: return UnitDefinition("dB", 1, .loss)
        case .hertz: return UnitDefinition("Hz", 1, .frequency)
        case .kilohertz: return UnitDefinition("kHz", 1e3, .frequency)
        case .megahertz: return UnitDefinition("MHz", 1e6, .frequency)
        case .gigahertz: return UnitDefinition("GHz", 1e9, .frequency)
        case .second: return UnitDefinition("s", 1, .time)
        case .millisecond: return UnitDefinition("ms", 1e-3, .time)
        case .microsecond: return UnitDefinition("us", 1e-6, .time, aliases: ["µs", "μs"])
        case .nanosecond: return UnitDefinition("ns", 1e-9, .time)
        case .picosecond: return UnitDefinition("ps", 1e-12, .time)
        case .femtosecond: return UnitDefinition("fs", 1e-15, .time)
        case .minute: return UnitDefinition("min", 60, .time)
        case .hour: return UnitDefinition("h", 3600, .time)
        case .percent: return UnitDefinition("%", 1e-2, .ratio)
        case .radian: return UnitDefinition("rad", 1, .angle)
        case .milliradian: return UnitDefinition("mrad", 1e-3, .angle)
        case .microradian: return UnitDefinition("urad", 1e-6, .angle, aliases: ["µrad", "μrad"])
        case .degree: return UnitDefinition("deg", Double.pi / 180, .angle, aliases: ["°"])
        // 1 ps/(nm·km) = 1e-12 s / (1e-9 m · 1e3 m) = 1e-6 s/m²
        case .picosecondPerNanometreKilometre:
            return UnitDefinition("ps/nm/km", 1e-6, .dispersion, aliases: ["ps/(nm km)", "ps/(nm·km)", "ps/nm·km"])
        case .secondPerSquareMetre: return UnitDefinition("s/m^2", 1, .dispersion, aliases: ["s/m2"])
        case .bitPerSecond: return UnitDefinition("bit/s", 1, .keyRate, aliases: ["bps", "b/s"])
        case .kilobitPerSecond: return UnitDefinition("kbit/s", 1e3, .keyRate, aliases: ["kbps", "kb/s"])
        case .megabitPerSecond: return UnitDefinition("Mbit/s", 1e6, .keyRate, aliases: ["Mbps", "Mb/s"])
        case .gigabitPerSecond: return UnitDefinition("Gbit/s", 1e9, .keyRate, aliases: ["Gbps", "Gb/s"])
        }
    }

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

/// What a unit is: symbol, other spellings, factor to SI, dimension.
private struct UnitDefinition: Sendable {
    let symbol: String
    let aliases: [String]
    let factor: Double
    let dimension: Dimension

    init(_ symbol: String, _ factor: Double, _ dimension: Dimension, aliases: [String] = []) {
        self.symbol = symbol
        self.factor = factor
        self.dimension = dimension
        self.aliases = aliases
    }
}
