import Foundation
import QNetModel

/// A link's budgets and key: loss, detection and timing, QBER, key rate, bound and margin.
public struct LinkPlan: Sendable, Hashable {
    public var id: Identifier
    public var medium: Medium
    public var protocolKind: ProtocolKind
    /// The channel's losses line by line (receiver detection is in `detector`).
    public var lossBudget: [BudgetLine]
    /// Sum of `lossBudget`, dB.
    public var lossDB: Double
    /// Channel transmittance, 10^(-lossDB/10).
    public var transmittance: Double
    /// The detector and timing budget, for protocols that count photons.
    public var detector: DetectorBudget?
    /// QBER at the operating point, with its parts.
    public var qber: QBERBudget?
    /// Secret-key rate, bit/s; 0 below threshold, never NaN.
    public var keyRateBps: Double
    /// Secret key per pulse (bits).
    public var keyPerPulse: Double
    /// Mean photon number used (given, or optimised when `auto`).
    public var signalIntensity: Double?
    /// Sender's pulse rate, Hz.
    public var repetitionRateHz: Double
    /// PLOB bound of the channel times the repetition rate, bit/s; nil when it has no limit (transmittance 1).
    public var plobBoundBps: Double?
    /// The PLOB bound has no limit: a lossless channel (transmittance 1) has unbounded capacity.
    public var plobUnlimited: Bool { plobBoundBps == nil }
    /// Extra channel loss tolerated before the key is 0 (negative: loss to remove); nil when not modelled.
    public var marginDB: Double?
    /// No loss the margin search reaches removes the key (a key proportional to the transmittance at any loss):
    /// `marginDB` is nil and the link's `margin` assumption says why.
    public var marginUnlimited = false
    /// Why the key is 0, when it is (`QBER 11.3 % above ...`).
    public var noKeyReason: String?
    /// What the plan assumed, with sources.
    public var assumptions: [Assumption]
    /// A satellite link with a `pass:`: its key integrated over the pass and the day (the fields above hold
    /// the single geometry at the pass's highest elevation).
    @OutOfLine public var pass: SatellitePassPlan?
    /// The CV-QKD figures, for cv-gg02 links.
    @OutOfLine public var continuousVariable: CVQKDPlan?
    /// The block, security parameters and settings of a finite-key bb84-decoy link (nil: asymptotic key).
    @OutOfLine public var finiteKey: FiniteKeyPlan?
    /// A satellite link at one geometry and no pass, from a satellite that is not geostationary (`FixedElevationLink`):
    /// `keyRateBps` holds only while the satellite is in view there, and its segment carries no key.
    public var keyOnlyWhileInView = false
    /// The planner's errors, warnings and notes about this link (each also in `Plan.diagnostics`), so that they show
    /// where its figures do.
    public var diagnostics: [Diagnostic] = []

    public init(id: Identifier, medium: Medium, protocolKind: ProtocolKind, lossBudget: [BudgetLine],
                detector: DetectorBudget?, qber: QBERBudget?, keyRateBps: Double, keyPerPulse: Double,
                signalIntensity: Double?, repetitionRateHz: Double, plobBoundBps: Double?, marginDB: Double?,
                noKeyReason: String?, assumptions: [Assumption], pass: SatellitePassPlan? = nil,
                continuousVariable: CVQKDPlan? = nil, finiteKey: FiniteKeyPlan? = nil) {
        self.id = id
        self.medium = medium
        self.protocolKind = protocolKind
        self.lossBudget = lossBudget
        // Lines are finite (`Sanitise.lossDB`); only a sum past the largest Double could not be: it stays the largest.
        self.lossDB = min(.greatestFiniteMagnitude, lossBudget.reduce(0) { $0 + $1.db })
        self.transmittance = pow(10, -lossDB / 10)
        self.detector = detector
        self.qber = qber
        self.keyRateBps = keyRateBps
        self.keyPerPulse = keyPerPulse
        self.signalIntensity = signalIntensity
        self.repetitionRateHz = repetitionRateHz
        self.plobBoundBps = plobBoundBps
        self.marginDB = marginDB
        self.noKeyReason = noKeyReason
        self.assumptions = assumptions
        self.pass = pass
        self.continuousVariable = continuousVariable
        self.finiteKey = finiteKey
    }
}

