/// A quantum link between two nodes: fiber, free-space or satellite.
///
/// For prepare-and-measure protocols `from` (the first of `between`) sends and
/// `to` receives; on a satellite link `direction` decides instead.
public struct Link: SchemaRecord {
    public var id: Identifier
    public var from: Identifier
    public var to: Identifier
    public var medium: Medium?
    public var length: Quantity?
    public var attenuation: Quantity?
    public var extraLosses: [NamedLoss] = []
    public var misalignment: Quantity?
    public var protocolKind: ProtocolKind?
    public var ecEfficiency: Quantity?
    public var sifting: Sifting?
    public var source: String?
    public var detector: String?
    public var wavelength: Quantity?
    public var dispersion: Quantity?
    public var clockSyncJitter: Quantity?
    public var txAperture: Quantity?
    public var rxAperture: Quantity?
    public var atmosphericAttenuation: Quantity?
    public var turbulenceCn2: Quantity?
    public var pointingJitter: Quantity?
    public var backgroundRate: Quantity?
    public var direction: LinkDirection?
    public var turbulence: TurbulenceProfile?
    public var elevation: Quantity?
    public var pass: SatellitePass?
    public var beamDivergence: Quantity?
    public var zenithTransmittance: Quantity?
    public var finiteKey: FiniteKeySettings?
    public var tfVariant: TwinFieldVariant?
    public var excessNoise: Quantity?
    public var excessNoiseReference: ExcessNoiseReference?
    public var reconciliationEfficiency: Quantity?
    public var heralding: Heralding?
    public var brightStatePopulation: Tunable?

    public init(id: Identifier, from: Identifier, to: Identifier, medium: Medium? = nil, length: Quantity? = nil) {
        self.id = id
        self.from = from
        self.to = to
        self.medium = medium
        self.length = length
    }

    public static var blank: Link { Link(id: "", from: "", to: "") }

    /// The link's medium; a link that names none is fiber.
    public var resolvedMedium: Medium { medium ?? .fiber }

    /// Which end of a satellite link sends; a satellite link that names no direction is a downlink (the satellite
    /// sends). Read on satellite links only.
    public var resolvedDirection: LinkDirection { direction ?? .downlink }

    /// Whether `node` is one of the link's two ends.
    public func touches(_ node: Identifier) -> Bool { from == node || to == node }

    /// The end opposite `node` (assumes `touches(node)`).
    public func otherEnd(from node: Identifier) -> Identifier { from == node ? to : from }

    /// The media whose links have free-space optics (apertures, beam, pointing).
    private static let optical: [Medium] = [.freeSpace, .satellite]
    /// The protocols that correct errors of discrete variables (cv-gg02 reconciles with its own efficiency, and keeps
    /// every symbol); an entanglement link's are read when its chain is compared with trusted-node hops.
    private static let discrete: [ProtocolKind] = ProtocolKind.allCases.filter { $0 != .cvGG02 }

