import Foundation

/// The repeaterless secret-key capacity of a pure-loss channel.
public enum PLOBBound {
    /// PLOB bound: at most −log2(1 − η) secret bits per use of a channel of transmittance η.
    ///
    /// Computed as −log1p(−η)/ln 2, which stays accurate for η down to the
    /// smallest doubles (≈ 1.44·η for small η); the naive −log2(1 − η) returns 0
    /// below η ≈ 1e-16. η is the channel's transmittance (its losses, not the
    /// receiver's detector efficiency). Domain: η ≤ 0 gives 0, η ≥ 1 gives
    /// `+infinity` (a lossless channel has unbounded capacity).
    /// Units: bits per channel use; multiply by the repetition rate for bit/s.
    /// Source: Pirandola, Laurenza, Ottaviani, Banchi, Nat. Commun. 8, 15043
    /// (2017): the pure-loss channel's two-way assisted secret-key capacity,
    /// −log2(1 − η), stated in the abstract and derived in the Results.
    public static func bitsPerUse(transmittance: Double) -> Double {
        guard transmittance > 0 else { return 0 }
        guard transmittance < 1 else { return .infinity }
        return -log1p(-transmittance) / M_LN2
    }
}
