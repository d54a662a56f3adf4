import QNetModel
import QNetPhysics

/// A link's plan with what the segment planner needs beside it.
///
/// An immutable class: the session's per-index arrays and its cache share one copy per link.
final class LinkOutcome: Sendable {
    let plan: LinkPlan
    let diagnostics: [Diagnostic]
    /// Optical path length, m (the repeater planner's round time).
    let pathLength: Double
    /// Optical error of the link, misalignment + 1/2 inter-symbol fraction (entanglement fidelity).
    let errorRate: Double
    /// The link's misalignment with where it came from (the repeater chain's elementary-fidelity assumption).
    let misalignment: Sourced<Double>
    /// The link's source and detector after defaults, shared with the other links that name the same ones (a
    /// reference: a detector's figures by value would cost hundreds of bytes per link): the source's pulse rate and
    /// the detector's dead time set the spacing of the repeater planner's modes (`ChainRounds`).
    let equipment: SharedRecords.Resolved
    /// A satellite link at one geometry, no pass, whose satellite is not geostationary (`FixedElevationLink`).
    var keyOnlyWhileInView: Bool { plan.keyOnlyWhileInView }
    /// Whether the link is shorter than the distance between its ends' positions (`LinkLengthCheck`): its warning,
    /// first in the plan's diagnostics, is kept out of `diagnostics`, as the plan lists ten of them at most. A flag,
    /// not the warning: every link's outcome would grow by an optional diagnostic (2 MB at 30,000 links).
    private let hasLengthWarning: Bool
    /// The warning that the link is shorter than the distance between its ends' positions, if it is.
    var lengthWarning: Diagnostic? { hasLengthWarning ? plan.diagnostics.first : nil }

    /// `plan` carries `lengthWarning` and `diagnostics` too, to show them with the link.
    init(plan: LinkPlan, diagnostics: [Diagnostic], pathLength: Double, errorRate: Double, misalignment: Sourced<Double>,
         equipment: SharedRecords.Resolved, keyOnlyWhileInView: Bool = false, lengthWarning: Diagnostic? = nil) {
        var plan = plan
        plan.diagnostics = (lengthWarning.map { [$0] } ?? []) + diagnostics
        plan.keyOnlyWhileInView = keyOnlyWhileInView
        self.plan = plan
        self.diagnostics = diagnostics
        hasLengthWarning = lengthWarning != nil
        self.pathLength = pathLength
        self.errorRate = errorRate
        self.misalignment = misalignment
        self.equipment = equipment
    }

    /// This outcome with `warning` as its `lengthWarning` (itself when nil).
    func adding(lengthWarning warning: Diagnostic?) -> LinkOutcome {
        guard let warning else { return self }
        return LinkOutcome(plan: plan, diagnostics: diagnostics, pathLength: pathLength, errorRate: errorRate,
                           misalignment: misalignment, equipment: equipment, keyOnlyWhileInView: keyOnlyWhileInView,
                           lengthWarning: warning)
    }
}

/// Plans one link: loss budget, detection budget, key, bound and margin.
enum LinkPlanner {
    /// The plan of the link whose inputs are `inputs`, with a warning when its length is shorter than the distance
    /// between its ends' positions (`LinkLengthCheck`).
    static func plan(_ inputs: LinkInputs, memo: ThresholdMemo, strings: AssumptionMemo = AssumptionMemo()) -> LinkOutcome {
        budgets(inputs, memo: memo, strings: strings).adding(lengthWarning: LinkLengthCheck.warning(inputs))
    }