    /// The link's keys; each says which media, protocols and satellite link directions use it (`Field.scope`).
    public static let fields: [Field<Link>] = [
        Field("id", help: "unique id, [A-Za-z0-9_-]+", required: true,
              read: { .scalar($0.id.rawValue) },
              write: { (link: inout Link, value: FieldValue?) throws(FieldError) in
                  guard let value else { return }
                  link.id = Identifier(try scalarText(value, key: "id"))
              }),
        Field("between", help: "[FROM, TO]: the two node ids; FROM sends", required: true,
              read: { .sequence([$0.from.rawValue, $0.to.rawValue]) },
              write: { (link: inout Link, value: FieldValue?) throws(FieldError) in
                  guard case .sequence(let ends)? = value, ends.count == 2 else {
                      throw FieldError("between takes a list of two node ids, e.g. [A, B]")
                  }
                  link.from = Identifier(ends[0])
                  link.to = Identifier(ends[1])
              }),
        .choice("medium", \.medium, help: "fiber | free-space | satellite (default fiber)"),
        .quantity("length", \.length, .length, .nonNegative,
                  help: "fiber or free-space path length (satellite links use geometry)"),
        .quantity("attenuation", \.attenuation, .attenuation, .nonNegative,
                  help: "fiber attenuation (default defaults.fiber_attenuation, else 0.2 dB/km)").only(on: [.fiber]),
        Field("extra_losses", help: "itemised losses, e.g. {connectors: 1.0 dB, splices: 0.3 dB} (a satellite downlink without an entry receiver_optics…: 7.96 dB receiving optics, Micius)",
              dimension: .loss,
              read: { link in
                  link.extraLosses.isEmpty ? nil : .mapping(link.extraLosses.map { .init($0.name, $0.loss.text) })
              },
              write: { (link: inout Link, value: FieldValue?) throws(FieldError) in
                  guard let value else { link.extraLosses = []; return }
                  guard case .mapping(let entries) = value else {
                      throw FieldError("extra_losses takes a mapping of names to losses, e.g. {connectors: 1 dB}")
                  }
                  link.extraLosses = try entries.map { (entry) throws(FieldError) in
                      NamedLoss(name: entry.key, loss: try parseQuantity(
                          entry.value, .loss, .nonNegative, key: "extra_losses.\(entry.key)", subkey: entry.key))
                  }
              }),
        .quantity("misalignment", \.misalignment, .ratio, .errorProbability, help: "optical error e_d, at most 50 % (default defaults.misalignment, else 1 %)")
            .only(for: Self.discrete),
        .choice("protocol", \.protocolKind,
                help: "bb84-decoy | bbm92 | mdi | tf | cv-gg02 | entanglement (default defaults.protocol, else bb84-decoy)"),
        .quantity("ec_efficiency", \.ecEfficiency, .dimensionless, .atLeastOne,
                  help: "error-correction inefficiency f (default defaults.ec_efficiency, else 1.16)").only(for: Self.discrete),
        .choice("sifting", \.sifting, help: "standard | efficient (default defaults.sifting, else standard)")
            .only(for: Self.discrete),
        .text("source", \.source, help: "source name overriding the sender's"),
        .text("detector", \.detector, help: "detector name overriding the receiver's"),
        .quantity("wavelength", \.wavelength, .length, .opticalWavelength,
                  help: "wavelength (default the source's wavelength, else defaults.wavelength, else 1550 nm)"),
        .quantity("dispersion", \.dispersion, .dispersion, .any,
                  help: "chromatic dispersion (default defaults.fiber_dispersion, else 17 ps/nm/km)").only(on: [.fiber])
            .only(for: Self.discrete),
        .quantity("clock_sync_jitter", \.clockSyncJitter, .time, .nonNegative,
                  help: "clock synchronisation jitter, FWHM (default defaults.clock_sync_jitter, else 10 ps)").only(for: Self.discrete),
        .quantity("tx_aperture", \.txAperture, .length, .positive, help: "transmit aperture diameter").only(on: Self.optical),
        .quantity("rx_aperture", \.rxAperture, .length, .positive, help: "receive aperture diameter").only(on: Self.optical),
        .quantity("atmospheric_attenuation", \.atmosphericAttenuation, .attenuation, .nonNegative,
                  help: "clear-air attenuation of a free-space path").only(on: [.freeSpace]),
        .quantity("turbulence_cn2", \.turbulenceCn2, .refractiveStructure, .nonNegative,
                  help: "Cn² of a horizontal path, m^(-2/3)").only(on: [.freeSpace]),
        .quantity("pointing_jitter", \.pointingJitter, .angle, .nonNegative, help: "rms pointing error per axis (satellite links: default 1.2 urad, Micius)")
            .only(on: Self.optical),
        .quantity("background_rate", \.backgroundRate, .frequency, .nonNegative, help: "stray-light counts at the receiver (default 0 Hz: no stray light)")
            .only(for: Self.discrete),
        .choice("direction", \.direction, help: "downlink | uplink (default downlink)").only(on: [.satellite]),
        .choice("turbulence", \.turbulence, help: "Cn² profile of an uplink: hv57 | none (default hv57)").only(on: [.satellite])
            .only(in: [.uplink]),
        .quantity("elevation", \.elevation, .angle, .elevation, help: "elevation of the satellite seen from the ground")
            .only(on: [.satellite]),
        .record("pass", \.pass, help: "{min_elevation, max_elevation, passes_per_day}").only(on: [.satellite]),
        .quantity("beam_divergence", \.beamDivergence, .angle, .positive,
                  help: "full-angle beam divergence, overriding the aperture's diffraction limit").only(on: Self.optical),
        .quantity("zenith_transmittance", \.zenithTransmittance, .ratio, .positiveFraction,
                  help: "atmospheric transmittance at zenith (default 80 %)").only(on: [.satellite]),
        .record("finite_key", \.finiteKey, help: "{block_size, epsilon_sec, epsilon_cor, tail_bound}; absent = asymptotic")
            .only(for: [.bb84Decoy]),
        .choice("tf_variant", \.tfVariant, help: "sns | pm").only(for: [.twinField]),
        .quantity("excess_noise", \.excessNoise, .dimensionless, .nonNegative, help: "CV-QKD excess noise, shot-noise units").only(for: [.cvGG02]),
        .choice("excess_noise_reference", \.excessNoiseReference, help: "channel-input | receiver").only(for: [.cvGG02]),
        .quantity("reconciliation_efficiency", \.reconciliationEfficiency, .ratio, .positiveFraction,
                  help: "CV-QKD reconciliation efficiency beta").only(for: [.cvGG02]),
        .choice("heralding", \.heralding, help: "single-click | two-click (default two-click)").only(for: [.entanglement]),
        .tunable("bright_state_population", \.brightStatePopulation, .fraction,
                 help: "single-click heralding: each memory's bright-state population alpha, or auto (optimised; default auto)")
            .only(for: [.entanglement]),
    ]
}
