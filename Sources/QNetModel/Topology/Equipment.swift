/// The topology's equipment library: sources, detectors and memories, named
/// once and referenced by nodes and links, so that changing a model re-plans
/// every link that uses it.
public struct Equipment: Sendable, Hashable {
    public var sources: [PhotonSource] = []
    public var detectors: [Detector] = []
    public var memories: [QuantumMemory] = []

    public init(sources: [PhotonSource] = [], detectors: [Detector] = [], memories: [QuantumMemory] = []) {
        self.sources = sources
        self.detectors = detectors
        self.memories = memories
    }

    /// The source named `name`.
    public func source(named name: String) -> PhotonSource? { sources.first { $0.name == name } }
    /// The detector named `name`.
    public func detector(named name: String) -> Detector? { detectors.first { $0.name == name } }
    /// The memory named `name`.
    public func memory(named name: String) -> QuantumMemory? { memories.first { $0.name == name } }
}

/// A transmitter: weak-coherent pulses with decoys, SPDC pairs, single photons or Gaussian states.
public struct PhotonSource: SchemaRecord {
    /// The name under `equipment.sources`.
    public var name: String
    public var kind: SourceKind?
    public var repetitionRate: Quantity?
    public var signalIntensity: Tunable?
    public var decoy: DecoyKind?
    public var decoyIntensity: Tunable?
    public var secondDecoyIntensity: Tunable?
    public var basisBias: Tunable?
    public var meanPairNumber: Tunable?
    public var symbolRate: Quantity?
    public var modulationVariance: Quantity?
    public var jitter: Quantity?
    public var linewidth: Quantity?
    public var wavelength: Quantity?

    public init(name: String) { self.name = name }
    public static var blank: PhotonSource { PhotonSource(name: "") }

    public static let fields: [Field<PhotonSource>] = [
        .choice("kind", \.kind, help: "weak-coherent | spdc | single-photon | coherent-gaussian (default weak-coherent)"),
        .quantity("repetition_rate", \.repetitionRate, .frequency, .positive, help: "pulse rate (default 1 GHz)"),
        .tunable("signal_intensity", \.signalIntensity, help: "mean photon number mu, or auto (optimised; default auto)"),
        .choice("decoy", \.decoy, help: "decoy method: infinite | vacuum+weak (default vacuum+weak)"),
        .tunable("decoy_intensity", \.decoyIntensity, help: "weak decoy intensity nu, mu2 (default 0.1; finite key: auto)"),
        .tunable("second_decoy_intensity", \.secondDecoyIntensity,
                 help: "third intensity mu3 of finite-key decoy BB84 (default 2e-4; auto = vacuum)"),
        .tunable("basis_bias", \.basisBias, .fraction, help: "probability q_X of the key basis, finite key (default auto)"),
        .tunable("mean_pair_number", \.meanPairNumber, help: "SPDC mean pair number per pulse, or auto"),
        .quantity("symbol_rate", \.symbolRate, .frequency, .positive, help: "CV-QKD symbol rate"),
        .quantity("modulation_variance", \.modulationVariance, .dimensionless, .nonNegative,
                  help: "CV-QKD modulation variance V_A in shot-noise units"),
        .quantity("jitter", \.jitter, .time, .nonNegative, help: "timing jitter, FWHM (default 0 ps)"),
        .quantity("linewidth", \.linewidth, .length, .nonNegative, help: "spectral width, for dispersion (default 0.1 nm)"),
        .quantity("wavelength", \.wavelength, .length, .opticalWavelength, help: "emission wavelength (default: the link's)"),
    ]
}

/// A receiver's whole detection system (all its detectors together).
public struct Detector: SchemaRecord {
    /// The name under `equipment.detectors`.
    public var name: String
    public var kind: DetectorKind?
    public var efficiency: Quantity?
    public var darkCountRate: Quantity?
    public var darkCountProbability: Quantity?
    public var deadTime: Quantity?
    public var deadTimeModel: DeadTimeKind?
    public var jitter: Quantity?
    public var afterpulseProbability: Quantity?
    public var gateWidth: Quantity?
    public var electronicNoise: Quantity?

    public init(name: String) { self.name = name }
    public static var blank: Detector { Detector(name: "") }

    public static let fields: [Field<Detector>] = [
        .choice("kind", \.kind, help: "snspd | ingaas-apd | si-apd | homodyne | heterodyne "
                    + "(default \(DetectorKindDefaults.defaultKind.rawValue); the other keys' defaults follow the kind)"),
        .quantity("efficiency", \.efficiency, .ratio, .fraction, help: "detection efficiency" + kindDefaults("efficiency")),
        .quantity("dark_count_rate", \.darkCountRate, .frequency, .nonNegative,
                  help: "dark counts of the whole receiver" + kindDefaults("dark_count_rate")),
        .quantity("dark_count_probability", \.darkCountProbability, .ratio, .fraction,
                  help: "dark-count probability per window, instead of a rate"),
        .quantity("dead_time", \.deadTime, .time, .nonNegative, help: "dead time after a click" + kindDefaults("dead_time")),
        .choice("dead_time_model", \.deadTimeModel,
                help: "non-paralysable | paralysable (default \(DetectorKindDefaults.deadTimeModel.rawValue))"),
        .quantity("jitter", \.jitter, .time, .nonNegative, help: "timing jitter, FWHM" + kindDefaults("jitter")),
        .quantity("afterpulse_probability", \.afterpulseProbability, .ratio, .fraction,
                  help: "afterpulse probability per click" + kindDefaults("afterpulse_probability")),
        .quantity("gate_width", \.gateWidth, .time, .positive,
                  help: "detection window (default the smaller of 1 ns and the pulse period)"),
        .quantity("electronic_noise", \.electronicNoise, .dimensionless, .nonNegative,
                  help: "CV-QKD electronic noise in shot-noise units" + kindDefaults("electronic_noise"))
            .only(detectors: [.homodyne, .heterodyne]),
    ]

    /// The help's defaults of `key` by detector kind, from `DetectorKindDefaults`.
    private static func kindDefaults(_ key: String) -> String { DetectorKindDefaults.help(forKey: key) }
}

/// A quantum memory at a repeater.
public struct QuantumMemory: SchemaRecord {
    /// The name under `equipment.memories`.
    public var name: String
    public var efficiency: Quantity?
    public var coherenceTime: Quantity?
    public var modes: Int?

    public init(name: String) { self.name = name }
    public static var blank: QuantumMemory { QuantumMemory(name: "") }

    public static let fields: [Field<QuantumMemory>] = [
        .quantity("efficiency", \.efficiency, .ratio, .fraction, help: "write-read efficiency (default 50 %)"),
        .quantity("coherence_time", \.coherenceTime, .time, .positive, help: "coherence time T2 (default 1 s)"),
        .integer("modes", \.modes, 1...1_000_000, help: "multiplexed modes (default 1)"),
    ]
}
