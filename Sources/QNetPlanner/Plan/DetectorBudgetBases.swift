/// Where the receiver's figures in a detector and timing budget come from: each the file key that set it or the
/// built-in default with its reference (`equipment.detectors.snspd.efficiency`, `built-in default (SNSPD, 80 %, …)`).
/// The derived rows (window fraction, effective efficiency, …) name their formula where they are shown.
/// Made by the planner only (its initialiser is internal). A class: every link's budget holds one, and eight strings
/// inline would add 128 bytes to each of the tens of thousands of link plans a large network keeps.
public final class DetectorBudgetBases: Sendable, Hashable {
    /// Basis of the detection efficiency.
    public let detectorEfficiency: String
    /// Basis of the detection window (a gate width, or min(1 ns, 1/f_rep)).
    public let window: String
    /// Basis of the dark counts per window (a probability per gate, or a rate × window).
    public let darkCounts: String
    /// Basis of the stray-light count rate (× window gives the background per window).
    public let backgroundRate: String
    /// Basis of the afterpulse probability per click.
    public let afterpulseProbability: String
    /// Basis of the sender's repetition rate (clicks per pulse × f_rep gives the click rate).
    public let repetitionRate: String
    /// Basis of the dead time.
    public let deadTime: String
    /// Basis of the dead-time model (paralysable or not).
    public let deadTimeModel: String

    init(detectorEfficiency: String, window: String, darkCounts: String, backgroundRate: String, afterpulseProbability: String,
         repetitionRate: String, deadTime: String, deadTimeModel: String) {
        self.detectorEfficiency = detectorEfficiency
        self.window = window
        self.darkCounts = darkCounts
        self.backgroundRate = backgroundRate
        self.afterpulseProbability = afterpulseProbability
        self.repetitionRate = repetitionRate
        self.deadTime = deadTime
        self.deadTimeModel = deadTimeModel
    }

    // Field by field, with no array built: every link's bases are interned through a set (`AssumptionMemo.shared`).
    public static func == (a: DetectorBudgetBases, b: DetectorBudgetBases) -> Bool {
        a === b || (a.detectorEfficiency == b.detectorEfficiency && a.window == b.window && a.darkCounts == b.darkCounts
            && a.backgroundRate == b.backgroundRate && a.afterpulseProbability == b.afterpulseProbability
            && a.repetitionRate == b.repetitionRate && a.deadTime == b.deadTime && a.deadTimeModel == b.deadTimeModel)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(detectorEfficiency)
        hasher.combine(window)
        hasher.combine(darkCounts)
        hasher.combine(backgroundRate)
        hasher.combine(afterpulseProbability)
        hasher.combine(repetitionRate)
        hasher.combine(deadTime)
        hasher.combine(deadTimeModel)
    }
}