    /// The link's budgets, key, bound and margin.
    private static func budgets(_ inputs: LinkInputs, memo: ThresholdMemo, strings: AssumptionMemo) -> LinkOutcome {
        let link = ResolvedLink(inputs)
        let loss = LossBudgetBuilder.build(link)
        let lossDB = loss.lines.reduce(0) { $0 + $1.db }
        let channel = Sanitise.fraction(Decibel.transmittance(loss: lossDB))
        var timing = DetectionBudgetBuilder.build(link, pathLength: loss.pathLength)
        timing.bases = strings.shared(timing.bases)
        let repetitionRate = Sanitise.rate(link.source.repetitionRate.value)
        let plob = PLOBRate.bitsPerSecond(transmittance: channel, repetitionRate: repetitionRate)
        let errorRate = min(0.5, Sanitise.fraction(link.misalignment.value) + 0.5 * Sanitise.fraction(timing.interSymbolFraction))
        var assumptions = strings.equipment(link, timing: timing) + loss.assumptions
        var diagnostics = loss.diagnostics + ZeroLengthCheck.warnings(inputs) + spectrumWarning(link)
            + UnusedLinkKeys.warnings(inputs.link, protocolKind: link.protocolKind.value, path: link.path) + wavelengthWarnings(link)
            + CountingDetectorCheck.warnings(link.detector, protocolKind: link.protocolKind.value, subject: "link \(inputs.link.id)",
                                             fallback: inputs.detectorReference ?? "\(link.path).detector")

        let protocolKind = link.protocolKind.value
        var detector: DetectorBudget
        var qber: QBERBudget?
        var keyPerPulse = 0.0
        var signalIntensity: Double?
        var margin: Double?
        var marginUnlimited = false
        var reason: String?
        var finiteKey: FiniteKeyPlan?
        switch protocolKind {
        case .bb84Decoy:
            let finite = FiniteKeyBuilder.build(link, channel: channel, channelLossDB: lossDB, timing: timing, memo: memo)
            finiteKey = finite?.plan
            let key = finite?.key ?? DecoyKeyBuilder.build(link, channel: channel, channelLossDB: lossDB, timing: timing,
                                                           memo: memo, strings: strings)
            diagnostics += key.invalidIntensities.map { [$0.diagnostic(link)] } ?? []
            detector = key.detector
            qber = key.qber
            keyPerPulse = key.keyPerPulse
            signalIntensity = key.signalIntensity
            margin = key.marginDB
            marginUnlimited = key.marginUnlimited
            reason = key.noKeyReason
            assumptions += key.assumptions
        case .entanglement, .bbm92, .mdi, .twinField:
            detector = timing.budget(afterpulse: 0, countRate: 0, deadTimeFactor: 1)
            assumptions.append(Assumption(name: "protocol", value: "\(protocolKind.rawValue): key computed for the whole segment",
                                          basis: link.protocolKind.basis))
        case .cvGG02:
            return CVQKDLinkBuilder.outcome(link, loss: loss, lossDB: lossDB, channel: channel,
                                            diagnostics: diagnostics + cvPassWarning(link))
        }

        // A budget the link's figures cannot make (a satellite's slant range below its altitude) gives no key.
        if let invalid = loss.diagnostics.first(where: { $0.severity == .error }) {
            (keyPerPulse, margin, marginUnlimited, reason) = (0, nil, false, invalid.message)
        }
        let pass = SatellitePassPlanner.plan(link, timing: timing, memo: memo, strings: strings)
        diagnostics += pass?.1 ?? []
        if let pass = pass?.0, let finiteKey, finiteKey.blockTimeSeconds > pass.durationSeconds {
            assumptions.append(Assumption(
                name: "finite key at culmination",
                value: "a block takes \(Format.number(finiteKey.blockTimeSeconds)) s there, longer than the whole pass "
                    + "(\(Format.number(pass.durationSeconds)) s): the link's key rate is what the culmination would give "
                    + "if it lasted; the pass's own finite key (one block per pass) is the figure to plan with",
                basis: "finite_key block_size at the culmination's detection rate against the usable pass"))
        }
        var plan = LinkPlan(
            id: inputs.link.id, medium: link.medium, protocolKind: protocolKind, lossBudget: loss.lines,
            detector: detector, qber: qber, keyRateBps: Sanitise.rate(keyPerPulse * repetitionRate),
            keyPerPulse: Sanitise.rate(keyPerPulse), signalIntensity: signalIntensity.map { Sanitise.finite($0) },
            repetitionRateHz: repetitionRate, plobBoundBps: plob, marginDB: margin.map { Sanitise.finite($0) },
            noKeyReason: reason, assumptions: assumptions, pass: pass?.0, finiteKey: finiteKey)
        plan.marginUnlimited = marginUnlimited
        return LinkOutcome(plan: plan, diagnostics: diagnostics, pathLength: Sanitise.finite(loss.pathLength), errorRate: errorRate,
                           misalignment: link.misalignment, equipment: link.inputs.resolved,
                           keyOnlyWhileInView: loss.keyOnlyWhileInView)
    }

    /// A warning when the receiver's detector cannot absorb the link's wavelength (a silicon APD at 1550 nm):
    /// its efficiency there is near 0 whatever the file says.
    private static func spectrumWarning(_ link: ResolvedLink) -> [Diagnostic] {
        let kind = link.detector.kind.value
        guard let cutoff = kind.cutoffWavelength, link.wavelength.value > cutoff else { return [] }
        let message = "link \(link.inputs.link.id): \(kind.rawValue.withIndefiniteArticle) detector does not absorb \(Format.number(link.wavelength.value * 1e9)) nm "
            + "(band-gap cut-off \(Format.number(cutoff * 1e9, digits: 4)) nm): its efficiency there is close to 0, not the "
            + "\(Format.percent(link.detector.efficiency.value)) the plan uses"
        let inputs = link.inputs
        return [Diagnostic(.warning, message, keyPath: link.detector.kind.keyPath(else: inputs.detectorReference ?? "links[\(inputs.index)].detector"))]
    }

