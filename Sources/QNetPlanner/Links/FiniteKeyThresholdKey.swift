import QNetPhysics

/// The inputs that decide a finite-key receiver's threshold (Y0 and e_mis rounded like `ThresholdKey`).
struct FiniteKeyThresholdKey: Hashable, Sendable {
    var darkYield: Double
    var misalignment: Double
    var afterpulse: Double
    var ecEfficiency: Double
    var blockSize: Double
    var secrecy: SecrecyParameter
    var correctness: Double
    var choices: FiniteKeyDecoyChoices

    init(_ p: FiniteKeyDecoyBB84Parameters, choices: FiniteKeyDecoyChoices) {
        darkYield = ThresholdKey.round(p.darkYield)
        misalignment = ThresholdKey.round(p.misalignment)
        afterpulse = p.afterpulseProbability
        ecEfficiency = p.ecEfficiency
        blockSize = p.blockSize
        secrecy = p.secrecy
        correctness = p.correctness
        self.choices = choices
    }

    /// The parameters at η = 1 (the threshold search replaces it).
    var parameters: FiniteKeyDecoyBB84Parameters {
        FiniteKeyDecoyBB84Parameters(transmittance: 1, darkYield: darkYield, afterpulseProbability: afterpulse,
                                     misalignment: misalignment, ecEfficiency: ecEfficiency, blockSize: blockSize,
                                     secrecy: secrecy, correctness: correctness)
    }
}
