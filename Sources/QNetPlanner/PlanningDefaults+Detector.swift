import QNetModel

/// A detector kind's built-in figures (`DetectorKind.builtInDefaults`, the table `qnetplan keys` and the forms read
/// too) as the planner quotes them: each a `BuiltInDefault` whose basis names the kind, the figure and its reference.
/// A homodyne or heterodyne receiver counts no photons: its counting figures are the default kind's, and a photon
/// counter's electronic noise is 0.
public struct BuiltInDetector: Sendable {
    public let efficiency: BuiltInDefault<Double>
    /// Dark counts of the whole receiver, Hz.
    public let darkCountRate: BuiltInDefault<Double>
    /// Dead time, s.
    public let deadTime: BuiltInDefault<Double>
    public let deadTimeModel: BuiltInDefault<DeadTimeKind>
    /// Timing jitter, FWHM, s.
    public let jitter: BuiltInDefault<Double>
    /// Afterpulse probability per click.
    public let afterpulseProbability: BuiltInDefault<Double>
    /// Electronic noise, shot-noise units.
    public let electronicNoise: BuiltInDefault<Double>

    init(_ kind: DetectorKind) {
        let table = kind.builtInDefaults, counting = DetectorKindDefaults.defaultKind.builtInDefaults
        func figure(_ own: KindFigure?, else fallback: KindFigure?) -> BuiltInDefault<Double> {
            guard let figure = own ?? fallback else { return BuiltInDefault(0, "none") }
            return BuiltInDefault(figure.quantity.si, figure.reference)
        }
        efficiency = figure(table.efficiency, else: nil)
        darkCountRate = figure(table.darkCountRate, else: counting.darkCountRate)
        deadTime = figure(table.deadTime, else: counting.deadTime)
        deadTimeModel = BuiltInDefault(DetectorKindDefaults.deadTimeModel,
                                       "non-paralysable: an actively quenched or gated detector holds off after a click")
        jitter = figure(table.jitter, else: counting.jitter)
        afterpulseProbability = figure(table.afterpulseProbability, else: counting.afterpulseProbability)
        electronicNoise = table.electronicNoise.map { BuiltInDefault($0.quantity.si, $0.reference) }
            ?? BuiltInDefault(0, "a photon counter has no electronic noise")
    }
}

extension PlanningDefaults {
    // MARK: Detector

    /// Kind of a detector that names none, and of a receiver that names no detector.
    public static let detectorKind = BuiltInDefault(DetectorKindDefaults.defaultKind, "superconducting nanowire detector")

    /// The built-in figures of a detector of `kind`.
    public static func detector(_ kind: DetectorKind) -> BuiltInDetector { builtInDetectors[kind] ?? defaultDetector }

    /// The built-in figures of a receiver that names no detector.
    public static let defaultDetector = BuiltInDetector(DetectorKindDefaults.defaultKind)

    /// Every kind's figures, made once.
    private static let builtInDetectors = Dictionary(uniqueKeysWithValues: DetectorKind.allCases.map { ($0, BuiltInDetector($0)) })
}
