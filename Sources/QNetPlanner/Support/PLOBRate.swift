import QNetPhysics

/// The PLOB bound in bit/s: −log2(1 − η) bits per channel use times the uses per second (Pirandola, Laurenza,
/// Ottaviani, Banchi, Nat. Commun. 8, 15043 (2017)).
enum PLOBRate {
    /// The bound of a channel of transmittance `transmittance` used `repetitionRate` times per second, bit/s; nil when
    /// it has no limit: a lossless channel (η = 1) used at a positive rate.
    static func bitsPerSecond(transmittance: Double, repetitionRate: Double) -> Double? {
        let perUse = PLOBBound.bitsPerUse(transmittance: Sanitise.fraction(transmittance))
        let rate = Sanitise.rate(repetitionRate)
        guard perUse.isFinite || rate == 0 else { return nil }
        return Sanitise.rate(perUse * rate)
    }

    /// The bound of a channel that loses `lossDB` dB, used `repetitionRate` times per second, bit/s; nil at 0 dB.
    static func bitsPerSecond(lossDB: Double, repetitionRate: Double) -> Double? {
        bitsPerSecond(transmittance: Decibel.transmittance(loss: lossDB), repetitionRate: repetitionRate)
    }
}