    /// Warnings where a link's wavelength is not the one its figures were given for: a fiber whose attenuation is
    /// the built-in figure of ITU-T G.652 at 1550 nm carrying light outside the C and L bands (1530–1625 nm), and a
    /// link whose own wavelength is not its source's.
    private static func wavelengthWarnings(_ link: ResolvedLink) -> [Diagnostic] {
        var warnings: [Diagnostic] = []
        let nanometres = link.wavelength.value * 1e9
        let builtIn = link.inputs.link.attenuation == nil && link.inputs.defaults.fiberAttenuation == nil
        if link.medium == .fiber, builtIn,
           !(1530...1625).contains(nanometres) {
            warnings.append(Diagnostic(.warning, "link \(link.inputs.link.id) carries \(Format.number(nanometres)) nm (\(link.wavelength.basis)), "
                + "but its fiber attenuation is the built-in \(Format.number(link.attenuation.value * 1000)) dB/km of "
                + "standard fiber at 1550 nm: set attenuation for that wavelength", keyPath: "\(link.path).attenuation"))
        }
        if let own = link.inputs.link.wavelength?.si, let emitted = link.inputs.source?.wavelength?.si,
           abs(own - emitted) > 1e-9 {
            warnings.append(Diagnostic(.warning, "link \(link.inputs.link.id)'s wavelength \(Format.number(own * 1e9)) nm is not its "
                + "source's \(Format.number(emitted * 1e9)) nm (\(link.source.path("wavelength"))): the budgets use the link's",
                                       keyPath: "\(link.path).wavelength"))
        }
        return warnings
    }

    /// A warning when a cv-gg02 link has a satellite pass: CV-QKD over a pass is not modelled, so `pass:` is ignored.
    private static func cvPassWarning(_ link: ResolvedLink) -> [Diagnostic] {
        guard link.medium == .satellite, link.inputs.link.pass != nil else { return [] }
        return [Diagnostic(.warning, "link \(link.inputs.link.id): CV-QKD (cv-gg02) over a satellite pass is not modelled; "
            + "pass is ignored and the key is that of the link's single geometry, with no key per pass or per day",
                           keyPath: "\(link.path).pass")]
    }

    /// The detector's dark counts as the file gives them: per gate, or as a rate.
    static func darkCounts(_ detector: ResolvedDetector) -> String {
        if let probability = detector.darkCountProbability {
            return "\(Format.number(probability.value, digits: 3)) dark per gate"
        }
        return "\(Format.frequency(detector.darkCountRate.value)) dark"
    }

    /// The sender's source as the assumptions show it (`wcp-1g: weak-coherent, 1 GHz`).
    static func sourceValue(_ source: ResolvedSource) -> String {
        "\(source.name ?? "built-in"): \(source.kind.value.rawValue), \(Format.frequency(source.repetitionRate.value))"
    }

    /// Where the link names its source (`sourceReference`), or the default it falls back to.
    static func sourceBasis(_ source: ResolvedSource, reference: String?) -> String {
        reference.map { "\($0) -> equipment.sources.\(source.name ?? "")" } ?? "no source named: \(PlanningDefaults.repetitionRate.basis)"
    }

    /// The receiver's detector as the assumptions show it (`snspd: snspd, 85 %, 100 Hz dark, ...`).
    static func detectorValue(_ detector: ResolvedDetector) -> String {
        "\(detector.name ?? "built-in"): \(detector.kind.value.rawValue), "
            + "\(Format.percent(detector.efficiency.value)), \(darkCounts(detector)), "
            + "\(Format.duration(detector.jitter.value)) jitter, \(Format.duration(detector.deadTime.value)) dead time"
    }

    /// Where the link names its detector (`detectorReference`), or the default it falls back to.
    static func detectorBasis(_ detector: ResolvedDetector, reference: String?) -> String {
        reference.map { "\($0) -> equipment.detectors.\(detector.name ?? "")" }
            ?? "no detector named: \(PlanningDefaults.defaultDetector.efficiency.basis)"
    }

    /// The detection window and the dark and background counts in it.
    static func windowAssumptions(_ timing: TimingBudget) -> [Assumption] {
        [Assumption(name: "detection window", value: Format.duration(timing.window.value), basis: timing.window.basis),
         Assumption(name: "dark counts", value: "\(Format.number(timing.darkProbability.value, digits: 3)) per window",
                    basis: timing.darkProbability.basis),
         Assumption(name: "background", value: "\(Format.number(timing.backgroundProbability, digits: 3)) per window",
                    basis: "\(timing.backgroundRate.basis) x window")]
    }

    /// The link's wavelength.
    static func wavelengthAssumption(_ link: ResolvedLink) -> Assumption {
        Assumption(name: "wavelength", value: "\(Format.number(link.wavelength.value * 1e9)) nm", basis: link.wavelength.basis)
    }
}
