import QNetModel
import QNetPhysics

/// A link's figures after the lookup link → equipment → `defaults:` → built-in
/// default, each in SI with where it came from.
struct ResolvedLink {
    let inputs: LinkInputs
    let path: String
    let medium: Medium
    let protocolKind: Sourced<ProtocolKind>
    let length: Sourced<Double>
    let wavelength: Sourced<Double>
    /// Fiber attenuation, dB/m (read by fiber links only).
    let attenuation: Sourced<Double>
    /// Chromatic dispersion, s/m² (read by fiber links only).
    let dispersion: Sourced<Double>
    let misalignment: Sourced<Double>
    let ecEfficiency: Sourced<Double>
    let sifting: Sourced<Sifting>
    let clockSyncJitter: Sourced<Double>
    let backgroundRate: Sourced<Double>
    let source: ResolvedSource
    let detector: ResolvedDetector

    /// Built-in defaults that only this lookup uses (made once, not per link).
    private static let protocolDefault = BuiltInDefault(ProtocolKind.bb84Decoy, "decoy-state BB84, Lo, Ma, Chen 2005")
    private static let lengthDefault = BuiltInDefault(0.0, "no length given")
    private static let siftingDefault = BuiltInDefault(Sifting.standard,
                                                       "q = 1/2; efficient BB84: q = 1, Lo, Chau, Ardehali 2005, asymptotic")

    /// The link's figures, each from the first place that sets it; a basis string is built only for the place chosen.
    init(_ inputs: LinkInputs) {
        self.inputs = inputs
        let link = inputs.link
        let defaults = inputs.defaults
        let path = "links[\(inputs.index)]"
        self.path = path
        medium = link.resolvedMedium
        protocolKind = .given(link.protocolKind, "\(path).protocol") ?? .given(defaults.protocolKind, "defaults.protocol")
            ?? Self.protocolDefault.sourced
        length = .given(link.length, "\(path).length") ?? Self.lengthDefault.sourced
        let source = inputs.resolvedSource
        self.source = source
        wavelength = .given(link.wavelength, "\(path).wavelength") ?? .given(inputs.source?.wavelength, source.path("wavelength"))
            ?? .given(defaults.wavelength, "defaults.wavelength") ?? PlanningDefaults.wavelength.sourced
        attenuation = .given(link.attenuation, "\(path).attenuation")
            ?? .given(defaults.fiberAttenuation, "defaults.fiber_attenuation") ?? PlanningDefaults.fiberAttenuation.sourced
        dispersion = .given(link.dispersion, "\(path).dispersion")
            ?? .given(defaults.fiberDispersion, "defaults.fiber_dispersion") ?? PlanningDefaults.fiberDispersion.sourced
        misalignment = .given(link.misalignment, "\(path).misalignment") ?? .given(defaults.misalignment, "defaults.misalignment")
            ?? PlanningDefaults.misalignment.sourced
        ecEfficiency = .given(link.ecEfficiency, "\(path).ec_efficiency") ?? .given(defaults.ecEfficiency, "defaults.ec_efficiency")
            ?? PlanningDefaults.ecEfficiency.sourced
        sifting = .given(link.sifting, "\(path).sifting") ?? .given(defaults.sifting, "defaults.sifting") ?? Self.siftingDefault.sourced
        clockSyncJitter = .given(link.clockSyncJitter, "\(path).clock_sync_jitter")
            ?? .given(defaults.clockSyncJitter, "defaults.clock_sync_jitter") ?? PlanningDefaults.clockSyncJitter.sourced
        backgroundRate = .given(link.backgroundRate, "\(path).background_rate") ?? PlanningDefaults.backgroundRate.sourced
        detector = inputs.resolvedDetector
    }

    /// The sifting factor q: 1/2 standard, 1 efficient (asymptotic).
    var siftingFactor: Double { sifting.value == .efficient ? 1 : 0.5 }
}

/// The sender's source after defaults.
struct ResolvedSource {
    let name: String?
    let kind: Sourced<SourceKind>
    let repetitionRate: Sourced<Double>
    let signalIntensity: Sourced<Tunable>
    let decoy: Sourced<DecoyKind>
    let decoyIntensity: Sourced<Double>
    let jitter: Sourced<Double>
    let linewidth: Sourced<Double>

