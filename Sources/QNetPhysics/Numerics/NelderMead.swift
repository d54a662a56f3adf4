import Foundation

extension Optimise {
    /// A box in which `nelderMeadMaximum` searches: one closed interval per coordinate.
    public struct Box: Sendable, Hashable {
        public var lower: [Double]
        public var upper: [Double]

        /// The box [lower[i], upper[i]] in every coordinate i; both arrays have one entry per coordinate.
        public init(lower: [Double], upper: [Double]) {
            precondition(lower.count == upper.count, "a box needs as many lower as upper bounds")
            self.lower = lower
            self.upper = upper
        }

        /// `point` with each coordinate moved into its interval.
        public func clamp(_ point: [Double]) -> [Double] {
            var clamped = point
            for i in clamped.indices { clamped[i] = min(upper[i], max(lower[i], clamped[i])) }
            return clamped
        }
    }

    /// Nelder–Mead simplex search for a maximum of `f` inside `box`, from `start`.
    ///
    /// The simplex starts at `start` and `start + step·e_i` (each clamped into the box; a step that
    /// would leave the box goes the other way), and moves by reflection (1), expansion (2),
    /// contraction (1/2) and shrinking (1/2) towards the best vertex; every trial point is clamped
    /// into the box. It stops when the vertices lie within `tolerance` of the best in every
    /// coordinate and their values within `tolerance·|best|` (relative, so the scale of `f` does not
    /// matter), when no vertex has a finite value, or after `maxEvaluations`.
    /// Returns the best point evaluated and its value. NaN counts as the worst value. Converges to a
    /// local maximum of smooth functions; callers restart it from several points for a global one.
    /// Dimension d = `start.count` ≥ 1; O(d) work and no allocation per step besides the trial point.
    /// Source: Nelder, Mead, Comput. J. 7, 308 (1965); coefficients and acceptance rules as in
    /// Lagarias, Reeds, Wright, Wright, SIAM J. Optim. 9, 112 (1998).
    public static func nelderMeadMaximum(
        start: [Double], step: Double, box: Box, tolerance: Double, maxEvaluations: Int,
        _ f: ([Double]) -> Double
    ) -> (x: [Double], value: Double) {
        let d = start.count
        var evaluations = 0
        func value(_ x: [Double]) -> Double {
            evaluations += 1
            let y = f(x)
            return y.isNaN ? -.infinity : y
        }
        var vertices = [box.clamp(start)]
        for i in 0..<d {
            var vertex = vertices[0]
            vertex[i] += vertex[i] + step <= box.upper[i] ? step : -step
            vertices.append(box.clamp(vertex))
        }
        var values = vertices.map(value)
        var centroid = [Double](repeating: 0, count: d)
        var trial = centroid
        while evaluations < maxEvaluations {
            var (best, worst) = (0, 0)
            for j in 1...d {
                if values[j] > values[best] { best = j }
                if values[j] < values[worst] { worst = j }
            }
            guard values[best].isFinite else { break }
            var second = best
            for j in 0...d where j != worst && values[j] < values[second] { second = j }
            var spread = 0.0
            for j in 0...d {
                for i in 0..<d { spread = max(spread, abs(vertices[j][i] - vertices[best][i])) }
            }
            if spread <= tolerance, values[best] - values[worst] <= tolerance * abs(values[best]) { break }

            for i in 0..<d {
                var sum = 0.0
                for j in 0...d where j != worst { sum += vertices[j][i] }
                centroid[i] = sum / Double(d)
            }
            func along(_ t: Double) -> [Double] {
                for i in 0..<d {
                    trial[i] = min(box.upper[i], max(box.lower[i], centroid[i] + t * (centroid[i] - vertices[worst][i])))
                }
                return trial
            }
            let reflected = along(1)
            let reflectedValue = value(reflected)
            if reflectedValue > values[best] {
                let expanded = along(2)
                let expandedValue = value(expanded)
                (vertices[worst], values[worst]) = expandedValue > reflectedValue
                    ? (expanded, expandedValue) : (reflected, reflectedValue)
            } else if reflectedValue > values[second] {
                (vertices[worst], values[worst]) = (reflected, reflectedValue)
            } else {
                let outside = reflectedValue > values[worst]
                let contracted = along(outside ? 0.5 : -0.5)
                let contractedValue = value(contracted)
                if contractedValue > (outside ? reflectedValue : values[worst]) {
                    (vertices[worst], values[worst]) = (contracted, contractedValue)
                } else {
                    for j in 0...d where j != best {
                        for i in 0..<d { vertices[j][i] = vertices[best][i] + 0.5 * (vertices[j][i] - vertices[best][i]) }
                        values[j] = value(vertices[j])
                    }
                }
            }
        }
        var top = 0
        for j in 0...d where values[j] > values[top] { top = j }
        return (vertices[top], values[top])
    }
}
