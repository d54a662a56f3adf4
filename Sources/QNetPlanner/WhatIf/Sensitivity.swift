import QNetModel

/// How a demand's rate changes with the parameters of its limiting link, each
/// a finite difference of the demand's max-flow rate through the planner.
public struct Sensitivity: Sendable, Hashable {
    /// The link whose parameters were varied.
    public var link: Identifier
    /// Rate change per dB of extra channel loss (bit/s per dB; negative: loss costs key).
    public var perDB: RateDerivative
    /// Rate change per km of length (bit/s per km); nil for satellite links, whose path follows from their geometry.
    public var perKm: RateDerivative?
    /// Rate change per percentage point of the receiver's detector efficiency (bit/s per %).
    public var perPercentEfficiency: RateDerivative

    public init(link: Identifier, perDB: RateDerivative, perKm: RateDerivative?, perPercentEfficiency: RateDerivative) {
        self.link = link
        self.perDB = perDB
        self.perKm = perKm
        self.perPercentEfficiency = perPercentEfficiency
    }
}

/// One derivative of a rate, with the step and difference scheme it was computed with.
public struct RateDerivative: Sendable, Hashable {
    /// d(rate)/d(parameter), bit/s per `unit`.
    public var bpsPerUnit: Double
    /// The parameter's unit: `dB`, `km` or `%` (a percentage point of efficiency).
    public var unit: String
    /// The step, in `unit`.
    public var step: Double
    /// The difference scheme (`central`, `forward 3-point`, `backward 3-point`, or a 2-point one at a kink).
    public var scheme: String
    /// At a kink (another link limits within one step), how much one step the other way changes the rate
    /// (bit/s, usually 0); nil elsewhere.
    public var otherWay: Double?

    public init(bpsPerUnit: Double, unit: String, step: Double, scheme: String, otherWay: Double? = nil) {
        self.bpsPerUnit = bpsPerUnit
        self.unit = unit
        self.step = step
        self.scheme = scheme
        self.otherWay = otherWay
    }
}
