import Foundation

/// Binary Shannon entropy h(p) in bits.
///
/// h(p) = −p·log2 p − (1 − p)·log2(1 − p), with (1 − p)'s logarithm taken
/// through `log1p` so that h stays accurate for p ≈ 1e-12.
/// Domain: any p; returns 0 for p ≤ 0 or p ≥ 1 (the limits of the formula)
/// and 0 for NaN.
/// Source: Shannon, Bell Syst. Tech. J. 27, 379 (1948), Sec. 6 (entropy of two
/// alternatives); the error-correction and privacy-amplification cost in
/// GLLP-type key rates, e.g. Lo, Ma, Chen, PRL 94, 230504 (2005), Eq. (1).
public func binaryEntropy(_ p: Double) -> Double {
    guard p > 0, p < 1 else { return 0 }
    return -(p * log2(p) + (1 - p) * log1p(-p) / M_LN2)
}
