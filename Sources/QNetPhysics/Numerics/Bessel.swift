import Foundation

/// The modified Bessel function of the first kind of order zero, in the forms the key rates need.
public enum Bessel {
    /// I0(x) − 1 for x ≥ 0, without the cancellation of computing I0 first.
    ///
    /// Power series Σ_{k≥1} (x²/4)^k/(k!)² summed until a term no longer changes
    /// the sum (x ≤ 50: at most ~80 terms, relative error ~1e-15); above 50 the
    /// asymptotic expansion e^x/√(2πx)·(1 + 1/(8x) + 9/(128x²)) − 1.
    /// Domain: x < 0 is taken as |x| (I0 is even); NaN gives NaN.
    /// Source: Abramowitz and Stegun, Handbook of Mathematical Functions (1964), Eqs. 9.6.12 and 9.7.1.
    public static func i0Minus1(_ x: Double) -> Double {
        let x = abs(x)
        guard x <= 50 else {
            return exp(x) / sqrt(2 * Double.pi * x) * (1 + 1 / (8 * x) + 9 / (128 * x * x)) - 1
        }
        let quarterSquare = x * x / 4
        var term = 1.0
        var sum = 0.0
        var k = 1.0
        while true {
            term *= quarterSquare / (k * k)
            let next = sum + term
            if next == sum { break }
            sum = next
            k += 1
        }
        return sum
    }
}
