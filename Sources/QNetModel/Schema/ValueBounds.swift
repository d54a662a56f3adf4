/// The range of SI values a numeric key accepts, with the phrase that explains a refusal.
public enum ValueBounds: Sendable, Hashable {
    /// Any finite value.
    case any
    /// Zero or more (lengths, losses, rates).
    case nonNegative
    /// Strictly more than zero (repetition rates, apertures).
    case positive
    /// A fraction in 0...1 (efficiencies, probabilities): "above 100 %" is refused.
    case fraction
    /// A fraction in (0, 1].
    case positiveFraction
    /// An error probability in 0...1/2 (misalignment): above 50 % a bit is worse than a coin toss.
    case errorProbability
    /// At least one (error-correction inefficiency f).
    case atLeastOne
    /// A whole number of at least one (a block of detections).
    case count
    /// A failure probability, strictly between 0 and 1 (ε_sec, ε_cor).
    case probability
    /// An angle of elevation in 0°...90°.
    case elevation
    /// A latitude in -90°...90°.
    case latitude
    /// A longitude in -180°...180°.
    case longitude
    /// An optical wavelength, 200 nm...20 µm: ultraviolet to mid-infrared, wide around what QKD uses (405 nm to
    /// 1625 nm; CV-QKD 1550 nm); beyond it no optical source, fiber or photon detector works (`wavelength: 1550 km`).
    case opticalWavelength

    /// Nil when `value` (SI) is inside the bounds, else why it is not.
    public func violation(_ value: Double) -> String? {
        switch self {
        case .any:
            return nil
        case .nonNegative:
            return value >= 0 ? nil : "must not be negative"
        case .positive:
            return value > 0 ? nil : "must be greater than zero"
        case .fraction:
            if value < 0 { return "must not be negative" }
            return value <= 1 ? nil : "must not be above 100 %"
        case .positiveFraction:
            if value <= 0 { return "must be greater than zero" }
            return value <= 1 ? nil : "must not be above 100 %"
        case .errorProbability:
            if value < 0 { return "must not be negative" }
            return value <= 0.5 ? nil : "must not be above 50 % (an error rate above 50 % is worse than guessing)"
        case .atLeastOne:
            return value >= 1 ? nil : "must be at least 1"
        case .count:
            return value >= 1 && value == value.rounded() ? nil : "must be a whole number of at least 1"
        case .probability:
            return value > 0 && value < 1 ? nil : "must be above 0 and below 1 (a failure probability)"
        case .elevation:
            return (0...(Double.pi / 2)).contains(value) ? nil : "must be between 0 deg and 90 deg"
        case .latitude:
            return (-(Double.pi / 2)...(Double.pi / 2)).contains(value) ? nil : "must be between -90 deg and 90 deg"
        case .longitude:
            return (-Double.pi...Double.pi).contains(value) ? nil : "must be between -180 deg and 180 deg"
        case .opticalWavelength:
            return (200e-9...20e-6).contains(value) ? nil
                : "must be an optical wavelength, between 200 nm and 20 um (ultraviolet to mid-infrared; QKD uses 405 nm to 1625 nm)"
        }
    }

    /// Whether a bare number above 1 was likely meant as a percentage (`efficiency: 85`).
    var takesPercentages: Bool {
        switch self {
        case .fraction, .positiveFraction, .errorProbability: return true
        default: return false
        }
    }
}
