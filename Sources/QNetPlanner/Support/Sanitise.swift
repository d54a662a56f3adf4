/// Guards that keep NaN and infinities out of a `Plan`.
enum Sanitise {
    /// `value` when finite, else `fallback`.
    static func finite(_ value: Double, or fallback: Double = 0) -> Double {
        value.isFinite ? value : fallback
    }

    /// `value` clamped to 0...1; NaN gives 0.
    static func fraction(_ value: Double) -> Double {
        guard !value.isNaN else { return 0 }
        return min(1, max(0, value))
    }

    /// A non-negative finite rate; NaN, negatives and infinities give 0.
    static func rate(_ value: Double) -> Double {
        value.isFinite && value > 0 ? value : 0
    }

    /// A loss in dB shown in a budget: a finite loss as it is, however large (a budget line and the link's total show the
    /// same figure); an opaque channel (no light: an infinite or undefined loss) is shown as `opaque` dB.
    static func lossDB(_ value: Double, opaque: Double = 1000) -> Double {
        value.isFinite ? value : opaque
    }
}
