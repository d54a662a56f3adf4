import QNetModel
import QNetPhysics

/// Afterpulsing and dead time of a detector at a click probability per window (Knoll 2010, Ch. 4, Sec. VII).
struct DetectorLoad: Equatable {
    /// Afterpulse probability per window.
    var afterpulse: Double
    /// Click rate before dead time, Hz.
    var countRate: Double
    /// Observed over true count rate.
    var deadTimeFactor: Double

    /// Passes of `settled`: the afterpulses follow the registered clicks, which follow the dead-time factor, a
    /// coupling as weak as the afterpulse probability, so a few passes settle it to 1e-9.
    static let maxPasses = 8

    /// How an auto intensity (or mean pair number) is optimised, as its basis says.
    static let optimisedBasis = "optimised with the detectors' afterpulsing and dead time at the click rate of each value tried"

    /// The operating-point assumption of a key whose detectors' loads (`what`) are settled at each value tried.
    static func operatingPoint(_ what: String) -> Assumption {
        Assumption(name: "operating point", value: "afterpulsing and dead time at \(what) of each intensity tried",
                   basis: "DetectorLoad.settled at every operating point the optimiser evaluates, so it maximises the key "
                       + "with its own load (Knoll 2010, Ch. 4, Sec. VII)")
    }

    /// The load at the threshold of a key, where the clicks are noise: the noise's afterpulses, no dead-time loss.
    static func idle(noise: Double, detector: ResolvedDetector) -> DetectorLoad {
        DetectorLoad(afterpulse: Sanitise.fraction(detector.afterpulseProbability.value) * noise, countRate: 0,
                     deadTimeFactor: 1)
    }

    /// The load of a detector at `repetitionRate` windows per second that registers `clickProbability` per window
    /// (afterpulses follow these clicks) and would click with `arrivals` per window without dead time: the
    /// dead-time factor is that of the rate before dead time, arrivals plus afterpulses (Knoll 2010, Ch. 4, Sec. VII).
    static func at(clickProbability: Double, arrivals: Double, detector: ResolvedDetector, repetitionRate: Double) -> DetectorLoad {
        let afterpulse = Sanitise.fraction(detector.afterpulseProbability.value) * Sanitise.fraction(clickProbability)
        let rate = Sanitise.rate(Sanitise.fraction(arrivals + afterpulse) * repetitionRate)
        return DetectorLoad(afterpulse: afterpulse, countRate: rate, deadTimeFactor: detector.deadTimeFactor(countRate: rate))
    }

    /// The self-consistent load at one operating point (Knoll 2010, Ch. 4, Sec. VII): `arrivals` clicks per window
    /// without dead time, `registered(f)` clicks per window registered at dead-time factor f (their afterpulses
    /// add to the rate that sets f), solved by at most `maxPasses` passes from f = 1, then, for a coupling too
    /// strong for them (many afterpulses), by bisection: f = F(f) with F falling as f rises (more registered
    /// clicks, more afterpulses, a higher rate), so the root is one and lies in [0, 1].
    static func settled(arrivals: Double, registered: (Double) -> Double, detector: ResolvedDetector,
                        repetitionRate: Double) -> DetectorLoad {
        func load(_ factor: Double) -> DetectorLoad {
            at(clickProbability: registered(factor), arrivals: arrivals, detector: detector, repetitionRate: repetitionRate)
        }
        var current = load(1)
        // Without afterpulses the registered clicks do not feed back: the first pass is exact.
        guard detector.afterpulseProbability.value > 0 else { return current }
        for _ in 1..<maxPasses {
            let next = load(current.deadTimeFactor)
            if current.settles(next) { return next }
            current = next
        }
        var (low, high) = (0.0, 1.0)
        for _ in 0..<bisections {
            let middle = (low + high) / 2
            if load(middle).deadTimeFactor > middle { low = middle } else { high = middle }
        }
        return load((low + high) / 2)
    }

    /// Halvings of [0, 1] when the passes do not settle: to 1e-15 of the factor.
    static let bisections = 50

    /// Whether `next` differs from this load by less than `settled` resolves.
    func settles(_ next: DetectorLoad) -> Bool {
        abs(next.afterpulse - afterpulse) <= 1e-9 * afterpulse + 1e-18
            && abs(next.deadTimeFactor - deadTimeFactor) <= 1e-9 * deadTimeFactor
    }

    /// The receiver's budget at this load.
    func budget(_ timing: TimingBudget) -> DetectorBudget {
        timing.budget(afterpulse: afterpulse, countRate: countRate, deadTimeFactor: deadTimeFactor)
    }
}
