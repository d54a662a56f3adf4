/// A prepare-and-measure receiver's optical error e_d = misalignment + 1/2 inter-symbol fraction (a click in the
/// wrong slot carries a random bit), with the error-correction inefficiency f that the key pays on it: what decides
/// whether any transmittance gives a key (GLLP, Gottesman, Lo, Lütkenhaus, Preskill, QIC 4, 325 (2004)).
struct OpticalError {
    /// The link's misalignment e_mis.
    var misalignment: Double
    /// Fraction of the signal in the neighbouring slot; half of it is counted as error.
    var interSymbolFraction: Double
    /// Total timing jitter (FWHM, s) that spreads the signal into the neighbouring slot.
    var jitterFWHM: Double
    /// Error-correction inefficiency f.
    var ecEfficiency: Double

    /// e_d, at most 1/2.
    var total: Double { min(0.5, misalignment + 0.5 * interSymbolFraction) }

    /// Why no channel loss at all gives a key: the optical error alone leaves none after error correction and
    /// privacy amplification, even at system transmittance 1.
    var noKeyAtAnyLoss: String {
        "no loss gives a key, not even a lossless channel: optical error e_d \(Format.percent(total)) "
            + "(misalignment \(Format.percent(misalignment)) + half the \(Format.percent(interSymbolFraction)) "
            + "of the signal that \(Format.duration(jitterFWHM)) of jitter spreads into the neighbouring slot) "
            + "with f = \(Format.number(ecEfficiency)) leaves none after "
            + "error correction and privacy amplification, so there is no margin to report"
    }
}
