/// A physical dimension that a topology key accepts, with the units it may be written in.
///
/// Every quantity in a topology file is a number with a unit in one string
/// (`50 km`). A bare number is accepted only for dimensions that have a
/// documented bare unit (`bareUnit`): ratios (a fraction in 0...1),
/// dimensionless numbers, and Cn² in m^(-2/3).
public enum Dimension: String, Sendable, Hashable, CaseIterable {
    case length
    case attenuation          // dB per length
    case loss                 // dB
    case frequency
    case time
    case ratio                // 0...1, written in % or as a bare fraction
    case angle
    case dispersion           // s per (m of bandwidth) per m of fiber
    case keyRate              // bit/s
    case dimensionless
    case refractiveStructure  // Cn², m^(-2/3)

    /// The units this dimension accepts, the first being the one shown by default.
    public var units: [Unit] { Unit.catalog[self] ?? [] }

    /// Its units as help lists them, space-separated, `bare` for a bare number (`km m cm mm um nm`, `% bare`).
    public var unitSymbols: String {
        units.map { $0.symbol.isEmpty ? "bare" : $0.symbol }.joined(separator: " ")
    }

    /// The other spellings its units are read in, as help lists them (`bps b/s = bit/s, kbps kb/s = kbit/s`); empty
    /// when none has one (`Unit.aliases`).
    public var unitAliases: String {
        units.filter { !$0.aliases.isEmpty }
            .map { "\($0.aliases.joined(separator: " ")) = \($0.symbol.isEmpty ? "bare" : $0.symbol)" }
            .joined(separator: ", ")
    }

    /// The unit a bare number is read in, or nil when a unit must be written.
    public var bareUnit: Unit? {
        switch self {
        case .ratio: return .fraction
        case .dimensionless: return .one
        case .refractiveStructure: return .perMetreTwoThirds
        default: return nil
        }
    }

    /// A short human name, for error messages ("expected a length").
    public var noun: String {
        switch self {
        case .length: return "length"
        case .attenuation: return "attenuation"
        case .loss: return "loss"
        case .frequency: return "frequency"
        case .time: return "time"
        case .ratio: return "ratio"
        case .angle: return "angle"
        case .dispersion: return "dispersion"
        case .keyRate: return "key rate"
        case .dimensionless: return "number"
        case .refractiveStructure: return "refractive-index structure constant"
        }
    }
}
