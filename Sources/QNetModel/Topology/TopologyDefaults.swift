/// Values that links inherit when they do not set their own (`defaults:` in the file).
public struct TopologyDefaults: SchemaRecord {
    public var wavelength: Quantity?
    public var fiberAttenuation: Quantity?
    public var fiberDispersion: Quantity?
    public var clockSyncJitter: Quantity?
    public var protocolKind: ProtocolKind?
    public var misalignment: Quantity?
    public var ecEfficiency: Quantity?
    public var sifting: Sifting?

    public init() {}
    public static var blank: TopologyDefaults { TopologyDefaults() }

    /// Whether no default is set (the section is then not written).
    public var isEmpty: Bool { self == TopologyDefaults() }

    public static let fields: [Field<TopologyDefaults>] = [
        .quantity("wavelength", \.wavelength, .length, .opticalWavelength, help: "wavelength of every link (default 1550 nm)"),
        .quantity("fiber_attenuation", \.fiberAttenuation, .attenuation, .nonNegative,
                  help: "fiber attenuation (default 0.2 dB/km, G.652 at 1550 nm)"),
        .quantity("fiber_dispersion", \.fiberDispersion, .dispersion, .any,
                  help: "chromatic dispersion (default 17 ps/nm/km, G.652 at 1550 nm)"),
        .quantity("clock_sync_jitter", \.clockSyncJitter, .time, .nonNegative,
                  help: "clock synchronisation jitter, FWHM (default 10 ps)"),
        .choice("protocol", \.protocolKind, help: "protocol of every link (default bb84-decoy)"),
        .quantity("misalignment", \.misalignment, .ratio, .errorProbability, help: "optical error e_d, at most 50 % (default 1 %)"),
        .quantity("ec_efficiency", \.ecEfficiency, .dimensionless, .atLeastOne,
                  help: "error-correction inefficiency f (default 1.16)"),
        .choice("sifting", \.sifting, help: "standard | efficient (default standard)"),
    ]
}
