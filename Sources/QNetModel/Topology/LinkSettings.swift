/// One itemised extra loss of a link (`connectors: 1.0 dB`), shown as its own budget line.
public struct NamedLoss: Sendable, Hashable {
    public var name: String
    public var loss: Quantity

    public init(name: String, loss: Quantity) {
        self.name = name
        self.loss = loss
    }
}

/// A satellite pass: the geometry over which a link's key is integrated.
public struct SatellitePass: SchemaRecord {
    public var minElevation: Quantity?
    public var maxElevation: Quantity?
    public var passesPerDay: Quantity?

    public init() {}
    public static var blank: SatellitePass { SatellitePass() }

    public static let fields: [Field<SatellitePass>] = [
        .quantity("min_elevation", \.minElevation, .angle, .elevation, help: "lowest usable elevation (default 10 deg)"),
        .quantity("max_elevation", \.maxElevation, .angle, .elevation, help: "highest elevation of the pass (default 90 deg)"),
        .quantity("passes_per_day", \.passesPerDay, .dimensionless, .nonNegative, help: "usable passes a day (default 1)"),
    ]
}

/// Finite-key settings of a decoy BB84 link; absent means the asymptotic key.
public struct FiniteKeySettings: SchemaRecord {
    public var blockSize: Quantity?
    public var epsilonSec: Quantity?
    public var epsilonCor: Quantity?
    public var tailBound: TailBoundKind?

    public init() {}
    public static var blank: FiniteKeySettings { FiniteKeySettings() }

    public static let fields: [Field<FiniteKeySettings>] = [
        .quantity("block_size", \.blockSize, .dimensionless, .count,
                  help: "post-processing block size n_X, key-basis detections (default 1e7)"),
        .quantity("epsilon_sec", \.epsilonSec, .dimensionless, .probability, help: "secrecy parameter (default 1e-10)"),
        .quantity("epsilon_cor", \.epsilonCor, .dimensionless, .probability, help: "correctness parameter (default 1e-15)"),
        .choice("tail_bound", \.tailBound, help: "bound on each intensity's counts: hoeffding (Lim et al. 2014) | "
                + "chernoff (per intensity, Yin et al. 2020, as SatQuMA) (default hoeffding)"),
    ]
}
