import Foundation

/// Fixed-rule numerical integration.
enum Quadrature {
    /// Composite Simpson rule ∫ f over [lower, upper] with `intervals` (rounded up to even) panels.
    ///
    /// Error O(h⁴·max|f⁗|) with h = (upper − lower)/intervals. Does not allocate.
    /// Source: Press et al., Numerical Recipes, 3rd ed. (2007), Sec. 4.2.
    static func simpson(lower: Double, upper: Double, intervals: Int, _ f: (Double) -> Double) -> Double {
        let n = evenIntervals(intervals)
        let h = (upper - lower) / Double(n)
        var sum = f(lower) + f(upper)
        for i in 1..<n {
            sum += (i % 2 == 1 ? 4 : 2) * f(lower + Double(i) * h)
        }
        return sum * h / 3
    }

    /// Composite Simpson rule over equally spaced `samples` `step` apart (an odd last panel by the trapezoid rule).
    ///
    /// Fewer than two samples give 0. Source: Press et al., Numerical Recipes,
    /// 3rd ed. (2007), Sec. 4.2.
    static func simpson(samples: [Double], step: Double) -> Double {
        guard samples.count >= 2 else { return 0 }
        let panels = samples.count - 1
        let even = panels - panels % 2
        var sum = 0.0
        if even > 0 {
            sum = samples[0] + samples[even]
            for i in 1..<even { sum += (i % 2 == 1 ? 4 : 2) * samples[i] }
            sum *= step / 3
        }
        if even < panels { sum += step / 2 * (samples[panels - 1] + samples[panels]) }
        return sum
    }

    /// The number of Simpson panels for a requested count: at least 2, rounded up to even.
    static func evenIntervals(_ intervals: Int) -> Int { max(2, intervals + intervals % 2) }
}
