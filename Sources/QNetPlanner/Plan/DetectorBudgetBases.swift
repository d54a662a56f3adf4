/// Where the receiver's figures in a detector and timing budget come from: each the file key that set it or the
/// built-in default with its reference (`equipment.detectors.snspd.efficiency`, `built-in default (SNSPD, 80 %)`).
/// The derived rows (window fraction, effective efficiency, …) name their formula where they are shown.
/// Made by the planner only (its memberwise initialiser is internal).
public struct DetectorBudgetBases: Sendable, Hashable {
    /// Basis of the detection efficiency.
    public var detectorEfficiency: String
    /// Basis of the detection window (a gate width, or min(1 ns, 1/f_rep)).
    public var window: String
    /// Basis of the dark counts per window (a probability per gate, or a rate × window).
    public var darkCounts: String
    /// Basis of the stray-light count rate (× window gives the background per window).
    public var backgroundRate: String
    /// Basis of the afterpulse probability per click.
    public var afterpulseProbability: String
    /// Basis of the sender's repetition rate (clicks per pulse × f_rep gives the click rate).
    public var repetitionRate: String
    /// Basis of the dead time.
    public var deadTime: String
    /// Basis of the dead-time model (paralysable or not).
    public var deadTimeModel: String
}
