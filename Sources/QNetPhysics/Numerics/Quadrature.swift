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

    /// The weights of the composite Simpson rule over `count` equally spaced samples `step` apart,
    /// h/3·(1, 4, 2, …, 4, 1), an odd last panel by the trapezoid rule: the integral is Σ weight·sample.
    ///
    /// Fewer than two samples weigh 0. Source: Press et al., Numerical Recipes,
    /// 3rd ed. (2007), Sec. 4.2.
    static func simpsonWeights(count: Int, step: Double) -> [Double] {
        var weights = [Double](repeating: 0, count: max(0, count))
        guard count >= 2 else { return weights }
        let panels = count - 1
        let even = panels - panels % 2
        if even > 0 {
            for i in 0...even { weights[i] = (i == 0 || i == even ? 1 : i % 2 == 1 ? 4 : 2) * (step / 3) }
        }
        if even < panels {
            weights[panels - 1] += step / 2
            weights[panels] += step / 2
        }
        return weights
    }

    /// The number of Simpson panels for a requested count: at least 2, rounded up to even.
    static func evenIntervals(_ intervals: Int) -> Int { max(2, intervals + intervals % 2) }
}
