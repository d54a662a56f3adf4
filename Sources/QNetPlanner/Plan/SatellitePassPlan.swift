/// The key a satellite link delivers over one pass and over a day: the link
/// budget and key integrated over the pass geometry above its lowest usable elevation.
public struct SatellitePassPlan: Sendable, Hashable {
    /// Orbital altitude of the satellite, m.
    public var altitude: Double
    /// Highest elevation of the pass, rad.
    public var maxElevation: Double
    /// Lowest usable elevation, rad.
    public var minElevation: Double
    /// Time above the lowest usable elevation, s.
    public var durationSeconds: Double
    /// Usable passes a day.
    public var passesPerDay: Double
    /// Secret key integrated over one pass, bits.
    public var keyPerPassBits: Double
    /// Key per pass × passes a day, bits.
    public var keyPerDayBits: Double
    /// Key per pass over the pass's duration, bit/s (0 for a pass without usable time).
    public var passAverageBps: Double
    /// Key per day / 86 400 s: the rate at which the link enters the key graph, bit/s.
    public var dailyAverageBps: Double
    /// The pass from culmination to its end (the other half is its mirror image), a few samples.
    public var profile: [PassSample]
    /// Why the pass gives no key, when it gives none.
    public var noKeyReason: String?
    /// What the integration assumed, with sources.
    public var assumptions: [Assumption]
    /// The finite key of the pass, when the link has `finite_key:`; the figures above stay asymptotic.
    public var finiteKey: PassFiniteKeyPlan?

    /// Key per pass, per day and daily average as they enter the key graph: the finite key when there is one.
    public var keyGraphFigures: (perPass: Double, perDay: Double, dailyAverageBps: Double) {
        guard let finite = finiteKey else { return (keyPerPassBits, keyPerDayBits, dailyAverageBps) }
        return (finite.keyPerPassBits, finite.keyPerDayBits, finite.dailyAverageBps)
    }

    public init(altitude: Double, maxElevation: Double, minElevation: Double, durationSeconds: Double,
                passesPerDay: Double, keyPerPassBits: Double, keyPerDayBits: Double, passAverageBps: Double,
                dailyAverageBps: Double, profile: [PassSample], noKeyReason: String?, assumptions: [Assumption],
                finiteKey: PassFiniteKeyPlan? = nil) {
        self.altitude = altitude
        self.maxElevation = maxElevation
        self.minElevation = minElevation
        self.durationSeconds = durationSeconds
        self.passesPerDay = passesPerDay
        self.keyPerPassBits = keyPerPassBits
        self.keyPerDayBits = keyPerDayBits
        self.passAverageBps = passAverageBps
        self.dailyAverageBps = dailyAverageBps
        self.profile = profile
        self.noKeyReason = noKeyReason
        self.assumptions = assumptions
        self.finiteKey = finiteKey
    }
}

/// The link at one moment of a pass.
public struct PassSample: Sendable, Hashable {
    /// Time from culmination, s.
    public var timeSeconds: Double
    /// Elevation seen from the ground station, rad.
    public var elevation: Double
    /// Slant range, m.
    public var slantRange: Double
    /// Channel loss (every line of the link's loss budget at this geometry), dB.
    public var lossDB: Double
    /// QBER at this moment, when there are clicks.
    public var qber: Double?
    /// Secret-key rate at this moment, bit/s.
    public var keyRateBps: Double

    public init(timeSeconds: Double, elevation: Double, slantRange: Double, lossDB: Double, qber: Double?,
                keyRateBps: Double) {
        self.timeSeconds = timeSeconds
        self.elevation = elevation
        self.slantRange = slantRange
        self.lossDB = lossDB
        self.qber = qber
        self.keyRateBps = keyRateBps
    }
}