    /// The source `record` named `name` (nil: none named) after defaults.
    init(record: PhotonSource?, name: String?) {
        self.name = name
        let prefix = "equipment.sources.\(name ?? "")"
        func key(_ k: String) -> String { "\(prefix).\(k)" }
        kind = Sourced.first([(record?.kind, key("kind"))], else: BuiltInDefault(.weakCoherent, "weak-coherent decoy source"))
        repetitionRate = Sourced.quantity([(record?.repetitionRate, key("repetition_rate"))], else: PlanningDefaults.repetitionRate)
        signalIntensity = Sourced.first([(record?.signalIntensity, key("signal_intensity"))],
                                        else: BuiltInDefault(.auto, "optimised by the planner"))
        decoy = Sourced.first([(record?.decoy, key("decoy"))],
                              else: BuiltInDefault(.vacuumWeak, "vacuum + weak decoy, Ma, Qi, Zhao, Lo 2005"))
        decoyIntensity = Sourced.first([(record?.decoyIntensity?.fixedValue, key("decoy_intensity"))],
                                       else: PlanningDefaults.decoyIntensity)
        jitter = Sourced.quantity([(record?.jitter, key("jitter"))], else: PlanningDefaults.sourceJitter)
        linewidth = Sourced.quantity([(record?.linewidth, key("linewidth"))], else: PlanningDefaults.linewidth)
    }

    /// The key path of `key` in this source's equipment entry (used for the link's wavelength).
    func path(_ key: String) -> String { "equipment.sources.\(name ?? "").\(key)" }
}

/// The receiver's detection system after defaults.
struct ResolvedDetector {
    let name: String?
    let kind: Sourced<DetectorKind>
    let efficiency: Sourced<Double>
    let darkCountRate: Sourced<Double>
    let darkCountProbability: Sourced<Double>?
    let deadTime: Sourced<Double>
    let deadTimeModel: Sourced<DeadTimeKind>
    let jitter: Sourced<Double>
    let afterpulseProbability: Sourced<Double>
    let gateWidth: Sourced<Double>?
    /// Electronic noise in shot-noise units (a homodyne or heterodyne receiver's).
    let electronicNoise: Sourced<Double>

    /// The detector `record` named `name` (nil: none named) after defaults.
    init(record: Detector?, name: String?) {
        self.name = name
        let prefix = "equipment.detectors.\(name ?? "")"
        func key(_ k: String) -> String { "\(prefix).\(k)" }
        kind = Sourced.first([(record?.kind, key("kind"))], else: PlanningDefaults.detectorKind)
        let builtIn = PlanningDefaults.detector(kind.value)
        efficiency = Sourced.quantity([(record?.efficiency, key("efficiency"))], else: builtIn.efficiency)
        darkCountRate = Sourced.quantity([(record?.darkCountRate, key("dark_count_rate"))], else: builtIn.darkCountRate)
        darkCountProbability = record?.darkCountProbability.map { Sourced($0.si, key("dark_count_probability")) }
        deadTime = Sourced.quantity([(record?.deadTime, key("dead_time"))], else: builtIn.deadTime)
        deadTimeModel = Sourced.first([(record?.deadTimeModel, key("dead_time_model"))], else: builtIn.deadTimeModel)
        jitter = Sourced.quantity([(record?.jitter, key("jitter"))], else: builtIn.jitter)
        afterpulseProbability = Sourced.quantity([(record?.afterpulseProbability, key("afterpulse_probability"))],
                                                 else: builtIn.afterpulseProbability)
        electronicNoise = Sourced.quantity([(record?.electronicNoise, key("electronic_noise"))], else: builtIn.electronicNoise)
        gateWidth = record?.gateWidth.map { Sourced($0.si, key("gate_width")) }
    }

    /// Observed over true count rate at `countRate` clicks per second, by the detector's dead-time model.
    func deadTimeFactor(countRate: Double) -> Double {
        let model: DeadTimeModel = deadTimeModel.value == .paralysable ? .paralysable : .nonParalysable
        return Sanitise.fraction(DeadTime.efficiencyFactor(trueRate: countRate, deadTime: deadTime.value, model: model))
    }

    /// The dead-time factor f at a system transmittance η_sys that includes it: f of the clicks before dead time,
    /// `clickRate(η_sys / f)` Hz, by `passes` fixed-point passes from f = 1 (Knoll 2010, Ch. 4, Sec. VII: f of the true rate).
    func deadTimeFactor(systemTransmittance: Double, passes: Int, clickRate: (Double) -> Double) -> Double {
        var factor = 1.0
        for _ in 0..<passes {
            factor = deadTimeFactor(countRate: clickRate(min(1, systemTransmittance / max(factor, 1e-300))))
        }
        return factor
    }
}
