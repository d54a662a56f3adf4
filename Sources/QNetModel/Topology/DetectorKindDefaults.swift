/// A built-in figure of a detector kind: the quantity as a file would write it, and what the figure rests on.
public struct KindFigure: Sendable, Hashable {
    /// The figure, in the unit a data sheet gives it.
    public let quantity: Quantity
    /// Why the figure is typical of the kind (`InGaAs APD, 20 %; Zhang et al., …`), as a budget's basis quotes it.
    public let reference: String

    init(_ magnitude: Double, _ unit: Unit, _ reference: String) {
        quantity = Quantity(magnitude, unit)
        self.reference = reference
    }
}

/// The figures a detection system of one kind has when its `equipment.detectors` entry (or a receiver that names
/// none, which gets the default kind's) leaves a key out: typical of the kind's data sheets and reviews, each with its
/// reference. The one table that the planner, `qnetplan keys` and the workbench's detector form read.
public struct DetectorKindDefaults: Sendable, Hashable {
    /// Detection efficiency.
    public let efficiency: KindFigure
    /// Dark counts of the whole receiver, a rate (nil: not a photon counter).
    public let darkCountRate: KindFigure?
    /// Dead time after a click (nil: not a photon counter).
    public let deadTime: KindFigure?
    /// Timing jitter, FWHM (nil: not a photon counter).
    public let jitter: KindFigure?
    /// Afterpulse probability per click (nil: not a photon counter).
    public let afterpulseProbability: KindFigure?
    /// Electronic noise in shot-noise units (nil: a photon counter, which has none).
    public let electronicNoise: KindFigure?

    /// The kind a detector that names none is.
    public static let defaultKind = DetectorKind.snspd
    /// Dead-time model of every photon counter (actively quenched or gated with a hold-off).
    public static let deadTimeModel = DeadTimeKind.nonParalysable

    /// The built-in figure of the detector key `key` (`efficiency`, `dark_count_rate`, …), if the kind has one.
    public func figure(forKey key: String) -> KindFigure? {
        switch key {
        case "efficiency": efficiency
        case "dark_count_rate": darkCountRate
        case "dead_time": deadTime
        case "jitter": jitter
        case "afterpulse_probability": afterpulseProbability
        case "electronic_noise": electronicNoise
        default: nil
        }
    }

    /// The schema's help suffix for `key`: `(default by kind: snspd 80 %, ingaas-apd 20 %, …)`, or nil when no kind has one.
    static func help(forKey key: String) -> String {
        let figures = DetectorKind.allCases.compactMap { kind in
            kind.builtInDefaults.figure(forKey: key).map { "\(kind.rawValue) \($0.quantity.text)" }
        }
        return figures.isEmpty ? "" : " (default by kind: \(figures.joined(separator: ", ")))"
    }

    fileprivate static let snspd = DetectorKindDefaults(
        efficiency: KindFigure(80, .percent, "SNSPD, 80 %, below the 93 % of Marsili et al., Nat. Photon. 7, 210 (2013)"),
        darkCountRate: KindFigure(100, .hertz, "SNSPD, 100 Hz for the whole receiver; \(snspdTypical)"),
        deadTime: KindFigure(50, .nanosecond, "SNSPD, 50 ns, above the 40 ns reset time of Marsili et al., Nat. Photon. 7, 210 (2013)"),
        jitter: KindFigure(50, .picosecond, "SNSPD, 50 ps FWHM (Marsili et al. 2013: 150 ps); \(snspdTypical)"),
        afterpulseProbability: KindFigure(0, .percent, "SNSPD, no afterpulsing; \(snspdTypical)"),
        electronicNoise: nil)
    /// The basis of the SNSPD figures no checked source gives: the review of the kind, not checked for them.
    private static let snspdTypical = "typical value, not checked against the review of Natarajan, Tanner, Hadfield, "
        + "Supercond. Sci. Technol. 25, 063001 (2012)"

    fileprivate static let ingaasAPD = DetectorKindDefaults(
        efficiency: KindFigure(20, .percent, "gated InGaAs APD, 20 % (10-30 %); \(ingaasTypical)"),
        darkCountRate: KindFigure(1, .kilohertz, "gated InGaAs APD, 1 kHz for the whole receiver, 1e-6 per 1 ns gate; \(ingaasTypical)"),
        deadTime: KindFigure(1, .microsecond, "gated InGaAs APD, 1 us hold-off against afterpulsing (1-10 us); \(ingaasTypical)"),
        jitter: KindFigure(300, .picosecond, "gated InGaAs APD, 300 ps FWHM; \(ingaasTypical)"),
        afterpulseProbability: KindFigure(1, .percent, "gated InGaAs APD, 1 % after a 1 us hold-off (a few % without one); \(ingaasTypical)"),
        electronicNoise: nil)
    /// The basis of the gated InGaAs figures: the review of the kind, not checked for them.
    private static let ingaasTypical = "typical value, not checked against the review of Zhang, Itzler, Zbinden, Pan, "
        + "Light Sci. Appl. 4, e286 (2015)"

    fileprivate static let siAPD = DetectorKindDefaults(
        efficiency: KindFigure(50, .percent, "Si APD, 50 % at 850 nm (65 % at 650 nm); \(siDataSheet)"),
        darkCountRate: KindFigure(100, .hertz, "Si APD, 100 Hz, a low-dark-count grade; \(siDataSheet)"),
        deadTime: KindFigure(22, .nanosecond, "Si APD, 22 ns; \(siDataSheet)"),
        jitter: KindFigure(350, .picosecond, "Si APD, 350 ps FWHM; \(siDataSheet)"),
        afterpulseProbability: KindFigure(0.5, .percent, "Si APD, 0.5 %; \(siDataSheet)"),
        electronicNoise: nil)
    /// The Si APD figures' basis: typical of the module; its data sheet was not available here to check them.
    private static let siDataSheet = "typical value for the Excelitas SPCM-AQRH module, not checked against its data sheet"

    fileprivate static let coherent = DetectorKindDefaults(
        efficiency: KindFigure(60, .percent, "balanced detector with its optics, 60 %; Lodewyck et al., PRA 76, 042305 (2007): 60.6 %\(lodewyckQuoted)"),
        darkCountRate: nil, deadTime: nil, jitter: nil, afterpulseProbability: nil,
        electronicNoise: KindFigure(0.05, .one, "0.05 SNU; Lodewyck et al., PRA 76, 042305 (2007): 0.041 SNU\(lodewyckQuoted)"))
    /// Where the Lodewyck et al. figures were read: the validation case `cv-gg02-lodewyck-25km` (Tests/validation/cv-qkd.yaml).
    private static let lodewyckQuoted = " (as a third-party CV-QKD code quotes the paper; not checked against its text)"
}

extension DetectorKind {
    /// The figures a detector of this kind has when its entry leaves them out, each with its reference.
    public var builtInDefaults: DetectorKindDefaults {
        switch self {
        case .snspd: DetectorKindDefaults.snspd
        case .ingaasAPD: DetectorKindDefaults.ingaasAPD
        case .siAPD: DetectorKindDefaults.siAPD
        case .homodyne, .heterodyne: DetectorKindDefaults.coherent
        }
    }
}
