import Foundation

/// Fixed-rule numerical integration.
enum Quadrature {
    /// Composite Simpson rule ∫ f over [lower, upper] with `intervals` (rounded up to even) panels.
    ///
    /// Error O(h⁴·max|f⁗|) with h = (upper − lower)/intervals. Does not allocate.
    /// Source: Press et al., Numerical Recipes, 3rd ed. (2007), Sec. 4.2.
    static func simpson(lower: Double, upper: Double, intervals: Int, _ f: (Double) -> Double) -> Double {
        let n = max(2, intervals + intervals % 2)
        let h = (upper - lower) / Double(n)
        var sum = f(lower) + f(upper)
        for i in 1..<n {
            sum += (i % 2 == 1 ? 4 : 2) * f(lower + Double(i) * h)
        }
        return sum * h / 3
    }
}