/// The receiver's detection and timing budget of a link.
public struct DetectorBudget: Sendable, Hashable {
    /// Detection efficiency of the receiver, 0...1.
    public var detectorEfficiency: Double
    /// Detection (coincidence) window, s.
    public var windowSeconds: Double
    /// The timing spreads that add in quadrature, each a FWHM in seconds.
    public var jitterTerms: [JitterTerm]
    /// Quadrature sum of `jitterTerms`, FWHM, s.
    public var totalJitterFWHM: Double
    /// Fraction of the signal that lands inside the window.
    public var windowFraction: Double
    /// Fraction of the signal that lands in the neighbouring slot.
    public var interSymbolFraction: Double
    /// Dark-count probability per window (whole receiver).
    public var darkProbabilityPerWindow: Double
    /// Stray-light probability per window.
    public var backgroundProbabilityPerWindow: Double
    /// Afterpulse probability per window at the operating point.
    public var afterpulseProbabilityPerWindow: Double
    /// Click rate at the receiver before dead time, Hz.
    public var countRateHz: Double
    /// Observed over true count rate (dead-time saturation), 0...1.
    public var deadTimeFactor: Double
    /// detector efficiency × window fraction × dead-time factor.
    public var effectiveEfficiency: Double
    /// Highest repetition rate the window and the pulse spread allow, Hz.
    public var maxRepetitionRateHz: Double
    /// Where the receiver's figures come from (file keys or built-in defaults).
    public var bases: DetectorBudgetBases

    public init(detectorEfficiency: Double, windowSeconds: Double, jitterTerms: [JitterTerm], totalJitterFWHM: Double,
                windowFraction: Double, interSymbolFraction: Double, darkProbabilityPerWindow: Double,
                backgroundProbabilityPerWindow: Double, afterpulseProbabilityPerWindow: Double, countRateHz: Double,
                deadTimeFactor: Double, effectiveEfficiency: Double, maxRepetitionRateHz: Double, bases: DetectorBudgetBases) {
        self.detectorEfficiency = detectorEfficiency
        self.windowSeconds = windowSeconds
        self.jitterTerms = jitterTerms
        self.totalJitterFWHM = totalJitterFWHM
        self.windowFraction = windowFraction
        self.interSymbolFraction = interSymbolFraction
        self.darkProbabilityPerWindow = darkProbabilityPerWindow
        self.backgroundProbabilityPerWindow = backgroundProbabilityPerWindow
        self.afterpulseProbabilityPerWindow = afterpulseProbabilityPerWindow
        self.countRateHz = countRateHz
        self.deadTimeFactor = deadTimeFactor
        self.effectiveEfficiency = effectiveEfficiency
        self.maxRepetitionRateHz = maxRepetitionRateHz
        self.bases = bases
    }
}

/// One timing spread of the budget (source, detector, dispersion, clock sync).
public struct JitterTerm: Sendable, Hashable {
    public var name: String
    /// FWHM, s.
    public var fwhm: Double
    /// Where the figure comes from.
    public var basis: String

    public init(name: String, fwhm: Double, basis: String) {
        self.name = name
        self.fwhm = fwhm
        self.basis = basis
    }
}

/// The QBER at the operating point and the parts it is made of (they sum to `total`).
public struct QBERBudget: Sendable, Hashable {
    public var misalignment: Double
    public var darkAndBackground: Double
    public var afterpulsing: Double
    /// Signal from the neighbouring slot (inter-symbol interference).
    public var timing: Double

    public init(misalignment: Double, darkAndBackground: Double, afterpulsing: Double, timing: Double) {
        self.misalignment = misalignment
        self.darkAndBackground = darkAndBackground
        self.afterpulsing = afterpulsing
        self.timing = timing
    }

    /// The QBER, the sum of the parts.
    public var total: Double { misalignment + darkAndBackground + afterpulsing + timing }
}
