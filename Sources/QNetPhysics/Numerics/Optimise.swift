import Foundation

/// One-dimensional optimisers used by the key-rate models.
public enum Optimise {
    /// Golden-section search for the maximum of a unimodal function on [lower, upper].
    ///
    /// Shrinks the bracket by 1/φ (φ = (1 + √5)/2) per evaluation until it is
    /// narrower than `tolerance`, so it evaluates `f` about
    /// ln((upper − lower)/tolerance)/ln φ + 2 times. Returns the best point
    /// evaluated and its value. Domain: lower ≤ upper, tolerance > 0; `f` is
    /// assumed unimodal on the interval (otherwise a local maximum is returned).
    /// Does not allocate.
    /// Source: Kiefer, Proc. Amer. Math. Soc. 4, 502 (1953); Press et al.,
    /// Numerical Recipes, 3rd ed. (2007), Sec. 10.2.
    public static func goldenSectionMaximum(
        lower: Double, upper: Double, tolerance: Double, _ f: (Double) -> Double
    ) -> (x: Double, value: Double) {
        let invPhi = (sqrt(5.0) - 1) / 2
        var a = min(lower, upper)
        var b = max(lower, upper)
        var c = b - invPhi * (b - a)
        var d = a + invPhi * (b - a)
        var fc = f(c)
        var fd = f(d)
        while b - a > tolerance {
            if fc >= fd || fd.isNaN {
                b = d
                d = c
                fd = fc
                c = b - invPhi * (b - a)
                fc = f(c)
            } else {
                a = c
                c = d
                fc = fd
                d = a + invPhi * (b - a)
                fd = f(d)
            }
        }
        return fc >= fd || fd.isNaN ? (c, fc) : (d, fd)
    }

    /// Bisection for the boundary where `isInside` flips from true (at `lower`) to false (at `upper`).
    ///
    /// Halves the bracket until it is narrower than `tolerance` and returns its
    /// inside end, so the result is a point known to be inside and within
    /// `tolerance` of the boundary. Works for lower > upper as well (the
    /// bracket is then searched downwards). Precondition, not checked (it
    /// would cost two evaluations the callers already made):
    /// isInside(lower) is true and isInside(upper) is false; `isInside`
    /// has a single flip in between. Evaluates the predicate
    /// ⌈log2(|upper − lower|/tolerance)⌉ times.
    /// Source: the bisection method, e.g. Press et al., Numerical Recipes,
    /// 3rd ed. (2007), Sec. 9.1.
    public static func bisectBoundary(
        lower: Double, upper: Double, tolerance: Double, _ isInside: (Double) -> Bool
    ) -> Double {
        var inside = lower
        var outside = upper
        while abs(outside - inside) > tolerance {
            let middle = inside + (outside - inside) / 2
            if isInside(middle) { inside = middle } else { outside = middle }
        }
        return inside
    }
}
