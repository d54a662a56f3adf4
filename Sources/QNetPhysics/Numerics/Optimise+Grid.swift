import Foundation

extension Optimise {
    /// Maximum of `f` on [lower, upper]: the best of `gridPoints` evenly spaced points, refined by golden section
    /// between its neighbours.
    ///
    /// For functions that are unimodal only away from flat stretches (a key
    /// rate clipped to a constant cost where its error rate passes 1/2), where a
    /// plain golden-section search can step the wrong way. Evaluates `f`
    /// gridPoints + ln(2·(upper − lower)/((gridPoints − 1)·tolerance))/ln φ + 2 times.
    /// Returns the best point evaluated and its value. Domain: lower < upper, gridPoints ≥ 3.
    /// Source: Press et al., Numerical Recipes, 3rd ed. (2007), Secs. 10.1–10.2 (bracketing, then golden section).
    public static func gridThenGoldenMaximum(
        lower: Double, upper: Double, gridPoints: Int, tolerance: Double, _ f: (Double) -> Double
    ) -> (x: Double, value: Double) {
        let count = max(3, gridPoints)
        let step = (upper - lower) / Double(count - 1)
        var best = (x: lower, value: -Double.infinity)
        for index in 0..<count {
            let x = lower + Double(index) * step
            let value = f(x)
            if value > best.value || best.value.isNaN { best = (x, value) }
        }
        let refined = goldenSectionMaximum(lower: max(lower, best.x - step), upper: min(upper, best.x + step),
                                           tolerance: tolerance, f)
        return refined.value > best.value ? refined : best
    }
}
